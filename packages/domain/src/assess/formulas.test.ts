/** Exact numbers: each formula of domain.md section 6 recomputed by hand and compared with assess. */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../evidence/observation';
import { assess } from './assess';
import { anAssessInput, anObservation, aUnit, aWorker } from './test-builders';

const fvpOf = (observations: Observation[], tenureMonths = 24) =>
  assess(anAssessInput({ worker: aWorker({ tenureMonths }), observations })).conflicts.friend_vs_professional;

describe('conflict severity', () => {
  const s = 1 - Math.exp(-4 / 4); // after-hours contacts: count 4, saturation 4

  it('is the marker weight times its strength for a single event marker', () => {
    const fvp = fvpOf([anObservation('after_hours_client_contact', 4)]);
    expect(fvp.severity).toBeCloseTo(0.7 * s, 12);
    expect(fvp.level).toBe('active');
  });

  it('combines markers by noisy-OR', () => {
    const fvp = fvpOf([
      anObservation('after_hours_client_contact', 4),
      anObservation('informal_address_with_clients', true),
    ]);
    expect(fvp.severity).toBeCloseTo(1 - (1 - 0.7 * s) * (1 - 0.3), 12);
  });

  it('is damped by protection: tension x (1 - 0.5 x protection)', () => {
    const fvp = fvpOf([
      anObservation('after_hours_client_contact', 4),
      anObservation('supervision_available', true, { unit: true }),
      anObservation('protects_personal_time', 3),
    ]);
    const protection = 1 - (1 - 0.5) * (1 - 0.3 * 0.5);
    expect(fvp.severity).toBeCloseTo(0.7 * s * (1 - 0.5 * protection), 12);
  });

  it('is multiplied by 1.25 under 12 whole months in post', () => {
    expect(fvpOf([anObservation('after_hours_client_contact', 4)], 11).severity).toBeCloseTo(
      0.7 * s * 1.25,
      12,
    );
    expect(fvpOf([anObservation('after_hours_client_contact', 4)], 12).severity).toBeCloseTo(0.7 * s, 12);
  });

  it('adds 0.15 x strain when there is tension', () => {
    const strain = 1 - (1 - 0.8 * 0.75) * (1 - 0.5 * 0.5); // exhaustion 4, stress 3
    const fvp = fvpOf([
      anObservation('after_hours_client_contact', 4),
      anObservation('exhaustion', 4),
      anObservation('stress', 3),
    ]);
    expect(fvp.severity).toBeCloseTo(0.7 * s + 0.15 * strain, 12);
  });

  it('ignores strain when the conflict shows no sign at all', () => {
    const fvp = fvpOf([anObservation('after_hours_client_contact', 0), anObservation('exhaustion', 5)]);
    expect(fvp.severity).toBe(0);
    expect(fvp.level).toBe('none');
  });

  it('counts an inverse marker when the condition is missing, and multiplies by 1.25 in an inpatient unit', () => {
    const input = (setting: 'inpatient' | 'community') =>
      anAssessInput({
        unit: aUnit({ setting }),
        observations: [anObservation('invited_to_team_meetings', false, { unit: true })],
      });
    expect(assess(input('community')).conflicts.staff_member_vs_expert_by_experience.severity).toBeCloseTo(
      0.6,
      12,
    );
    expect(assess(input('inpatient')).conflicts.staff_member_vs_expert_by_experience.severity).toBeCloseTo(
      0.75,
      12,
    );
  });

  it('clamps at 1', () => {
    const fvp = fvpOf(
      [
        anObservation('after_hours_client_contact', 50),
        anObservation('private_number_shared', true),
        anObservation('meets_clients_outside_work', 9),
        anObservation('exhaustion', 5),
      ],
      2,
    );
    expect(fvp.severity).toBe(1);
    expect(fvp.level).toBe('severe');
  });
});

describe('role enactment', () => {
  it('is the weighted mean of known indicators, with confidence = known weight / total weight', () => {
    const r = assess(
      anAssessInput({
        observations: [
          anObservation('shares_lived_experience', 5),
          anObservation('trusting_equal_relationships', 3),
        ],
      }),
    ).roles.friend;
    expect(r.enactment).toBeCloseTo((1 * 1 + 1 * 0.5) / 2, 12);
    expect(r.confidence).toBeCloseTo(2 / 2.5, 12);
    expect(r.because.map((b) => b.kind === 'indicator' && b.contribution)).toEqual([0.5, 0.25]);
  });

  it('is unknown when confidence is under 0.34', () => {
    const r = assess(anAssessInput({ observations: [anObservation('acts_as_role_model', true)] })).roles
      .friend;
    expect(r.confidence).toBeCloseTo(0.5 / 2.5, 12);
    expect(r.enactment).toBeNull();
  });
});

describe('strain', () => {
  it('is the noisy-OR of strain weight x strength, with the conflict cut points', () => {
    const strain = assess(
      anAssessInput({ observations: [anObservation('exhaustion', 3), anObservation('self_stigma', 5)] }),
    ).strain;
    expect(strain.value).toBeCloseTo(1 - (1 - 0.8 * 0.5) * (1 - 0.5), 12);
    expect(strain.level).toBe('severe');
  });

  it('is unknown without strain evidence', () => {
    expect(assess(anAssessInput()).strain).toEqual({ level: 'unknown', value: null, because: [] });
  });
});

describe('trend', () => {
  const withCounts = (previous: number, current: number) =>
    fvpOf([
      anObservation('after_hours_client_contact', previous, { daysAgo: 120 }),
      anObservation('after_hours_client_contact', current, { daysAgo: 10 }),
    ]);

  it('is rising, falling or steady against the previous 90 days', () => {
    expect(withCounts(1, 6).trend).toBe('rising');
    expect(withCounts(6, 1).trend).toBe('falling');
    expect(withCounts(20, 21).trend).toBe('steady');
  });

  it('is new when the previous window had no marker, and null when the current one has none', () => {
    expect(fvpOf([anObservation('after_hours_client_contact', 3)]).trend).toBe('new');
    expect(fvpOf([anObservation('after_hours_client_contact', 3, { daysAgo: 120 })])).toMatchObject({
      trend: null,
      level: 'unknown',
      previousSeverity: expect.any(Number),
    });
  });
});
