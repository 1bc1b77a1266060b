/** Properties that must hold for any evidence: determinism, monotonicity, unknown-not-none, scores in [0, 1]. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type IndicatorId, indicatorIds, indicatorShapes } from '../catalog/indicator-ids';
import { addDays } from '../dates/iso-date';
import type { Observation } from '../evidence/observation';
import { defaultRuleset } from '../ruleset/default-ruleset';
import { assess } from './assess';
import type { Assessment } from './assessment';
import { AS_OF, anAssessInput, aUnit, aWorker } from './test-builders';

const valueFor = (indicator: IndicatorId): fc.Arbitrary<number | boolean> => {
  const kind = indicatorShapes[indicator].kind;
  if (kind === 'likert') return fc.integer({ min: 1, max: 5 });
  if (kind === 'bool') return fc.boolean();
  return fc.integer({ min: 0, max: 8 });
};

const anyObservation = (indicators: readonly IndicatorId[]) =>
  fc.constantFrom(...indicators).chain((indicator) =>
    fc.record({
      indicator: fc.constant(indicator),
      value: valueFor(indicator),
      daysAgo: fc.integer({ min: -10, max: 200 }),
      onUnit: indicatorShapes[indicator].level === 'unit' ? fc.boolean() : fc.constant(false),
      source: fc.constantFrom('supervision', 'self_report', 'interview', 'import' as const),
    }),
  );

const toObservations = (
  raw: ReadonlyArray<{
    indicator: IndicatorId;
    value: number | boolean;
    daysAgo: number;
    onUnit: boolean;
    source: Observation['source'];
  }>,
): Observation[] =>
  raw.map((r, i) => {
    const base = {
      id: `o${String(i).padStart(3, '0')}`,
      indicator: r.indicator,
      value: r.value,
      observedAt: addDays(AS_OF, -r.daysAgo),
      source: r.source,
    };
    return r.onUnit ? { ...base, unitId: 'u1' } : { ...base, workerId: 'w1' };
  });

const scenario = fc.record({
  observations: fc.array(anyObservation(indicatorIds), { maxLength: 40 }).map(toObservations),
  tenureMonths: fc.integer({ min: 0, max: 60 }),
  setting: fc.constantFrom('inpatient', 'community', 'other' as const),
  sessionDaysAgo: fc.array(fc.integer({ min: -5, max: 120 }), { maxLength: 5 }),
});

type Scenario = {
  observations: Observation[];
  tenureMonths: number;
  setting: 'inpatient' | 'community' | 'other';
  sessionDaysAgo: number[];
};

const inputOf = (s: Scenario, observations = s.observations) =>
  anAssessInput({
    worker: aWorker({ tenureMonths: s.tenureMonths }),
    unit: aUnit({ setting: s.setting }),
    observations,
    sessions: s.sessionDaysAgo.map((d) => ({ heldOn: addDays(AS_OF, -d) })),
  });

const markersOf = (conflict: 'friend_vs_professional' | 'staff_member_vs_expert_by_experience') =>
  indicatorIds.filter((id) => defaultRuleset.indicators[id].markers[conflict] !== undefined);
const protectorsOf = (conflict: 'friend_vs_professional' | 'staff_member_vs_expert_by_experience') =>
  indicatorIds.filter((id) => defaultRuleset.indicators[id].protects[conflict] !== undefined);

/** The value that makes an indicator's sign as strong as it gets (for inverse markers: false). */
const strongest = (indicator: IndicatorId, inverse: boolean): number | boolean => {
  const kind = indicatorShapes[indicator].kind;
  if (kind === 'bool') return !inverse;
  return kind === 'likert' ? (inverse ? 1 : 5) : 3;
};

/** An observation dated asOf with an id that sorts last, so it is the latest evidence of its indicator. */
const latest = (indicator: IndicatorId, value: number | boolean): Observation => ({
  id: 'zzz-added',
  workerId: 'w1',
  indicator,
  value,
  observedAt: AS_OF,
  source: 'supervision',
});

const conflicts = ['friend_vs_professional', 'staff_member_vs_expert_by_experience'] as const;

