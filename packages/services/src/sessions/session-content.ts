/**
 * What a session holds, shared by recording and amending it: kind, minutes, private notes, observations,
 * or an explicit "held, nothing to record". A session with none of these is refused.
 */
import { z } from 'zod';
import { sessionObservationSchema } from '../observations/observation-input';

const NOTES_MAX = 20_000;

export const sessionKindSchema = z.enum(['individual', 'group', 'informal'], {
  message: 'expected individual, group or informal',
});

export const sessionMinutesSchema = z
  .number()
  .int({ message: 'expected whole minutes from 0 to 1440' })
  .min(0, { message: 'expected whole minutes from 0 to 1440' })
  .max(1440, { message: 'expected whole minutes from 0 to 1440' });

export const sessionNotesSchema = z
  .string()
  .max(NOTES_MAX, { message: `expected at most ${NOTES_MAX} characters` });

export const sessionObservationsSchema = z
  .array(sessionObservationSchema)
  .max(100, { message: 'expected at most 100 observations' });

/** The message a form shows when a session holds nothing. */
export const EMPTY_SESSION_EXPECTED =
  'observations, minutes, notes, or nothingToRecord: true (an empty session is not recorded)';

export interface SessionContent {
  minutes?: number | undefined;
  privateNotes?: string | undefined;
  observations: readonly unknown[];
  nothingToRecord: boolean;
}

/** True when the session has observations, a duration above zero, or notes with a visible character. */
export function hasRecordedContent(content: SessionContent): boolean {
  return (
    content.observations.length > 0 ||
    (content.minutes ?? 0) > 0 ||
    (content.privateNotes ?? '').trim() !== ''
  );
}

/** The "a session holds something" issues, each with its field and what was expected. */
export function sessionContentIssues(content: SessionContent): { path: string; expected: string }[] {
  const issues: { path: string; expected: string }[] = [];
  if (!hasRecordedContent(content) && !content.nothingToRecord) {
    issues.push({ path: 'nothingToRecord', expected: EMPTY_SESSION_EXPECTED });
  }
  if (
    content.nothingToRecord &&
    (content.observations.length > 0 || (content.privateNotes ?? '').trim() !== '')
  ) {
    issues.push({
      path: 'nothingToRecord',
      expected: 'nothingToRecord only for a session without observations or notes',
    });
  }
  return issues;
}

/** Adds the "a session holds something" issues to a zod refinement context. */
export function checkSessionContent(content: SessionContent, ctx: z.RefinementCtx): void {
  for (const issue of sessionContentIssues(content)) {
    ctx.addIssue({ code: 'custom', path: [issue.path], message: `expected ${issue.expected}` });
  }
}
