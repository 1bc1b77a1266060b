/**
 * The next session's plan as a form holds it (day, optional time, kind), checked the way the API checks
 * it (ADR 0036): a day from today on and at most a year ahead, a time as HH:MM. Used by the plan dialog
 * on the PSW page and by the "next session on" field of the record form.
 */
import { isoDateSchema } from '@peerbridge/domain';
import { addDays } from '../dates/iso-dates';

/** As the API's PLAN_AHEAD_DAYS: how far ahead a session can be planned. */
export const PLAN_AHEAD_DAYS = 366;

export type PlanKind = 'individual' | 'group' | 'informal';

export interface PlanDraft {
  plannedOn: string;
  /** "" for no time. */
  plannedTime: string;
  /** "" for no kind. */
  kind: PlanKind | '';
}

export interface PlanInput {
  plannedOn: string;
  plannedTime?: string;
  kind?: PlanKind;
}

/** Field errors as i18n keys. */
export type PlanErrors = Partial<Record<'plannedOn' | 'plannedTime', string>>;

/** The last day a plan may be for. */
export function lastPlannableDay(today: string): string {
  return addDays(today, PLAN_AHEAD_DAYS);
}

/** The error key for a planned day, or undefined when it is fine. */
export function plannedOnError(plannedOn: string, today: string): string | undefined {
  if (!isoDateSchema.safeParse(plannedOn).success) return 'next.errors.dateInvalid';
  if (plannedOn < today) return 'next.errors.datePast';
  if (plannedOn > lastPlannableDay(today)) return 'next.errors.dateTooFar';
  return undefined;
}

export function buildPlanInput(
  draft: PlanDraft,
  today: string,
): { ok: true; input: PlanInput } | { ok: false; errors: PlanErrors } {
  const errors: PlanErrors = {};
  const dateError = plannedOnError(draft.plannedOn, today);
  if (dateError) errors.plannedOn = dateError;
  const time = draft.plannedTime.trim();
  if (time !== '' && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) errors.plannedTime = 'next.errors.time';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      plannedOn: draft.plannedOn,
      ...(time === '' ? {} : { plannedTime: time }),
      ...(draft.kind === '' ? {} : { kind: draft.kind }),
    },
  };
}
