/** The Copenhagen Burnout Inventory's published scoring, against worked examples. */
import { describe, expect, it } from 'vitest';
import { burnoutItemScore, scoreBurnout, scoreBurnoutScale } from './burnout-scoring';
import { showsHighStrain } from './high-strain';

describe('Copenhagen Burnout Inventory scoring', () => {
  it('scores the five responses 100, 75, 50, 25, 0', () => {
    expect(
      (['always', 'often', 'sometimes', 'seldom', 'never'] as const).map((r) =>
        burnoutItemScore('personal', 1, r),
      ),
    ).toEqual([100, 75, 50, 25, 0]);
  });

  it('reverses only the work-related scale item 7 (energy for family and friends)', () => {
    expect(burnoutItemScore('work', 7, 'always')).toBe(0);
    expect(burnoutItemScore('work', 7, 'seldom')).toBe(75);
    expect(burnoutItemScore('work', 6, 'always')).toBe(100);
  });

  it('worked example 1: all six personal items answered', () => {
    // often 75, sometimes 50, always 100, seldom 25, often 75, never 0 -> 325 / 6
    expect(
      scoreBurnoutScale('personal', ['often', 'sometimes', 'always', 'seldom', 'often', 'never']),
    ).toBeCloseTo(54.1667, 4);
  });

  it('worked example 2: work scale with the reversed item', () => {
    // 75 + 75 + 50 + 100 + 50 + 25 + (100 - 25 for "seldom") = 450 / 7
    expect(
      scoreBurnoutScale('work', ['often', 'often', 'sometimes', 'always', 'sometimes', 'seldom', 'seldom']),
    ).toBeCloseTo(64.2857, 4);
  });

  it('worked example 3: the mean of answered items only, a skipped item is not a zero', () => {
    // personal: 100 + 50 + 0 over 3 answered = 50
    expect(scoreBurnoutScale('personal', ['always', null, 'sometimes', null, 'never', null])).toBe(50);
    // work: 4 answered: 25 + 25 + 25 + (100 - 100 for "always" on item 7) = 75 / 4
    expect(scoreBurnoutScale('work', [null, 'seldom', null, 'seldom', 'seldom', null, 'always'])).toBe(18.75);
  });

  it('gives no score with fewer than 3 personal or 4 work-related answers (non-responder)', () => {
    expect(scoreBurnoutScale('personal', ['always', 'always', null, null, null, null])).toBeNull();
    expect(scoreBurnoutScale('work', ['always', 'always', 'always', null, null, null, null])).toBeNull();
    expect(
      scoreBurnout({
        personal: ['never', 'never', 'never', 'never', 'never', 'never'],
        work: [null, null, null, null, null, null, null],
      }),
    ).toEqual({ personal: 0, work: null });
  });

  it('refuses a wrong number of answers or an unknown response', () => {
    expect(() => scoreBurnout({ personal: ['always'], work: [] } as never)).toThrow(/expected 6 answers/);
    expect(() =>
      scoreBurnout({ personal: ['maybe', null, null, null, null, null], work: Array(7).fill(null) } as never),
    ).toThrow(/expected one of always, often, sometimes, seldom, never/);
  });
});

describe('the support rule', () => {
  it('offers support when the strain of the own answers reaches the active level', () => {
    expect(showsHighStrain([{ indicator: 'exhaustion', value: 5 }])).toBe(true);
    expect(showsHighStrain([{ indicator: 'exhaustion', value: 2 }])).toBe(false);
    expect(showsHighStrain([{ indicator: 'cooperates_in_team', value: 5 }])).toBe(false);
    expect(showsHighStrain([])).toBe(false);
  });

  it('offers support from a burnout scale score of 50, and not for an unscored scale', () => {
    expect(showsHighStrain([], { personal: 50 })).toBe(true);
    expect(showsHighStrain([], { personal: 49.9, work: null })).toBe(false);
  });
});
