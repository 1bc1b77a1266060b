/** The PSW's check-in form logic: private topics marked and never preselected, skipped questions sent as nothing. */
import { describe, expect, it } from 'vitest';
import { answersOf, checkInSteps, emptyAnswer, firstProblem, problemOf } from './check-in-model';

const step = (id: string) => {
  const found = checkInSteps.find((s) => s.indicator === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};

describe('the check-in form', () => {
  it('asks one question per check-in indicator and marks the private topics', () => {
    expect(new Set(checkInSteps.map((s) => s.indicator)).size).toBe(checkInSteps.length);
    expect(checkInSteps.filter((s) => s.private).map((s) => s.indicator)).toEqual(
      expect.arrayContaining(['self_stigma', 'stress', 'exhaustion']),
    );
    expect(step('cooperates_in_team').private).toBe(false);
  });

  it('preselects "share" for team topics and nothing for private ones', () => {
    expect(emptyAnswer('cooperates_in_team')).toEqual({ value: undefined, share: true });
    expect(emptyAnswer('exhaustion')).toEqual({ value: undefined, share: null });
  });

  it('asks for a choice on an answered private topic, never on a skipped one', () => {
    expect(problemOf(step('exhaustion'), { value: 4, share: null })).toBe('checkIn.errors.choose');
    expect(problemOf(step('exhaustion'), { value: undefined, share: null })).toBeNull();
    expect(problemOf(step('exhaustion'), { value: 4, share: false })).toBeNull();
    expect(problemOf(step('after_hours_client_contact'), { value: 2.5, share: true })).toBe(
      'checkIn.errors.count',
    );
    expect(firstProblem({ exhaustion: { value: 4, share: null } })).toBe(
      checkInSteps.findIndex((s) => s.indicator === 'exhaustion'),
    );
    expect(firstProblem({})).toBe(-1);
  });

  it('sends the answered questions in order with their choices; skipped ones not at all', () => {
    expect(
      answersOf({
        exhaustion: { value: 5, share: false },
        cooperates_in_team: { value: 4, share: true },
        stress: { value: undefined, share: null },
        private_number_shared: { value: false, share: true },
      }),
    ).toEqual([
      { indicator: 'cooperates_in_team', value: 4, share: true },
      { indicator: 'private_number_shared', value: false, share: true },
      { indicator: 'exhaustion', value: 5, share: false },
    ]);
  });
});
