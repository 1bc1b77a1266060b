/**
 * The PSW's check-in form logic (issue 12 item 2, ADR 0039): the questions in the catalog's order, each
 * with its kind and whether it is a private topic; the share choice preselected only for team topics
 * (a private one is asked each time); and the draft turned into the API's answers. A skipped question
 * sends nothing, so it stays unknown.
 */
import {
  audienceOf,
  type CheckInIndicatorId,
  checkInIndicatorIds,
  defaultShareChoice,
  getIndicator,
  type IndicatorKind,
  MAX_EVENTS_PER_MONTH,
} from '@peerbridge/domain';

export interface CheckInStep {
  indicator: CheckInIndicatorId;
  kind: IndicatorKind;
  /** Self-stigma, exhaustion, stress and the like: marked, and never shared without asking. */
  private: boolean;
}

/** One question per indicator, in the order the check-in asks them (easy ones first, strain last). */
export const checkInSteps: readonly CheckInStep[] = checkInIndicatorIds.map((indicator) => ({
  indicator,
  kind: getIndicator(indicator).kind,
  private: audienceOf(indicator) === 'private',
}));

/** One question's draft: the value (undefined: skipped) and the choice (null: not chosen yet). */
export interface DraftAnswer {
  value: number | boolean | undefined;
  share: boolean | null;
}
export type CheckInDraft = Partial<Record<CheckInIndicatorId, DraftAnswer>>;

/** The draft of a question not touched yet: no value, the default choice of its audience. */
export function emptyAnswer(indicator: CheckInIndicatorId): DraftAnswer {
  return { value: undefined, share: defaultShareChoice(indicator) };
}

export function answerOf(draft: CheckInDraft, indicator: CheckInIndicatorId): DraftAnswer {
  return draft[indicator] ?? emptyAnswer(indicator);
}

/** Why a question cannot be left as it is: an i18n key, or null when it may be left. */
export function problemOf(step: CheckInStep, answer: DraftAnswer): string | null {
  if (answer.value === undefined) return null;
  if (step.kind === 'event') {
    const n = answer.value;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_EVENTS_PER_MONTH)
      return 'checkIn.errors.count';
  }
  if (answer.share === null) return 'checkIn.errors.choose';
  return null;
}

export interface CheckInAnswerInput {
  indicator: CheckInIndicatorId;
  value: number | boolean;
  share: boolean;
}

/** The answered questions as the API's answers, in the check-in's order; skipped ones are left out. */
export function answersOf(draft: CheckInDraft): CheckInAnswerInput[] {
  const answers: CheckInAnswerInput[] = [];
  for (const step of checkInSteps) {
    const a = answerOf(draft, step.indicator);
    if (a.value === undefined || problemOf(step, a) !== null || a.share === null) continue;
    answers.push({ indicator: step.indicator, value: a.value, share: a.share });
  }
  return answers;
}

/** The first question that still needs the PSW's attention, or -1. */
export function firstProblem(draft: CheckInDraft): number {
  return checkInSteps.findIndex((s) => problemOf(s, answerOf(draft, s.indicator)) !== null);
}
