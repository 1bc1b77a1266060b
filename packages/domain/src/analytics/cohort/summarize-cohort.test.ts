import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import type { Observation } from '../../evidence/observation';
import { suppressSmallCells } from '../privacy/suppress-small-cells';
import { cohortPrevalenceTable } from './cohort-prevalence-table';
import { summarizeCohort } from './summarize-cohort';

let n = 0;
function anObservation(
  o: Omit<Observation, 'id' | 'observedAt' | 'source'> & Partial<Observation>,
): Observation {
  n++;
  return { id: `o${String(n).padStart(4, '0')}`, observedAt: '2026-10-01', source: 'interview', ...o };
}

/** A participant who clearly enacts the friend role and has a friend-vs-professional conflict. */
function boundaryTrouble(workerId: string): Observation[] {
  return [
    anObservation({ workerId, indicator: 'shares_lived_experience', value: 5 }),
    anObservation({ workerId, indicator: 'trusting_equal_relationships', value: 5 }),
    anObservation({ workerId, indicator: 'acts_as_role_model', value: true }),
    anObservation({ workerId, indicator: 'after_hours_client_contact', value: 6 }),
    anObservation({ workerId, indicator: 'private_number_shared', value: true }),
  ];
}

/** A participant with formal relationships and boundaries kept. */
function formal(workerId: string): Observation[] {
  return [
    anObservation({ workerId, indicator: 'shares_lived_experience', value: 1 }),
    anObservation({ workerId, indicator: 'trusting_equal_relationships', value: 1 }),
    anObservation({ workerId, indicator: 'acts_as_role_model', value: false }),
    anObservation({ workerId, indicator: 'after_hours_client_contact', value: 0 }),
    anObservation({ workerId, indicator: 'private_number_shared', value: false }),
  ];
}

describe('summarizeCohort', () => {
  const input = {
    asOf: '2026-11-26',
    participants: [
      { id: 'p3', setting: 'inpatient' as const },
      { id: 'p1', setting: 'community' as const, startedOn: '2024-01-10' },
      { id: 'p2', setting: 'community' as const },
      { id: 'p4', setting: 'inpatient' as const },
    ],
    observations: [...boundaryTrouble('p1'), ...boundaryTrouble('p2'), ...formal('p3')],
  };

  it('profiles every participant in id order with the core assessment', () => {
    const summary = summarizeCohort(input);
    expect(summary.participants.map((p) => p.id)).toEqual(['p1', 'p2', 'p3', 'p4']);
    const p1 = summary.participants[0]!;
    expect(p1.tenureKnown).toBe(true);
    expect(p1.roles.friend.enactment).toBe(1);
    expect(['active', 'severe']).toContain(p1.conflicts.friend_vs_professional.level);
    expect(summary.participants[2]!.conflicts.friend_vs_professional.level).toBe('none');
    expect(summary.participants[3]!.conflicts.friend_vs_professional.level).toBe('unknown');
    expect(summary.ruleset).toEqual({ id: expect.any(String), version: expect.any(String) });
  });

  it('counts prevalence over the participants whose value is known, overall and by setting', () => {
    const { prevalence } = summarizeCohort(input);
    expect(prevalence.overall.roles.friend).toEqual({ count: 2, known: 3, total: 4, proportion: 2 / 3 });
    expect(prevalence.overall.conflicts.friend_vs_professional).toEqual({
      count: 2,
      known: 3,
      total: 4,
      proportion: 2 / 3,
    });
    expect(prevalence.bySetting.community.conflicts.friend_vs_professional).toEqual({
      count: 2,
      known: 2,
      total: 2,
      proportion: 1,
    });
    expect(prevalence.bySetting.inpatient.roles.friend).toEqual({
      count: 0,
      known: 1,
      total: 2,
      proportion: 0,
    });
    expect(prevalence.bySetting.other).toMatchObject({ participants: 0 });
    expect(prevalence.bySetting.other.roles.friend.proportion).toBeNull();
    expect(prevalence.overall.roles.staff_member).toEqual({ count: 0, known: 0, total: 4, proportion: null });
  });

  it('moves the threshold for counting a role as enacted', () => {
    const strict = summarizeCohort({ ...input, enactmentThreshold: 1 });
    expect(strict.prevalence.overall.roles.friend.count).toBe(2);
    expect(strict.enactmentThreshold).toBe(1);
  });

  it('does not depend on the order of participants or observations', () => {
    const shuffled = {
      ...input,
      participants: [...input.participants].reverse(),
      observations: [...input.observations].reverse(),
    };
    expect(JSON.stringify(summarizeCohort(shuffled))).toBe(JSON.stringify(summarizeCohort(input)));
  });

  it('gives a prevalence table that small-cell suppression can hide', () => {
    const table = cohortPrevalenceTable(summarizeCohort(input));
    expect(table.columns).toEqual(['inpatient', 'community']);
    expect(table.rows[0]).toBe('role:friend');
    expect(table.counts[0]).toEqual([0, 2]);
    const shown = suppressSmallCells(table, { k: 3 });
    expect(shown.cells[0]![1]).toBeNull();
  });

  it('names the bad field on bad input', () => {
    expect(() => summarizeCohort({ ...input, asOf: '26.11.2026' })).toThrow(/asOf/);
    expect(() =>
      summarizeCohort({ ...input, participants: [{ id: 'p1', setting: 'ward' as 'other' }] }),
    ).toThrow(/participants\.0\.setting/);
    const bad = { ...input.observations[0]!, value: 9 };
    expect(() => summarizeCohort({ ...input, observations: [...input.observations, bad] })).toThrow(
      /observations\.15\.value/,
    );
    expect(() => summarizeCohort({ ...input, enactmentThreshold: 2 })).toThrow(DomainValidationError);
    expect(() =>
      summarizeCohort({ ...input, participants: [{ id: 'p1', setting: 'other', startedOn: '2027-01-01' }] }),
    ).toThrow(/participants\.0\.startedOn: expected a date on or before asOf/);
  });
});

describe('cohortPrevalenceTable', () => {
  it('rejects something that is not a cohort summary', () => {
    expect(() => cohortPrevalenceTable({} as never)).toThrow(/prevalence/);
  });
});
