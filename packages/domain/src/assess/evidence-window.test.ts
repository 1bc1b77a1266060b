/** How observations become evidence: windows, latest-wins, summed counts, unit versus worker, unknown versus absent. */
import { describe, expect, it } from 'vitest';
import type { Observation } from '../evidence/observation';
import { assess } from './assess';
import type { IndicatorReason } from './assessment';
import { AS_OF, anAssessInput, anObservation } from './test-builders';

const fvp = (observations: Observation[]) =>
  assess(anAssessInput({ observations })).conflicts.friend_vs_professional;
const markerReason = (observations: Observation[], indicator: string) =>
  fvp(observations).because.find(
    (r): r is IndicatorReason => r.kind === 'indicator' && r.indicator === indicator,
  );
const sveMarker = (observations: Observation[], indicator: string) =>
  assess(anAssessInput({ observations })).conflicts.staff_member_vs_expert_by_experience.because.find(
    (r): r is IndicatorReason => r.kind === 'indicator' && r.indicator === indicator,
  );

describe('the window (asOf - 90 days, asOf]', () => {
  it('includes asOf itself and excludes the day exactly 90 days before', () => {
    expect(
      markerReason([anObservation('private_number_shared', true, { daysAgo: 0 })], 'private_number_shared'),
    ).toBeDefined();
    expect(
      markerReason([anObservation('private_number_shared', true, { daysAgo: 89 })], 'private_number_shared'),
    ).toBeDefined();
    expect(fvp([anObservation('private_number_shared', true, { daysAgo: 90 })]).level).toBe('unknown');
  });

  it('ignores observations after asOf, so history can be replayed', () => {
    const r = fvp([
      anObservation('private_number_shared', false, { daysAgo: 5 }),
      anObservation('private_number_shared', true, { daysAgo: -3 }),
    ]);
    expect(r.severity).toBe(0);
  });
});

describe('combining observations of one indicator', () => {
  it('takes the latest likert or bool value', () => {
    const r = markerReason(
      [
        anObservation('private_number_shared', true, { daysAgo: 30, id: 'old' }),
        anObservation('private_number_shared', false, { daysAgo: 3, id: 'new' }),
      ],
      'private_number_shared',
    );
    expect(r).toMatchObject({ value: false, strength: 0, observationIds: ['new'] });
  });

  it('breaks a same-day tie by the greater id, whatever the input order', () => {
    const a = anObservation('private_number_shared', true, { id: 'o-a' });
    const b = anObservation('private_number_shared', false, { id: 'o-b' });
    expect(markerReason([a, b], 'private_number_shared')?.observationIds).toEqual(['o-b']);
    expect(markerReason([b, a], 'private_number_shared')?.observationIds).toEqual(['o-b']);
  });

  it('adds up event counts and lists every observation behind them, sorted', () => {
    const r = markerReason(
      [
        anObservation('after_hours_client_contact', 2, { daysAgo: 3, id: 'o2' }),
        anObservation('after_hours_client_contact', 3, { daysAgo: 30, id: 'o1' }),
      ],
      'after_hours_client_contact',
    );
    expect(r).toMatchObject({ value: 5, observationIds: ['o1', 'o2'] });
    expect(r?.strength).toBeCloseTo(1 - Math.exp(-5 / 4), 12);
  });
});

describe('unit-level and worker-level evidence', () => {
  it('applies a unit-level value to the PSW of that unit', () => {
    expect(
      sveMarker([anObservation('has_own_workplace', false, { unit: true })], 'has_own_workplace'),
    ).toMatchObject({
      level: 'unit',
      strength: 1,
    });
  });

  it('lets a worker-level observation of the same indicator take precedence, even when older', () => {
    const r = sveMarker(
      [
        anObservation('has_own_workplace', false, { unit: true, daysAgo: 2 }),
        anObservation('has_own_workplace', true, { daysAgo: 40 }),
      ],
      'has_own_workplace',
    );
    expect(r).toMatchObject({ level: 'worker', value: true, strength: 0 });
  });

  it('ignores observations about other PSWs and other units', () => {
    const r = fvp([
      anObservation('private_number_shared', true, { workerId: 'someone-else' }),
      { ...anObservation('supervision_available', false, { unit: true }), unitId: 'another-unit' },
    ]);
    expect(r.level).toBe('unknown');
  });
});

describe('unknown versus known-absent', () => {
  it('treats no observation as unknown, never as zero', () => {
    expect(fvp([])).toMatchObject({ level: 'unknown', severity: null, trend: null });
  });

  it('treats a lowest value as known and absent: strength 0, level none', () => {
    const r = fvp([
      anObservation('after_hours_client_contact', 0),
      anObservation('informal_address_with_clients', false),
    ]);
    expect(r).toMatchObject({ level: 'none', severity: 0 });
  });
});

describe('the assessment record', () => {
  it('records the ruleset, the window and the tenure in whole months', () => {
    const r = assess(anAssessInput({ worker: { id: 'w1', startedOn: '2025-12-27', unitId: 'u1' } }));
    expect(r.ruleset).toEqual({ id: 'peerbridge-default', version: '1.0.0' });
    expect(r.window).toEqual({ from: '2026-08-28', to: AS_OF });
    expect(r.tenureMonths).toBe(10);
  });
});
