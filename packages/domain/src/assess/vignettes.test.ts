/** The six golden vignettes of domain.md section 8, which ruleset v1 must satisfy. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates/iso-date';
import { assess } from './assess';
import { AS_OF, anAssessInput, anObservation, aUnit, aWorker, sessionsAt } from './test-builders';

const cardIdsOf = (r: ReturnType<typeof assess>) => r.cards.map((c) => c.id);

/** Vignette 1: community PSW, 4 months in, weekly after-hours contact, private number out, supervision 10 weeks ago. */
const weeklyAfterHoursCalls = (asOf: string) =>
  Array.from({ length: 12 }, (_, week) =>
    anObservation('after_hours_client_contact', 1, { daysAgo: 3 + 7 * week, asOf, id: `calls-week-${week}` }),
  );
const vignette1 = anAssessInput({
  worker: aWorker({ tenureMonths: 4 }),
  unit: aUnit({ setting: 'community' }),
  observations: [
    ...weeklyAfterHoursCalls(AS_OF),
    anObservation('private_number_shared', true, { daysAgo: 20 }),
    anObservation('work_intrudes_personal_life', 4, { daysAgo: 20, source: 'self_report' }),
  ],
  sessions: sessionsAt([70, 100]),
});

describe('vignette 1: a new community PSW whose clients call after hours', () => {
  const result = assess(vignette1);

  it('has an active or severe friend-versus-professional conflict', () => {
    expect(['active', 'severe']).toContain(result.conflicts.friend_vs_professional.level);
  });

  it('recommends boundary work in supervision, boundary strategies and regular supervision', () => {
    expect(cardIdsOf(result)).toEqual(
      expect.arrayContaining(['supervision_focus_boundaries', 'boundary_strategies', 'regular_supervision']),
    );
  });

  it('says nothing about the team conflict it has no evidence for', () => {
    expect(['unknown', 'none']).toContain(result.conflicts.staff_member_vs_expert_by_experience.level);
  });
});

describe('vignette 2: an inpatient PSW left out of the team and seen as a former patient', () => {
  const result = assess(
    anAssessInput({
      worker: aWorker({ tenureMonths: 36 }),
      unit: aUnit({ setting: 'inpatient' }),
      observations: [
        anObservation('invited_to_team_meetings', false, { unit: true, daysAgo: 30 }),
        anObservation('receives_client_information', false, { unit: true, daysAgo: 30 }),
        anObservation('seen_as_former_patient', 4, { daysAgo: 14 }),
      ],
      sessions: sessionsAt([14, 42]),
    }),
  );

  it('has an active or severe staff-member-versus-expert conflict', () => {
    expect(['active', 'severe']).toContain(result.conflicts.staff_member_vs_expert_by_experience.level);
  });

  it('recommends team education, equal conditions, destigmatisation and a supervision focus on the team position', () => {
    expect(cardIdsOf(result)).toEqual(
      expect.arrayContaining([
        'team_education',
        'equal_working_conditions',
        'destigmatization',
        'supervision_focus_team_position',
      ]),
    );
  });

  it('raises team education to critical because the setting is inpatient', () => {
    expect(result.cards.find((c) => c.id === 'team_education')?.indicator).toBe('critical');
  });

  it('says nothing about the boundary conflict it has no evidence for', () => {
    expect(['unknown', 'none']).toContain(result.conflicts.friend_vs_professional.level);
  });
});

