/**
 * A peer worker's check-in answers (issue 12 item 2) and the one rule that turns the shared ones into
 * evidence: a shared answer is a worker-level `self_report` observation dated the day of the check-in;
 * a kept answer becomes nothing here (the caller stores it for the PSW's own view only).
 */
import { z } from 'zod';
import { type CheckInIndicatorId, checkInIndicatorIds } from '../catalog/check-in-texts';
import { audienceOf } from '../catalog/indicator-audience';
import { indicatorShapes } from '../catalog/indicator-ids';
import { isoDateSchema } from '../dates/iso-date';
import { expectedValueByKind, isValidValue, type Observation } from '../evidence/observation';

/** One answered question; a skipped question has no answer at all (it stays unknown). */
export interface CheckInAnswer {
  indicator: CheckInIndicatorId;
  value: number | boolean;
  /** `true`: "share with my supervisor"; `false`: "keep for myself". Always chosen, never defaulted here. */
  share: boolean;
}

const answerObject = z.object({
  indicator: z.enum(checkInIndicatorIds, { message: 'expected an indicator the check-in asks about' }),
  value: z.union([z.number(), z.boolean()], { message: 'expected a number or a boolean' }),
  share: z.boolean({ message: 'expected a choice: true to share with the supervisor, false to keep it' }),
});

/** Zod schema of the answers of one check-in: each indicator at most once, each value of its kind. */
export const checkInAnswersSchema = z.array(answerObject).superRefine((answers, ctx) => {
  const seen = new Set<string>();
  answers.forEach((a, i) => {
    if (seen.has(a.indicator))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'indicator'],
        message: `expected "${a.indicator}" only once`,
      });
    seen.add(a.indicator);
    const { kind } = indicatorShapes[a.indicator];
    if (!isValidValue(kind, a.value))
      ctx.addIssue({
        code: 'custom',
        path: [i, 'value'],
        message: `expected ${expectedValueByKind[kind]} (${kind} question "${a.indicator}")`,
      });
  });
});

/** Whether the portal may preselect "share": only for team-audience questions; private ones ask each time. */
export function defaultShareChoice(indicator: CheckInIndicatorId): boolean | null {
  return audienceOf(indicator) === 'team' ? true : null;
}

/** The shared answers as `self_report` observations about the worker (ids from `idOf`); kept ones are left out. */
export function sharedAnswersAsObservations(
  answers: readonly CheckInAnswer[],
  context: { workerId: string; answeredOn: string; checkInId: string; idOf: (a: CheckInAnswer) => string },
): Observation[] {
  const answeredOn = isoDateSchema.parse(context.answeredOn);
  return answers
    .filter((a) => a.share)
    .map((a) => ({
      id: context.idOf(a),
      workerId: context.workerId,
      indicator: a.indicator,
      value: a.value,
      observedAt: answeredOn,
      source: 'self_report' as const,
      sourceRef: context.checkInId,
    }));
}
