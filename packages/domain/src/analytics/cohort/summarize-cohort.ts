/**
 * Cohort analytics (domain.md section 9): every participant assessed with the core `assess`, and
 * the prevalence of each role and conflict overall and by setting, with counts and denominators.
 */
import { z } from 'zod';
import { assess } from '../../assess/assess';
import { isObservation, settings } from '../../assess/assess-input';
import type { Level } from '../../assess/assessment';
import { atLeast } from '../../assess/levels';
import { type ConflictId, conflictIds } from '../../catalog/conflicts';
import { type RoleId, roleIds } from '../../catalog/roles';
import { addDays, isoDateSchema } from '../../dates/iso-date';
import { DomainValidationError, parseInput, toValidationIssues } from '../../errors';
import { type Observation, observationSchema } from '../../evidence/observation';
import { defaultRuleset } from '../../ruleset/default-ruleset';
import type { Ruleset } from '../../ruleset/ruleset-schema';
import { validateRuleset } from '../../ruleset/with-overrides';
import { compareStrings } from '../segments/segment';

/** A care setting: `inpatient`, `community` or `other`. */
export type Setting = (typeof settings)[number];

/** One participant of a study (an interviewed PSW). */
export interface CohortParticipant {
  id: string;
  setting: Setting;
  /** Start in post; when unknown the participant is taken as not early-career (see summarizeCohort). */
  startedOn?: string | undefined;
  /** The unit whose unit-level observations apply; defaults to none. */
  unitId?: string | undefined;
}

/** Input of `summarizeCohort`. */
export interface CohortInput {
  participants: CohortParticipant[];
  /** Observations about the participants (workerId) or their units (unitId); others are ignored. */
  observations: readonly Observation[];
  asOf: string;
  ruleset?: Ruleset | undefined;
  /** A role counts as enacted at enactment >= this (default 0.5). */
  enactmentThreshold?: number | undefined;
}

/** One participant's role profile and conflicts. */
export interface ParticipantProfile {
  id: string;
  setting: Setting;
  tenureKnown: boolean;
  observationsInWindow: number;
  roles: { [K in RoleId]: { enactment: number | null; confidence: number } };
  conflicts: { [K in ConflictId]: { level: Level; severity: number | null } };
}

/** How many of the participants whose value is known have the property. */
export interface Prevalence {
  /** participants with the property (role enacted; conflict at least emerging) */
  count: number;
  /** the denominator: participants for whom it is known (enactment not null; level not unknown) */
  known: number;
  /** all participants in the group, known or not */
  total: number;
  /** count / known, or null when known is 0 */
  proportion: number | null;
}

/** Prevalence of every role and conflict in one group of participants. */
export interface PrevalenceGroup {
  participants: number;
  roles: { [K in RoleId]: Prevalence };
  conflicts: { [K in ConflictId]: Prevalence };
}

/** The result of `summarizeCohort`. */
export interface CohortSummary {
  asOf: string;
  ruleset: { id: string; version: string };
  enactmentThreshold: number;
  /** A conflict counts as present at this level or above. */
  conflictLevelAtLeast: 'emerging';
  participants: ParticipantProfile[];
  prevalence: { overall: PrevalenceGroup; bySetting: { [K in Setting]: PrevalenceGroup } };
}

const nonEmpty = z.string().min(1, { message: 'expected a non-empty string' });
const participantSchema = z.object({
  id: nonEmpty,
  setting: z.enum(settings, { message: `expected one of ${settings.join(', ')}` }),
  startedOn: isoDateSchema.optional(),
  unitId: nonEmpty.optional(),
});
const headSchema = z
  .object({
    participants: z.array(participantSchema).superRefine((ps, ctx) => {
      const seen = new Set<string>();
      ps.forEach((p, i) => {
        if (seen.has(p.id))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `expected a unique id, "${p.id}" repeats`,
          });
        seen.add(p.id);
      });
    }),
    observations: z.array(z.unknown()),
    asOf: isoDateSchema,
    ruleset: z.unknown().optional(),
    enactmentThreshold: z
      .number()
      .min(0, { message: 'expected a number from 0 to 1' })
      .max(1, { message: 'expected a number from 0 to 1' })
      .optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    input.participants.forEach((p, i) => {
      if (p.startedOn !== undefined && p.startedOn > input.asOf) {
        ctx.addIssue({
          code: 'custom',
          path: ['participants', i, 'startedOn'],
          message: 'expected a date on or before asOf',
        });
      }
    });
  });