describe('assess, for any evidence', () => {
  it('gives byte-identical JSON whatever the order of observations and sessions', () => {
    fc.assert(
      fc.property(
        scenario.chain((s) =>
          fc.tuple(
            fc.constant(s),
            fc.shuffledSubarray(s.observations, { minLength: s.observations.length }),
            fc.shuffledSubarray(s.sessionDaysAgo, { minLength: s.sessionDaysAgo.length }),
          ),
        ),
        ([s, shuffled, sessions]) => {
          const a = JSON.stringify(assess(inputOf(s)));
          const b = JSON.stringify(assess(inputOf({ ...s, sessionDaysAgo: sessions }, shuffled)));
          expect(b).toBe(a);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never lowers a conflict when a marker observation is added at its strongest', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...conflicts), fc.nat(), (s, conflict, pick) => {
        const markers = markersOf(conflict);
        const indicator = markers[pick % markers.length] as IndicatorId;
        const inverse = defaultRuleset.indicators[indicator].markers[conflict]?.inverse ?? false;
        const before = assess(inputOf(s)).conflicts[conflict].severity ?? -1;
        const after = assess(
          inputOf(s, [...s.observations, latest(indicator, strongest(indicator, inverse))]),
        ).conflicts[conflict].severity;
        expect(after).not.toBeNull();
        expect(after as number).toBeGreaterThanOrEqual(before - 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers a conflict when an event marker count is added', () => {
    const events = indicatorIds.filter((id) => indicatorShapes[id].kind === 'event');
    fc.assert(
      fc.property(
        scenario,
        fc.constantFrom(...events),
        fc.integer({ min: 0, max: 10 }),
        (s, indicator, count) => {
          const before = assess(inputOf(s)).conflicts;
          const after = assess(inputOf(s, [...s.observations, latest(indicator, count)])).conflicts;
          for (const c of conflicts)
            expect(after[c].severity ?? -1).toBeGreaterThanOrEqual((before[c].severity ?? -1) - 1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never raises a conflict when a protective factor is added at its strongest', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...conflicts), fc.nat(), (s, conflict, pick) => {
        const protectors = protectorsOf(conflict);
        const indicator = protectors[pick % protectors.length] as IndicatorId;
        const before = assess(inputOf(s)).conflicts[conflict].severity;
        const after = assess(inputOf(s, [...s.observations, latest(indicator, strongest(indicator, false))]))
          .conflicts[conflict].severity;
        if (before !== null) expect(after as number).toBeLessThanOrEqual(before + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves every conflict unknown, never none, without marker evidence', () => {
    const nonMarkers = indicatorIds.filter((id) => conflicts.every((c) => !markersOf(c).includes(id)));
    fc.assert(
      fc.property(
        fc.array(anyObservation(nonMarkers), { maxLength: 30 }).map(toObservations),
        (observations) => {
          const r = assess(anAssessInput({ observations }));
          for (const c of conflicts)
            expect(r.conflicts[c]).toMatchObject({ level: 'unknown', severity: null, trend: null });
        },
      ),
    );
  });

  it('keeps every score, confidence and contribution in [0, 1]', () => {
    const inUnit = (x: number | null) => {
      if (x !== null) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    };
    const reasonsOf = (a: Assessment) => [
      ...Object.values(a.roles).flatMap((r) => r.because),
      ...Object.values(a.conflicts).flatMap((c) => c.because),
      ...a.strain.because,
    ];
    fc.assert(
      fc.property(scenario, (s) => {
        const a = assess(inputOf(s));
        inUnit(a.overallConfidence);
        inUnit(a.strain.value);
        for (const r of Object.values(a.roles)) {
          inUnit(r.enactment);
          inUnit(r.confidence);
        }
        for (const c of Object.values(a.conflicts)) {
          inUnit(c.severity);
          inUnit(c.previousSeverity);
        }
        for (const reason of reasonsOf(a)) {
          if (reason.kind === 'indicator') {
            inUnit(reason.strength);
            inUnit(reason.contribution);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
