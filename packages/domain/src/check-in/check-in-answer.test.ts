/** Shared check-in answers enter `assess` as self-reports under the evidence rules; kept ones change nothing. */
import { describe, expect, it } from 'vitest';
import { assess } from '../assess/assess';
import type { IndicatorReason } from '../assess/assessment';
import { AS_OF, anAssessInput, anObservation } from '../assess/test-builders';
import { addDays } from '../dates/iso-date';
import type { Observation } from '../evidence/observation';
import {
  type CheckInAnswer,
  checkInAnswersSchema,
  defaultShareChoice,
  sharedAnswersAsObservations,
} from './check-in-answer';

const asObservations = (answers: CheckInAnswer[], answeredOn = AS_OF, checkInId = 'ci1') =>
  sharedAnswersAsObservations(answers, {
    workerId: 'w1',
    answeredOn,
    checkInId,
    idOf: (a) => `${checkInId}-${a.indicator}`,
  });

const reasonFor = (observations: Observation[], indicator: string) =>
  assess(anAssessInput({ observations })).conflicts.friend_vs_professional.because.find(
    (r): r is IndicatorReason => r.kind === 'indicator' && r.indicator === indicator,
  );

describe('a shared check-in answer', () => {
  it('becomes a worker-level self_report observation dated the check-in day, naming the check-in', () => {
    expect(asObservations([{ indicator: 'private_number_shared', value: true, share: true }])).toEqual([
      {
        id: 'ci1-private_number_shared',
        workerId: 'w1',
        indicator: 'private_number_shared',
        value: true,
        observedAt: AS_OF,
        source: 'self_report',
        sourceRef: 'ci1',
      },
    ]);
  });

  it('enters assess and shows with its self_report observation in because', () => {
    const observations = asObservations([{ indicator: 'private_number_shared', value: true, share: true }]);
    const reason = reasonFor(observations, 'private_number_shared');
    expect(reason?.observationIds).toEqual(['ci1-private_number_shared']);
    const byId = new Map(observations.map((o) => [o.id, o]));
    expect(reason?.observationIds.map((id) => byId.get(id)?.source)).toEqual(['self_report']);
  });

  it('wins over an older supervision observation (latest wins)', () => {
    const older = anObservation('private_number_shared', false, { daysAgo: 10, id: 'o-sup' });
    const observations = [
      older,
      ...asObservations([{ indicator: 'private_number_shared', value: true, share: true }]),
    ];
    const reason = reasonFor(observations, 'private_number_shared');
    expect(reason?.value).toBe(true);
    expect(reason?.observationIds).toEqual(['ci1-private_number_shared']);
  });

  it('loses to a later supervision observation, and a same-date tie goes to the greater id in any order', () => {
    const mine = asObservations(
      [{ indicator: 'private_number_shared', value: true, share: true }],
      addDays(AS_OF, -3),
      'ci1',
    );
    const later = anObservation('private_number_shared', false, { daysAgo: 1, id: 'o-later' });
    expect(reasonFor([...mine, later], 'private_number_shared')?.value).toBe(false);

    const sameDay = anObservation('private_number_shared', false, { daysAgo: 3, id: 'zz-supervision' });
    for (const order of [
      [...mine, sameDay],
      [sameDay, ...mine],
    ]) {
      const reason = reasonFor(order, 'private_number_shared');
      expect(reason?.value).toBe(false);
      expect(reason?.observationIds).toEqual(['zz-supervision']);
    }
    const lowerId = anObservation('private_number_shared', false, { daysAgo: 3, id: 'aa-supervision' });
    expect(reasonFor([lowerId, ...mine], 'private_number_shared')?.observationIds).toEqual([
      'ci1-private_number_shared',
    ]);
  });
});

describe('a kept check-in answer', () => {
  it('becomes no observation, so the assessment is byte-identical to one without it', () => {
    const base = [anObservation('after_hours_client_contact', 2, { id: 'o1' })];
    const kept = asObservations([
      { indicator: 'exhaustion', value: 5, share: false },
      { indicator: 'self_stigma', value: 5, share: false },
    ]);
    expect(kept).toEqual([]);
    expect(JSON.stringify(assess(anAssessInput({ observations: [...base, ...kept] })))).toBe(
      JSON.stringify(assess(anAssessInput({ observations: base }))),
    );
  });
});

describe('check-in answers as input', () => {
  it('names the field and what was expected for a bad value, a repeat or an unknown question', () => {
    const result = checkInAnswersSchema.safeParse([
      { indicator: 'exhaustion', value: 9, share: false },
      { indicator: 'exhaustion', value: 2, share: false },
    ]);
    expect(result.success).toBe(false);
    const lines = result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(lines).toContain('0.value: expected an integer from 1 to 5 (likert question "exhaustion")');
    expect(lines).toContain('1.indicator: expected "exhaustion" only once');
    const unknown = checkInAnswersSchema.safeParse([
      { indicator: 'supervision_available', value: true, share: true },
    ]);
    expect(unknown.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      '0.indicator: expected an indicator the check-in asks about',
    ]);
  });

  it('never takes a missing share choice as a default', () => {
    expect(checkInAnswersSchema.safeParse([{ indicator: 'stress', value: 3 }]).success).toBe(false);
  });

  it('preselects "share" for team questions only; private ones are asked each time', () => {
    expect(defaultShareChoice('cooperates_in_team')).toBe(true);
    expect(defaultShareChoice('has_own_workplace')).toBe(true);
    for (const id of ['exhaustion', 'stress', 'self_stigma', 'work_intrudes_personal_life'] as const)
      expect(defaultShareChoice(id)).toBeNull();
  });
});
