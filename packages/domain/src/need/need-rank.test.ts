import { describe, expect, it } from 'vitest';
import { assess } from '../assess/assess';
import { anAssessInput, anObservation, aWorker, sessionsAt } from '../assess/test-builders';
import { assessNeed, compareNeed, type NeedInput } from './need-rank';
import { needOverviewText, needReasonText, needSummaryText } from './need-texts';
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
        daysLate: 40,
      }),
    );
    const fine = assessNeed(aPsw());
    expect(compareNeed(urgent, fine)).toBeLessThan(0);
    expect(urgent.attention).toBe(true);
    expect(fine).toMatchObject({
      attention: false,
      reasons: [],
      rank: { severeConflicts: 0, daysLate: 0, supervisionDaysOverdue: 0, rest: 0 },
    });
    expect(urgent.reasons.map((r) => r.code)).toEqual([
      'conflict_severe',
      'conflict_rising',
      'actions_overdue',
    ]);
    expect(needSummaryText(urgent.reasons, 'en')).toBe(
      'Severe conflict: friend versus professional; Rising conflict (now severe): friend versus professional; 1 action 40 days late',
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

  it('within the rest, more overdue actions weigh more, up to five', () => {
    const rest = (n: number) => assessNeed(aPsw({ overdueActions: n, daysLate: 3 })).rank.rest;
    expect(rest(3)).toBeGreaterThan(rest(1));
    expect(rest(50)).toBe(rest(5));
  });
});

describe('compareNeed: severe conflicts, then days late, then the supervision gap, then the rest', () => {
  const severe = { ...calm, friend_vs_professional: { level: 'severe', trend: 'steady' } } as const;
  const rising = { ...calm, friend_vs_professional: { level: 'active', trend: 'rising' } } as const;
  const order = (people: Record<string, NeedInput>) =>
    Object.entries(people)
      .map(([name, input]) => ({ name, need: assessNeed(input) }))
      .sort((a, b) => compareNeed(a.need, b.need) || a.name.localeCompare(b.name))
      .map((p) => p.name);

  it('puts a lone severe conflict above everything else piled together', () => {
    expect(
      order({
        everythingButSevere: aPsw({
          conflicts: rising,
          overdueActions: 5,
          daysLate: 90,
          lastSessionOn: '2026-06-01',
          newSelfReports: 4,
          strainLevel: 'severe',
        }),
        severeOnly: aPsw({ conflicts: severe }),
      }),
    ).toEqual(['severeOnly', 'everythingButSevere']);
  });

  it('orders overdue actions by days late, not by how many', () => {
    expect(
      order({
        manyRecent: aPsw({ overdueActions: 4, daysLate: 2 }),
        oneOld: aPsw({ overdueActions: 1, daysLate: 40 }),
      }),
    ).toEqual(['oneOld', 'manyRecent']);
  });

  it('puts a late action above a supervision gap, and a longer gap above a shorter one', () => {
    expect(
      order({
        gapLong: aPsw({ lastSessionOn: '2026-08-01' }),
        gapShort: aPsw({ lastSessionOn: '2026-10-15' }),
        late: aPsw({ overdueActions: 1, daysLate: 1 }),
        rising: aPsw({ conflicts: rising, newSelfReports: 3 }),
        calm: aPsw(),
      }),
    ).toEqual(['late', 'gapLong', 'gapShort', 'rising', 'calm']);
  });

  it('keeps equal need in name order (compareNeed says 0, the caller breaks the tie)', () => {
    const a = assessNeed(aPsw({ overdueActions: 2, daysLate: 7 }));
    const b = assessNeed(aPsw({ overdueActions: 2, daysLate: 7 }));
    expect(compareNeed(a, b)).toBe(0);
    expect(order({ Zuzana: aPsw({ conflicts: severe }), Adam: aPsw({ conflicts: severe }) })).toEqual([
      'Adam',
      'Zuzana',
    ]);
  });
});

describe('one rule for overdue supervision', () => {
  it('turns overdue on the very day assess first reports supervision_gap, at any cadence', () => {
    const enough = [
      anObservation('after_hours_client_contact', 0),
      anObservation('private_number_shared', false),
      anObservation('informal_address_with_clients', false),
    ];
    for (const cadenceDays of [14, 28, 30]) {
      for (let daysAgo = 1; daysAgo <= 3 * cadenceDays; daysAgo++) {
        const input = anAssessInput({ observations: enough, sessions: sessionsAt([daysAgo]), cadenceDays });
        const gap = assess(input).findings.some((f) => f.id === 'supervision_gap');
        const status = supervisionStatus({
          asOf: input.asOf,
          startedOn: aWorker().startedOn,
          lastSessionOn: input.sessions?.[0]?.heldOn ?? null,
          cadenceDays,
        });
        expect({ cadenceDays, daysAgo, overdue: status.state === 'overdue' }).toEqual({
          cadenceDays,
          daysAgo,
          overdue: gap,
        });
      }
    }
  });
});

describe('needOverviewText', () => {
  it('sums the caseload in the order of need, in English and Czech', () => {
    const needs = [
      assessNeed(
        aPsw({ conflicts: { ...calm, friend_vs_professional: { level: 'severe', trend: 'steady' } } }),
      ),
      assessNeed(
        aPsw({
          conflicts: { ...calm, staff_member_vs_expert_by_experience: { level: 'severe', trend: 'rising' } },
        }),
      ),
      assessNeed(aPsw({ overdueActions: 1, daysLate: 40 })),
      assessNeed(aPsw()),
    ];
    expect(needOverviewText(needs, 'en')).toBe('2 with a severe conflict, 1 action 40 days late');
    expect(needOverviewText(needs, 'cs')).toBe('2 se závažným konfliktem, 1 úkol 40 dní po termínu');
    const more = [
      ...needs,
      assessNeed(aPsw({ overdueActions: 2, daysLate: 3, lastSessionOn: '2026-09-01' })),
    ];
    expect(needOverviewText(more, 'en')).toBe(
      '2 with a severe conflict, 3 actions overdue, up to 40 days late, 1 with supervision overdue',
    );
    expect(needOverviewText(more, 'cs')).toBe(
      '2 se závažným konfliktem, 3 úkoly po termínu, nejdéle 40 dní, 1 se supervizí po termínu',
    );
    expect(needOverviewText([assessNeed(aPsw())], 'en')).toBe('');
  });
});

describe('needReasonText', () => {
  it('speaks Czech with Czech plural forms', () => {
    expect(needReasonText({ code: 'actions_overdue', count: 1, daysLate: 1 }, 'cs')).toBe(
      '1 úkol 1 den po termínu',
    );
    expect(needReasonText({ code: 'actions_overdue', count: 3, daysLate: 4 }, 'cs')).toBe(
      '3 úkoly po termínu, nejdéle 4 dny',
    );
    expect(needReasonText({ code: 'actions_overdue', count: 7, daysLate: 12 }, 'cs')).toBe(
      '7 úkolů po termínu, nejdéle 12 dní',
    );
    expect(needReasonText({ code: 'new_self_reports', count: 2 }, 'cs')).toBe(
      '2 nová vlastní hlášení od poslední supervize',
    );
    expect(needReasonText({ code: 'conflict_severe', conflict: 'friend_vs_professional' }, 'cs')).toBe(
      'Závažný konflikt: přítel versus profesionál',
    );
  });
});
