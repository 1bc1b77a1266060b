import { describe, expect, it } from 'vitest';
import { applyCaseloadQuery, type CaseloadEntry, defaultCaseloadQuery, isOverdue } from './caseload-view';

type Level = CaseloadEntry['strain']['level'];

function aWorker(overrides: {
  name: string;
  unit?: string;
  setting?: CaseloadEntry['unit']['setting'];
  lastSessionOn?: string | null;
  startedOn?: string;
  fvp?: [Level, number | null];
  openActions?: number;
}): CaseloadEntry {
  const [fvpLevel, fvpSeverity] = overrides.fvp ?? ['none', 0];
  return {
    workerId: overrides.name.toLowerCase(),
    displayName: overrides.name,
    status: 'active',
    startedOn: overrides.startedOn ?? '2024-01-01',
    tenureMonths: 10,
    unit: { id: 'u', name: overrides.unit ?? 'Ward B', setting: overrides.setting ?? 'inpatient' },
    lastSessionOn: overrides.lastSessionOn === undefined ? '2026-11-01' : overrides.lastSessionOn,
    openActions: overrides.openActions ?? 0,
    conflicts: {
      friend_vs_professional: { level: fvpLevel, severity: fvpSeverity, trend: null },
      staff_member_vs_expert_by_experience: { level: 'unknown', severity: null, trend: null },
    },
    strain: { level: 'none', value: 0 },
    findings: [],
    cards: [],
    observationsInWindow: 5,
    overallConfidence: 0.5,
  } as CaseloadEntry;
}

const asOf = '2026-11-26';

describe('isOverdue', () => {
  it('is overdue once the last session is older than the cadence', () => {
    expect(isOverdue(aWorker({ name: 'A', lastSessionOn: '2026-10-29' }), asOf, 28)).toBe(false);
    expect(isOverdue(aWorker({ name: 'A', lastSessionOn: '2026-10-28' }), asOf, 28)).toBe(true);
  });

  it('counts a PSW never supervised as overdue only after one cadence in post', () => {
    expect(isOverdue(aWorker({ name: 'A', lastSessionOn: null, startedOn: '2026-11-10' }), asOf, 28)).toBe(
      false,
    );
    expect(isOverdue(aWorker({ name: 'A', lastSessionOn: null, startedOn: '2026-09-01' }), asOf, 28)).toBe(
      true,
    );
  });
});

describe('applyCaseloadQuery', () => {
  const entries = [
    aWorker({
      name: 'Olga',
      unit: 'Riverside',
      setting: 'community',
      lastSessionOn: '2026-11-20',
      fvp: ['severe', 0.7],
    }),
    aWorker({ name: 'Ben', lastSessionOn: null, fvp: ['unknown', null] }),
    aWorker({ name: 'Cyril', lastSessionOn: '2026-09-01', fvp: ['emerging', 0.2], openActions: 3 }),
  ];

  it('puts the longest gap first by default, a PSW never supervised before all others', () => {
    const rows = applyCaseloadQuery(entries, defaultCaseloadQuery, asOf, 28, 'en');
    expect(rows.map((r) => r.displayName)).toEqual(['Ben', 'Cyril', 'Olga']);
  });

  it('sorts a conflict by level, with unknown below none, and flips direction', () => {
    const query = {
      ...defaultCaseloadQuery,
      sortBy: 'friend_vs_professional' as const,
      direction: 'desc' as const,
    };
    expect(applyCaseloadQuery(entries, query, asOf, 28, 'en').map((r) => r.displayName)).toEqual([
      'Olga',
      'Cyril',
      'Ben',
    ]);
    const asc = { ...query, direction: 'asc' as const };
    expect(applyCaseloadQuery(entries, asc, asOf, 28, 'en').map((r) => r.displayName)).toEqual([
      'Ben',
      'Cyril',
      'Olga',
    ]);
  });

  it('filters by setting, by overdue and by a search in name or unit', () => {
    expect(
      applyCaseloadQuery(entries, { ...defaultCaseloadQuery, setting: 'community' }, asOf, 28, 'en'),
    ).toHaveLength(1);
    const overdue = applyCaseloadQuery(
      entries,
      { ...defaultCaseloadQuery, overdueOnly: true },
      asOf,
      28,
      'en',
    );
    expect(overdue.map((r) => r.displayName).sort()).toEqual(['Ben', 'Cyril']);
    expect(
      applyCaseloadQuery(entries, { ...defaultCaseloadQuery, search: 'river' }, asOf, 28, 'en')[0]
        ?.displayName,
    ).toBe('Olga');
  });

  it('does not change the input list', () => {
    const before = entries.map((e) => e.displayName);
    applyCaseloadQuery(
      entries,
      { ...defaultCaseloadQuery, sortBy: 'name', direction: 'asc' },
      asOf,
      28,
      'en',
    );
    expect(entries.map((e) => e.displayName)).toEqual(before);
  });
});
