/** The one rule for "supervision due / overdue": the organisation's cadence, and the ruleset's gap factor. */
import { addDays, toDayNumber } from '../dates/iso-date';
import { defaultRuleset } from '../ruleset/default-ruleset';
import type { Ruleset } from '../ruleset/ruleset-schema';

/** `ok` within the cadence; `due` past the cadence; `overdue` past cadence x gap factor (the `supervision_gap` finding). */
export type SupervisionState = 'ok' | 'due' | 'overdue';

/** Where a PSW stands against the supervision rhythm at `asOf`. */
export interface SupervisionStatus {
  readonly state: SupervisionState;
  /** Days since the last session on or before `asOf`; null when there has been none. */
  readonly daysSinceLast: number | null;
  /** The first day the next session is due (last session, or the start in post, plus the cadence). */
  readonly dueOn: string;
  /** The first day it counts as overdue (plus cadence x gap factor). */
  readonly overdueOn: string;
  readonly cadenceDays: number;
}

/** Inputs of `supervisionStatus`. */
export interface SupervisionStatusInput {
  readonly asOf: string;
  readonly startedOn: string;
  /** The latest session held on or before `asOf`, or null. */
  readonly lastSessionOn: string | null;
  /** The organisation's cadence; the ruleset's when absent. */
  readonly cadenceDays?: number | undefined;
  readonly ruleset?: Ruleset | undefined;
}

/**
 * Due once the gap since the last session (or, with none, since the start in post) exceeds the
 * cadence; overdue once it exceeds cadence x gap factor: the same point at which `assess` reports
 * `supervision_gap`, so the caseload, the PSW page and the findings agree.
 */
export function supervisionStatus(input: SupervisionStatusInput): SupervisionStatus {
  const ruleset = input.ruleset ?? defaultRuleset;
  const cadenceDays = input.cadenceDays ?? ruleset.supervision.cadenceDays;
  const limit = ruleset.supervision.gapFactor * cadenceDays;
  const from = input.lastSessionOn ?? input.startedOn;
  const gap = toDayNumber(input.asOf) - toDayNumber(from);
  const state: SupervisionState = gap > limit ? 'overdue' : gap > cadenceDays ? 'due' : 'ok';
  return {
    state,
    daysSinceLast: input.lastSessionOn === null ? null : gap,
    dueOn: addDays(from, cadenceDays + 1),
    overdueOn: addDays(from, Math.floor(limit) + 1),
    cadenceDays,
  };
}