describe('vignette 3: a well-supported PSW with balanced roles', () => {
  const w = (indicator: Parameters<typeof anObservation>[0], value: number | boolean) =>
    anObservation(indicator, value, { daysAgo: 10 });
  const u = (indicator: Parameters<typeof anObservation>[0], value: boolean) =>
    anObservation(indicator, value, { daysAgo: 40, unit: true });
  const result = assess(
    anAssessInput({
      worker: aWorker({ tenureMonths: 30 }),
      observations: [
        w('shares_lived_experience', 4),
        w('trusting_equal_relationships', 4),
        w('acts_as_role_model', true),
        w('applies_professional_competencies', 4),
        w('works_within_org_rules', 4),
        w('phone_off_after_hours', true),
        w('keeps_working_hours', true),
        w('protects_personal_time', 4),
        w('cooperates_in_team', 4),
        w('input_valued_by_team', 4),
        w('supportive_colleagues', 4),
        w('uses_lived_experience_in_team', 4),
        w('bridges_staff_and_clients', 4),
        w('after_hours_client_contact', 0),
        w('private_number_shared', false),
        w('seen_as_former_patient', 1),
        w('role_unclear', 1),
        w('stress', 2),
        u('has_own_workplace', true),
        u('invited_to_team_meetings', true),
        u('receives_client_information', true),
        u('position_defined', true),
        u('team_trained_in_peer_work', true),
        u('supervision_available', true),
      ],
      sessions: sessionsAt([5, 33, 61, 89]),
    }),
  );

  it('has no conflict above none', () => {
    expect(result.conflicts.friend_vs_professional.level).toBe('none');
    expect(result.conflicts.staff_member_vs_expert_by_experience.level).toBe('none');
  });

  it('gives keep_going as the only card', () => {
    expect(cardIdsOf(result)).toEqual(['keep_going']);
  });
});

describe('vignette 4: professional competencies high, no lived experience shared, formal relationships', () => {
  const result = assess(
    anAssessInput({
      observations: [
        anObservation('applies_professional_competencies', 5),
        anObservation('works_within_org_rules', 5),
        anObservation('shares_lived_experience', 1),
        anObservation('trusting_equal_relationships', 1),
        anObservation('acts_as_role_model', false),
      ],
      sessions: sessionsAt([7, 35]),
    }),
  );

  it('finds over-formalisation and recommends protecting the peer relationship', () => {
    expect(result.findings.map((f) => f.id)).toContain('over_formalization');
    expect(cardIdsOf(result)).toContain('protect_peer_relationship');
  });
});

describe('vignette 5: only two observations in the window', () => {
  const result = assess(
    anAssessInput({
      observations: [anObservation('shares_lived_experience', 3), anObservation('cooperates_in_team', 4)],
      sessions: sessionsAt([7]),
    }),
  );

  it('reports insufficient evidence and recommends a structured check-in', () => {
    expect(result.findings.map((f) => f.id)).toContain('insufficient_evidence');
    expect(cardIdsOf(result)).toContain('structured_check_in');
  });

  it('leaves both conflicts unknown, never none', () => {
    expect(result.conflicts.friend_vs_professional).toMatchObject({ level: 'unknown', severity: null });
    expect(result.conflicts.staff_member_vs_expert_by_experience).toMatchObject({
      level: 'unknown',
      severity: null,
    });
  });
});

describe('vignette 6: the PSW of vignette 1 three months later, with boundary strategies and supervision', () => {
  const later = addDays(AS_OF, 91);
  const before = assess(vignette1);
  const after = assess({
    ...vignette1,
    asOf: later,
    observations: [
      ...vignette1.observations,
      anObservation('phone_off_after_hours', true, { asOf: later, daysAgo: 60 }),
      anObservation('keeps_working_hours', true, { asOf: later, daysAgo: 60 }),
      anObservation('protects_personal_time', 4, { asOf: later, daysAgo: 30 }),
      anObservation('private_number_shared', false, { asOf: later, daysAgo: 60 }),
      anObservation('after_hours_client_contact', 1, { asOf: later, daysAgo: 50 }),
      anObservation('work_intrudes_personal_life', 2, { asOf: later, daysAgo: 20, source: 'self_report' }),
      anObservation('supervision_available', true, { asOf: later, daysAgo: 80, unit: true }),
    ],
    sessions: [...(vignette1.sessions ?? []), ...sessionsAt([5, 33, 61, 89], later)],
  });

  it('has a lower friend-versus-professional severity than before', () => {
    const was = before.conflicts.friend_vs_professional.severity;
    const now = after.conflicts.friend_vs_professional.severity;
    expect(was).not.toBeNull();
    expect(now).not.toBeNull();
    expect(now as number).toBeLessThan(was as number);
  });

  it('marks the trend as falling', () => {
    expect(after.conflicts.friend_vs_professional.trend).toBe('falling');
  });

  it('no longer reports a supervision gap', () => {
    expect(after.findings.map((f) => f.id)).not.toContain('supervision_gap');
  });
});
