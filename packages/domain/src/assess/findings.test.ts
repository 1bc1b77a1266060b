/** The findings: supervision gap, role ambiguity, over-formalisation, wellbeing strain, insufficient evidence. */
import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import type { AssessInput } from './assess-input';
import { anAssessInput, anObservation, aWorker, sessionsAt } from './test-builders';

const findingIds = (input: AssessInput) => assess(input).findings.map((f) => f.id);
const enough = [
  anObservation('after_hours_client_contact', 0),
  anObservation('private_number_shared', false),
  anObservation('informal_address_with_clients', false),
];

describe('supervision_gap', () => {
  it('holds when the last session was more than 1.5 x 28 = 42 days ago', () => {
    expect(findingIds(anAssessInput({ observations: enough, sessions: sessionsAt([42]) }))).not.toContain(
      'supervision_gap',
    );
    expect(findingIds(anAssessInput({ observations: enough, sessions: sessionsAt([43]) }))).toContain(
      'supervision_gap',
    );
  });

  it('ignores sessions after asOf', () => {
    expect(findingIds(anAssessInput({ observations: enough, sessions: sessionsAt([60, -2]) }))).toContain(
      'supervision_gap',
    );
  });

  it('holds for a PSW in post longer than 42 days with no session at all, but not for a newcomer', () => {
    const since = (days: number) => ({
      id: 'w1',
      startedOn: `2026-11-${String(26 - days).padStart(2, '0')}`,
      unitId: 'u1',
    });
    expect(findingIds(anAssessInput({ observations: enough, worker: since(20) }))).not.toContain(
      'supervision_gap',
    );
    expect(
      findingIds(anAssessInput({ observations: enough, worker: aWorker({ tenureMonths: 2 }) })),
    ).toContain('supervision_gap');
  });

  it('holds when the unit offers no supervision, whatever the sessions', () => {
    const input = anAssessInput({
      observations: [...enough, anObservation('supervision_available', false, { unit: true })],
      sessions: sessionsAt([3]),
    });
    expect(findingIds(input)).toContain('supervision_gap');
  });

  it('follows an organisation cadence passed by the caller', () => {
    const input = anAssessInput({ observations: enough, sessions: sessionsAt([20]), cadenceDays: 10 });
    expect(findingIds(input)).toContain('supervision_gap');
  });
});

describe('role_ambiguity', () => {
  it('holds when role_unclear reaches 0.5 (likert 3) or the unit has no written position', () => {
    expect(
      findingIds(anAssessInput({ observations: [...enough, anObservation('role_unclear', 2)] })),
    ).not.toContain('role_ambiguity');
    expect(
      findingIds(anAssessInput({ observations: [...enough, anObservation('role_unclear', 3)] })),
    ).toContain('role_ambiguity');
    const noPosition = anAssessInput({
      observations: [...enough, anObservation('position_defined', false, { unit: true })],
    });
    expect(findingIds(noPosition)).toContain('role_ambiguity');
    expect(assess(noPosition).cards.map((c) => c.id)).toEqual(
      expect.arrayContaining(['define_psw_position', 'role_clarity_conversation']),
    );
  });
});

describe('wellbeing_strain', () => {
  it('is reported with its level once strain is at least emerging', () => {
    const r = assess(anAssessInput({ observations: [...enough, anObservation('exhaustion', 5)] }));
    expect(r.findings.find((f) => f.id === 'wellbeing_strain')).toMatchObject({ level: 'severe' });
    expect(
      findingIds(anAssessInput({ observations: [...enough, anObservation('stress', 2)] })),
    ).not.toContain('wellbeing_strain');
  });
});

describe('insufficient_evidence', () => {
  it('holds under 3 observations in the window, or when no part of the assessment reaches confidence 0.34', () => {
    expect(findingIds(anAssessInput({ observations: enough.slice(0, 2) }))).toContain(
      'insufficient_evidence',
    );
    expect(findingIds(anAssessInput({ observations: enough }))).not.toContain('insufficient_evidence');
    const thin = [
      anObservation('acts_as_role_model', true),
      anObservation('acts_as_role_model', true, { daysAgo: 9 }),
      anObservation('acts_as_role_model', true, { daysAgo: 11 }),
    ];
    expect(findingIds(anAssessInput({ observations: thin }))).toContain('insufficient_evidence');
  });
});

describe('findings order', () => {
  it('is sorted by id', () => {
    const ids = findingIds(
      anAssessInput({ observations: [anObservation('exhaustion', 5), anObservation('role_unclear', 5)] }),
    );
    expect(ids).toEqual([...ids].sort());
    expect(ids.length).toBeGreaterThan(2);
  });
});
