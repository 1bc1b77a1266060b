import { assessNeed } from '@peerbridge/domain';
import { describe, expect, it } from 'vitest';
import {
  applyCaseloadQuery,
  type CaseloadEntry,
  defaultCaseloadQuery,
  isDue,
  isOverdue,
  needingAttention,
} from './caseload-view';

type Level = CaseloadEntry['strain']['level'];

function aWorker(overrides: {
  name: string;
  unit?: string;
  setting?: CaseloadEntry['unit']['setting'];
  lastSessionOn?: string | null;
  startedOn?: string;
  fvp?: [Level, number | null];
  openActions?: number;
  overdueActions?: number;
}): CaseloadEntry {
  const [fvpLevel, fvpSeverity] = overrides.fvp ?? ['none', 0];
  const lastSessionOn = overrides.lastSessionOn === undefined ? '2026-11-01' : overrides.lastSessionOn;
  const startedOn = overrides.startedOn ?? '2024-01-01';
  const conflicts = {
    friend_vs_professional: { level: fvpLevel, severity: fvpSeverity, trend: null },
    staff_member_vs_expert_by_experience: { level: 'unknown' as Level, severity: null, trend: null },
  };
  return {
    need: assessNeed({
      asOf,
      startedOn,
      lastSessionOn,
      cadenceDays: 28,
      conflicts,
      strainLevel: 'none',
      overdueActions: overrides.overdueActions ?? 0,
      newSelfReports: 0,
    }),
    overdueActions: overrides.overdueActions ?? 0,
    workerId: overrides.name.toLowerCase(),
    displayName: overrides.name,
    status: 'active',
    startedOn,
    tenureMonths: 10,
    unit: { id: 'u', name: overrides.unit ?? 'Ward B', setting: overrides.setting ?? 'inpatient' },
    lastSessionOn,
    nextSessionOn: null,
    openActions: overrides.openActions ?? 0,
    conflicts,
    strain: { level: 'none', value: 0 },
    findings: [],
    cards: [],
    observationsInWindow: 5,
    overallConfidence: 0.5,
  } as CaseloadEntry;
}

const asOf = '2026-11-26';

describe('isOverdue', () => {
  it('is due past the cadence and overdue past cadence x gap factor, where the supervision_gap finding starts', () => {
    expect(isDue(aWorker({ name: 'A', lastSessionOn: '2026-10-29' }), asOf, 28)).toBe(false);
    expect(isDue(aWorker({ name: 'A', lastSessionOn: '2026-10-28' }), asOf, 28)).toBe(true);
    expect(isOverdue(aWorker({ name: 'A', lastSessionOn: '2026-10-15' }), asOf, 28)).toBe(false);
    expect(isOverdue(aWorker({ name: 'A', lastSessionOn: '2026-10-14' }), asOf, 28)).toBe(true);
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

  it('puts the greatest need first by default: a severe conflict before overdue supervision', () => {
    const rows = applyCaseloadQuery(entries, defaultCaseloadQuery, asOf, 28, 'en');
    expect(rows.map((r) => r.displayName)).toEqual(['Olga', 'Ben', 'Cyril']);
    expect(needingAttention(entries, 'en').map((r) => r.displayName)).toEqual(['Olga', 'Ben', 'Cyril']);
  });

  it('still sorts by the longest gap on request, a PSW never supervised before all others', () => {
    const query = { ...defaultCaseloadQuery, sortBy: 'daysSinceSession' as const };
    const rows = applyCaseloadQuery(entries, query, asOf, 28, 'en');
    expect(rows.map((r) => r.displayName)).toEqual(['Ben', 'Cyril', 'Olga']);
  });

  it('an overdue action lifts a PSW above one whose supervision is only overdue', () => {
    const late = aWorker({ name: 'Dora', lastSessionOn: '2026-11-20', overdueActions: 2 });
    const rows = applyCaseloadQuery([...entries, late], defaultCaseloadQuery, asOf, 28, 'en');
    expect(rows.map((r) => r.displayName)).toEqual(['Olga', 'Dora', 'Ben', 'Cyril']);
    const calm = aWorker({ name: 'Emil', lastSessionOn: '2026-11-20' });
    expect(needingAttention([calm, late], 'en').map((r) => r.displayName)).toEqual(['Dora']);
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