/**
 * Assess every participant at `asOf` (the core `assess`, same ruleset for all) and count, overall
 * and per setting, how many enact each role (enactment >= `enactmentThreshold`, default 0.5) and
 * how many have each conflict at level `emerging` or above. Each proportion's denominator is the
 * participants for whom the value is known; unknowns are reported, never counted as absent.
 * A participant without `startedOn` is assessed as in post long enough not to be early-career, so
 * the early-career multiplier is not applied (interviews rarely record the start date).
 * Participants are listed by id. Before showing prevalence counts to people who may not see the
 * records, pass `cohortPrevalenceTable(summary)` through `suppressSmallCells`.
 */
export function summarizeCohort(input: CohortInput): CohortSummary {
  const head = parseInput(headSchema, input, 'summarizeCohort');
  // The fast check first (100,000 observations through zod would dominate the run); zod names the problems.
  head.observations.forEach((o, i) => {
    if (isObservation(o)) return;
    const result = observationSchema.safeParse(o);
    if (!result.success) {
      const issues = toValidationIssues(result.error).map((issue) => ({
        ...issue,
        path: issue.path === '' ? `observations.${i}` : `observations.${i}.${issue.path}`,
      }));
      throw new DomainValidationError('summarizeCohort', issues);
    }
  });
  const ruleset = validateRuleset(head.ruleset ?? defaultRuleset, 'summarizeCohort ruleset');
  const threshold = head.enactmentThreshold ?? 0.5;
  const observations = input.observations;

  // Split once so each assess call sees only its own evidence (assess ignores the rest, but would scan it).
  const byWorker = new Map<string, Observation[]>();
  const byUnit = new Map<string, Observation[]>();
  for (const o of observations) {
    if (o.workerId !== undefined) push(byWorker, o.workerId, o);
    else if (o.unitId !== undefined) push(byUnit, o.unitId, o);
  }
  const notEarlyCareer = addDays(
    head.asOf,
    -(ruleset.contextMultipliers.earlyCareer.tenureUnderMonths * 31 + 1),
  );

  const profiles = [...head.participants]
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((p): ParticipantProfile => {
      const unitId = p.unitId ?? `participant-unit:${p.id}`;
      const own = byWorker.get(p.id) ?? [];
      const unitObs = p.unitId === undefined ? [] : (byUnit.get(p.unitId) ?? []);
      const a = assess({
        asOf: head.asOf,
        worker: { id: p.id, startedOn: p.startedOn ?? notEarlyCareer, unitId },
        unit: { id: unitId, setting: p.setting },
        observations: unitObs.length === 0 ? own : [...own, ...unitObs],
        ruleset,
      });
      return {
        id: p.id,
        setting: p.setting,
        tenureKnown: p.startedOn !== undefined,
        observationsInWindow: a.observationsInWindow,
        roles: mapKeys(roleIds, (r) => ({
          enactment: a.roles[r].enactment,
          confidence: a.roles[r].confidence,
        })),
        conflicts: mapKeys(conflictIds, (c) => ({
          level: a.conflicts[c].level,
          severity: a.conflicts[c].severity,
        })),
      };
    });

  return {
    asOf: head.asOf,
    ruleset: { id: ruleset.id, version: ruleset.version },
    enactmentThreshold: threshold,
    conflictLevelAtLeast: 'emerging',
    participants: profiles,
    prevalence: {
      overall: prevalenceOf(profiles, threshold),
      bySetting: mapKeys(settings, (s) =>
        prevalenceOf(
          profiles.filter((p) => p.setting === s),
          threshold,
        ),
      ),
    },
  };
}

function prevalenceOf(profiles: ParticipantProfile[], threshold: number): PrevalenceGroup {
  const count = (has: (p: ParticipantProfile) => boolean | null): Prevalence => {
    let yes = 0;
    let known = 0;
    for (const p of profiles) {
      const v = has(p);
      if (v === null) continue;
      known++;
      if (v) yes++;
    }
    return { count: yes, known, total: profiles.length, proportion: known === 0 ? null : yes / known };
  };
  return {
    participants: profiles.length,
    roles: mapKeys(roleIds, (r) =>
      count((p) => (p.roles[r].enactment === null ? null : p.roles[r].enactment! >= threshold)),
    ),
    conflicts: mapKeys(conflictIds, (c) =>
      count((p) => (p.conflicts[c].level === 'unknown' ? null : atLeast(p.conflicts[c].level, 'emerging'))),
    ),
  };
}

function mapKeys<K extends string, V>(keys: readonly K[], f: (k: K) => V): { [P in K]: V } {
  return Object.fromEntries(keys.map((k) => [k, f(k)])) as { [P in K]: V };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
