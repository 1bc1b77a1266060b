/** The card rules of domain.md section 7 and the order cards come in. */
import { describe, expect, it } from 'vitest';
import { assess } from '../assess/assess';
import { anAssessInput, anObservation, aUnit, aWorker, sessionsAt } from '../assess/test-builders';
import type { Observation } from '../evidence/observation';
import { compareCards } from './recommend';

const regular = sessionsAt([7, 35]);
const cardsFor = (
  observations: Observation[],
  opts: { setting?: 'inpatient' | 'community'; sessions?: typeof regular } = {},
) =>
  assess(
    anAssessInput({
      unit: aUnit({ setting: opts.setting ?? 'community' }),
      observations,
      sessions: opts.sessions ?? regular,
    }),
  ).cards;
const ids = (cards: ReturnType<typeof cardsFor>) => cards.map((c) => c.id);
const enough = [
  anObservation('cooperates_in_team', 4),
  anObservation('input_valued_by_team', 4),
  anObservation('supportive_colleagues', 4),
];

describe('card rules', () => {
  it('raises regular_supervision to critical when strain is at least active, and marks it sensitive', () => {
    const calm = cardsFor(enough, { sessions: [] }).find((c) => c.id === 'regular_supervision');
    const strained = cardsFor([...enough, anObservation('exhaustion', 4)], { sessions: [] }).find(
      (c) => c.id === 'regular_supervision',
    );
    expect(calm).toMatchObject({ indicator: 'warning', sensitive: false, because: ['supervision_gap'] });
    expect(strained).toMatchObject({
      indicator: 'critical',
      sensitive: true,
      because: ['strain', 'supervision_gap'],
    });
  });

  it('skips boundary_strategies when every strategy is in use', () => {
    const markers = [
      anObservation('private_number_shared', true),
      anObservation('after_hours_client_contact', 3),
    ];
    expect(ids(cardsFor(markers))).toContain('boundary_strategies');
    const withStrategies = [
      ...markers,
      anObservation('phone_off_after_hours', true),
      anObservation('keeps_working_hours', true),
      anObservation('protects_personal_time', 5),
    ];
    expect(ids(cardsFor(withStrategies))).not.toContain('boundary_strategies');
    expect(ids(cardsFor(withStrategies))).toContain('supervision_focus_boundaries');
    const lowPersonalTime = [...withStrategies.slice(0, 4), anObservation('protects_personal_time', 2)];
    expect(ids(cardsFor(lowPersonalTime))).toContain('boundary_strategies');
  });

  it('recommends psychotherapy access for active strain unless the unit offers it', () => {
    const strain = [...enough, anObservation('exhaustion', 5)];
    expect(ids(cardsFor(strain))).toEqual(
      expect.arrayContaining(['psychotherapy_access', 'wellbeing_check']),
    );
    expect(
      ids(cardsFor([...strain, anObservation('psychotherapy_access', true, { unit: true })])),
    ).not.toContain('psychotherapy_access');
    expect(cardsFor(strain).find((c) => c.id === 'wellbeing_check')?.indicator).toBe('critical');
  });

  it('recommends team education only while the team is untrained, and destigmatisation for stigma signs', () => {
    const stigma = [...enough, anObservation('seen_as_former_patient', 4)];
    expect(ids(cardsFor(stigma))).toEqual(expect.arrayContaining(['team_education', 'destigmatization']));
    expect(cardsFor(stigma).find((c) => c.id === 'team_education')?.indicator).toBe('warning');
    expect(
      ids(cardsFor([...stigma, anObservation('team_trained_in_peer_work', true, { unit: true })])),
    ).not.toContain('team_education');
  });

  it('marks destigmatisation sensitive when self-stigma is its only ground', () => {
    const card = cardsFor([...enough, anObservation('self_stigma', 4)]).find(
      (c) => c.id === 'destigmatization',
    );
    expect(card).toMatchObject({ sensitive: true });
  });

  it('recommends equal working conditions only for a known missing condition, not an unknown one', () => {
    expect(ids(cardsFor(enough))).not.toContain('equal_working_conditions');
    expect(ids(cardsFor([...enough, anObservation('has_own_workplace', false, { unit: true })]))).toContain(
      'equal_working_conditions',
    );
  });

  it('falls back to keep_going only when nothing else fires', () => {
    expect(ids(cardsFor(enough))).toEqual(['keep_going']);
  });
});

describe('card order', () => {
  it('is critical, warning, info, then audience, then id', () => {
    const cards = assess(
      anAssessInput({
        worker: aWorker({ tenureMonths: 3 }),
        unit: aUnit({ setting: 'inpatient' }),
        observations: [
          anObservation('after_hours_client_contact', 9),
          anObservation('private_number_shared', true),
          anObservation('invited_to_team_meetings', false, { unit: true }),
          anObservation('seen_as_former_patient', 5),
          anObservation('exhaustion', 5),
          anObservation('role_unclear', 5),
          anObservation('position_defined', false, { unit: true }),
        ],
      }),
    ).cards;
    expect(cards.length).toBeGreaterThan(8);
    expect([...cards].sort(compareCards)).toEqual(cards);
    expect(cards[0]?.indicator).toBe('critical');
    expect(cards.at(-1)?.indicator).toBe('info');
  });
});
