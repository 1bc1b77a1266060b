/** Team and organisation views: counting cards across PSWs without exposing private answers. */
import { describe, expect, it } from 'vitest';
import { assess } from '../assess/assess';
import { anAssessInput, anObservation, aUnit, aWorker, sessionsAt } from '../assess/test-builders';
import { DomainValidationError } from '../errors';
import { mergeCards } from './merge-cards';

const psw = (id: string, extra: ReturnType<typeof anObservation>[]) =>
  assess(
    anAssessInput({
      worker: aWorker({ id }),
      unit: aUnit(),
      sessions: sessionsAt([7]),
      observations: [
        anObservation('cooperates_in_team', 4, { workerId: id }),
        anObservation('input_valued_by_team', 4, { workerId: id }),
        anObservation('supportive_colleagues', 4, { workerId: id }),
        ...extra,
      ],
    }),
  );

const noWorkplace = anObservation('has_own_workplace', false, { unit: true });

describe('mergeCards', () => {
  it('counts PSWs per card and says so in both languages', () => {
    const results = [
      psw('a', [noWorkplace]),
      psw('b', [noWorkplace]),
      psw('c', [noWorkplace]),
      psw('d', []),
      psw('e', []),
    ];
    const merged = mergeCards(results, { groupLabel: 'Ward B' });
    const card = merged.find((c) => c.id === 'equal_working_conditions');
    expect(card).toMatchObject({ count: 3, total: 5, suppressed: false });
    expect(card?.summary.en).toBe(
      '3 of 5 PSWs on Ward B lack a workplace, meeting invitations or client information',
    );
    expect(card?.summary.cs).toBe(
      'Ward B – peer pracovníci: 3 z 5 nemají pracovní místo, pozvánky na porady nebo informace o klientech',
    );
    expect(merged.find((c) => c.id === 'keep_going')?.count).toBe(2);
  });

  it('suppresses small counts of cards resting on private answers and never names strain', () => {
    const strained = (id: string) => psw(id, [anObservation('exhaustion', 5, { workerId: id })]);
    const merged = mergeCards([strained('a'), strained('b'), psw('c', [])], { total: 9 });
    const check = merged.find((c) => c.id === 'wellbeing_check');
    expect(check).toMatchObject({
      count: null,
      suppressed: true,
      total: 9,
      indicator: 'warning',
      because: [],
    });
    expect(check?.summary.en).toBe('Fewer than 5 of 9 PSWs show signs of strain');
    expect(JSON.stringify(merged)).not.toMatch(/"strain"|wellbeing_strain|exhaustion/);
  });

  it("hides every count under k, not only private ones, when suppress is 'all'", () => {
    const noDesk = (id: string) => psw(id, [noWorkplace]);
    const results = ['a', 'b', 'c'].map(noDesk);
    const conditions = (suppress: 'private' | 'all') =>
      mergeCards(results, { total: 8, suppress }).find((c) => c.id === 'equal_working_conditions');
    expect(conditions('private')).toMatchObject({ count: 3, suppressed: false });
    expect(conditions('all')).toMatchObject({ count: null, suppressed: true, total: 8 });
    expect(conditions('all')?.summary.en).toMatch(/^Fewer than 5 of 8 PSWs/);
    const enough = ['a', 'b', 'c', 'd', 'e'].map(noDesk);
    expect(
      mergeCards(enough, { suppress: 'all' }).find((c) => c.id === 'equal_working_conditions'),
    ).toMatchObject({ count: 5, suppressed: false });
  });

  it('shows a private-based count once it reaches k', () => {
    const results = ['a', 'b', 'c'].map((id) => psw(id, [anObservation('stress', 5, { workerId: id })]));
    const merged = mergeCards(results, { minCellSize: 3 });
    expect(merged.find((c) => c.id === 'wellbeing_check')).toMatchObject({ count: 3, suppressed: false });
  });

  it('leaves out cards addressed to the PSW personally unless asked for', () => {
    const boundaries = psw('a', [anObservation('private_number_shared', true, { workerId: 'a' })]);
    expect(mergeCards([boundaries]).map((c) => c.id)).not.toContain('boundary_strategies');
    expect(mergeCards([boundaries], { audiences: ['peer_worker'] }).map((c) => c.id)).toEqual([
      'boundary_strategies',
    ]);
  });

  it('rejects a small-cell limit outside 3..10 and a total below the number of results', () => {
    expect(() => mergeCards([], { minCellSize: 2 })).toThrow(DomainValidationError);
    expect(() => mergeCards([psw('a', [])], { total: 0 })).toThrow(/total/);
  });
});
