import { describe, expect, it } from 'vitest';
import { assessNeed, compareNeed, type NeedInput } from './need-rank';
import { needReasonText, needSummaryText } from './need-texts';
import { supervisionStatus } from './supervision-status';

const calm = {
  friend_vs_professional: { level: 'none', trend: 'steady' },
  staff_member_vs_expert_by_experience: { level: 'unknown', trend: null },
} as const;

const aPsw = (over: Partial<NeedInput> = {}): NeedInput => ({
  asOf: '2026-12-01',
  startedOn: '2024-01-01',
  lastSessionOn: '2026-11-20',
  conflicts: calm,
  strainLevel: 'none',
  overdueActions: 0,
  newSelfReports: 0,
  ...over,
});

describe('supervisionStatus', () => {
  it('is due past the cadence and overdue past cadence x gap factor, the supervision_gap point', () => {
    const at = (days: number) =>
      supervisionStatus({
        asOf: '2026-12-01',
        startedOn: '2024-01-01',
        lastSessionOn: new Date(Date.UTC(2026, 11, 1 - days)).toISOString().slice(0, 10),
        cadenceDays: 28,
      }).state;
    expect([at(0), at(28), at(29), at(42), at(43)]).toEqual(['ok', 'ok', 'due', 'due', 'overdue']);
  });

  it('follows the organisation cadence and counts from the start in post when never supervised', () => {
    const s = supervisionStatus({
      asOf: '2026-12-01',
      startedOn: '2026-11-01',
      lastSessionOn: null,
      cadenceDays: 20,
    });
    expect(s).toMatchObject({
      state: 'due',
      daysSinceLast: null,
      dueOn: '2026-11-22',
      overdueOn: '2026-12-02',
    });
    expect(
      supervisionStatus({ asOf: '2026-12-01', startedOn: '2026-11-01', lastSessionOn: null, cadenceDays: 14 })
        .state,
    ).toBe('overdue');
  });
});

describe('assessNeed', () => {
  it('puts a severe conflict with a late action above a calm PSW and says why, most pressing first', () => {
    const urgent = assessNeed(
      aPsw({
        conflicts: { ...calm, friend_vs_professional: { level: 'severe', trend: 'rising' } },
        overdueActions: 1,
      }),
    );
    const fine = assessNeed(aPsw());
    expect(compareNeed(urgent, fine)).toBeLessThan(0);
    expect(urgent.attention).toBe(true);
    expect(fine).toMatchObject({ attention: false, reasons: [], score: 0 });
    expect(urgent.reasons.map((r) => r.code)).toEqual([
      'conflict_severe',
      'conflict_rising',
      'actions_overdue',
    ]);
    expect(needSummaryText(urgent.reasons, 'en')).toBe(
      'Severe conflict: friend versus professional; Rising conflict (now severe): friend versus professional; 1 action overdue',
    );
  });

  it('counts new self-reports and overdue supervision as needing attention; a due session alone does not', () => {
    expect(assessNeed(aPsw({ newSelfReports: 2 })).attention).toBe(true);
    expect(assessNeed(aPsw({ lastSessionOn: '2026-10-01' })).reasons).toEqual([
      { code: 'supervision_overdue', days: 61 },
    ]);
    const due = assessNeed(aPsw({ lastSessionOn: '2026-10-25' }));
    expect(due.attention).toBe(false);
    expect(due.reasons).toEqual([{ code: 'supervision_due', days: 37 }]);
  });

  it('ignores a rise that stays below emerging', () => {
    const n = assessNeed(
      aPsw({ conflicts: { ...calm, friend_vs_professional: { level: 'none', trend: 'rising' } } }),
    );
    expect(n.reasons).toEqual([]);
  });

  it('more overdue actions weigh more, up to five', () => {
    const one = assessNeed(aPsw({ overdueActions: 1 })).score;
    const three = assessNeed(aPsw({ overdueActions: 3 })).score;
    expect(three).toBeGreaterThan(one);
    expect(assessNeed(aPsw({ overdueActions: 50 })).score).toBe(
      assessNeed(aPsw({ overdueActions: 5 })).score,
    );
  });
});

describe('needReasonText', () => {
  it('speaks Czech with Czech plural forms', () => {
    expect(needReasonText({ code: 'actions_overdue', count: 1 }, 'cs')).toBe('1 úkol po termínu');
    expect(needReasonText({ code: 'actions_overdue', count: 3 }, 'cs')).toBe('3 úkoly po termínu');
    expect(needReasonText({ code: 'actions_overdue', count: 7 }, 'cs')).toBe('7 úkolů po termínu');
    expect(needReasonText({ code: 'new_self_reports', count: 2 }, 'cs')).toBe(
      '2 nová vlastní hlášení od poslední supervize',
    );
    expect(needReasonText({ code: 'conflict_severe', conflict: 'friend_vs_professional' }, 'cs')).toBe(
      'Závažný konflikt: přítel versus profesionál',
    );
  });
});
