/** Small builders for readable assessment tests: synthetic PSWs, units, observations and sessions. */
import type { IndicatorId } from '../catalog/indicator-ids';
import { addDays } from '../dates/iso-date';
import type { Observation, ObservationSource } from '../evidence/observation';
import type { Ruleset } from '../ruleset/ruleset-schema';
import type { AssessInput } from './assess-input';

/** The date the vignettes are assessed at. */
export const AS_OF = '2026-11-26';

/** The same day of the month `months` earlier (clamped to the month's last day). */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A PSW `tenureMonths` whole months in post at `asOf`. */
export function aWorker(opts: { id?: string; tenureMonths?: number; asOf?: string; unitId?: string } = {}) {
  const { id = 'w1', tenureMonths = 24, asOf = AS_OF, unitId = 'u1' } = opts;
  return { id, startedOn: monthsBefore(asOf, tenureMonths), unitId };
}

/** A unit (ward or service). */
export function aUnit(opts: { id?: string; setting?: 'inpatient' | 'community' | 'other' } = {}) {
  return { id: opts.id ?? 'u1', setting: opts.setting ?? 'community' };
}

/** One observation `daysAgo` days before `asOf`; about the worker unless `unit` is set. */
export function anObservation(
  indicator: IndicatorId,
  value: number | boolean,
  opts: {
    daysAgo?: number;
    asOf?: string;
    id?: string;
    unit?: boolean;
    workerId?: string;
    source?: ObservationSource;
  } = {},
): Observation {
  const { daysAgo = 7, asOf = AS_OF, unit = false, workerId = 'w1', source = 'supervision' } = opts;
  const observedAt = addDays(asOf, -daysAgo);
  const id = opts.id ?? `${indicator}@${observedAt}`;
  return unit
    ? { id, unitId: 'u1', indicator, value, observedAt, source }
    : { id, workerId, indicator, value, observedAt, source };
}

/** Supervision sessions on the given days before `asOf`. */
export function sessionsAt(daysAgo: readonly number[], asOf = AS_OF): Array<{ heldOn: string }> {
  return daysAgo.map((d) => ({ heldOn: addDays(asOf, -d) }));
}

/** An assess input with defaults: a community PSW two years in post, no observations, no sessions. */
export function anAssessInput(parts: Partial<AssessInput> & { ruleset?: Ruleset } = {}): AssessInput {
  return {
    asOf: parts.asOf ?? AS_OF,
    worker: parts.worker ?? aWorker({ asOf: parts.asOf ?? AS_OF }),
    unit: parts.unit ?? aUnit(),
    observations: parts.observations ?? [],
    sessions: parts.sessions ?? [],
    ...(parts.ruleset === undefined ? {} : { ruleset: parts.ruleset }),
    ...(parts.cadenceDays === undefined ? {} : { cadenceDays: parts.cadenceDays }),
  };
}
