import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { percentAgreement } from './percent-agreement';

describe('percentAgreement', () => {
  it('is the share of units with the same label', () => {
    expect(percentAgreement(['x', 'y', 'y', 'z'], ['x', 'y', 'x', 'z'])).toBe(0.75);
  });

  it('reproduces p_o = 0.7 of the Wikipedia "Cohen\'s kappa" grant-proposal example', () => {
    // 50 proposals: both yes 20, both no 15, A yes / B no 5, A no / B yes 10.
    const a = [...rep('yes', 20), ...rep('no', 15), ...rep('yes', 5), ...rep('no', 10)];
    const b = [...rep('yes', 20), ...rep('no', 15), ...rep('no', 5), ...rep('yes', 10)];
    expect(percentAgreement(a, b)).toBeCloseTo(0.7, 12);
  });

  it('treats the number 1 and the string "1" as different labels', () => {
    expect(percentAgreement([1, 2], ['1', 2])).toBe(0.5);
  });

  it('rejects arrays of different length, naming b', () => {
    expect(() => percentAgreement(['x'], ['x', 'y'])).toThrow(DomainValidationError);
    try {
      percentAgreement(['x'], ['x', 'y']);
    } catch (e) {
      expect((e as DomainValidationError).issues[0]?.path).toBe('b');
    }
  });

  it('rejects empty arrays and non-label values', () => {
    expect(() => percentAgreement([], [])).toThrow(/a: expected at least one label/);
    expect(() => percentAgreement([{} as unknown as string], ['x'])).toThrow(/a\.0/);
  });
});

function rep<T>(value: T, times: number): T[] {
  return new Array<T>(times).fill(value);
}
