import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { cohenKappa } from './cohen-kappa';

function rep<T>(value: T, times: number): T[] {
  return new Array<T>(times).fill(value);
}

describe('cohenKappa', () => {
  it('gives 0.4 on the Wikipedia "Cohen\'s kappa" worked example (p_o 0.7, p_e 0.5)', () => {
    // en.wikipedia.org/wiki/Cohen's_kappa, "Simple example": 50 grant proposals,
    // yes/yes 20, no/no 15, A yes / B no 5, A no / B yes 10.
    const a = [...rep('yes', 20), ...rep('no', 15), ...rep('yes', 5), ...rep('no', 10)];
    const b = [...rep('yes', 20), ...rep('no', 15), ...rep('no', 5), ...rep('yes', 10)];
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  // The next cases are the ones scikit-learn's test_cohen_kappa (sklearn/metrics/tests/test_classification.py)
  // checks cohen_kappa_score against.
  it('matches scikit-learn: 0.348 for the 100-item binary example', () => {
    const y1 = [...rep(0, 40), ...rep(1, 60)];
    const y2 = [...rep(0, 20), ...rep(1, 20), ...rep(0, 10), ...rep(1, 50)];
    expect(cohenKappa(y1, y2)).toBeCloseTo(0.348, 3);
    expect(cohenKappa(y2, y1)).toBe(cohenKappa(y1, y2));
  });

  it('matches scikit-learn: 0.8013 for the 3-class example', () => {
    const y1 = [...rep(0, 46), ...rep(1, 44), ...rep(2, 10)];
    const y2 = [...rep(0, 52), ...rep(1, 32), ...rep(2, 16)];
    expect(cohenKappa(y1, y2)).toBeCloseTo(0.8013, 4);
  });

  it('matches scikit-learn: 0.9315 unweighted, 0.9412 linear, 0.9541 quadratic', () => {
    const y1 = [...rep(0, 46), ...rep(1, 44), ...rep(2, 10)];
    const y2 = [...rep(0, 50), ...rep(1, 40), ...rep(2, 10)];
    expect(cohenKappa(y1, y2)).toBeCloseTo(0.9315, 4);
    expect(cohenKappa(y1, y2, { weights: 'linear' })).toBeCloseTo(0.9412, 4);
    expect(cohenKappa(y1, y2, { weights: 'quadratic' })).toBeCloseTo(0.9541, 4);
  });

  it('uses the explicit category order for weighted kappa on string labels', () => {
    const names = ['low', 'mid', 'high'];
    const y1 = [...rep('low', 46), ...rep('mid', 44), ...rep('high', 10)];
    const y2 = [...rep('low', 50), ...rep('mid', 40), ...rep('high', 10)];
    expect(cohenKappa(y1, y2, { weights: 'linear', categories: names })).toBeCloseTo(0.9412, 4);
  });

  it('refuses weighted kappa on strings without an order, and labels outside the order', () => {
    expect(() => cohenKappa(['a', 'b'], ['b', 'a'], { weights: 'linear' })).toThrow(DomainValidationError);
    expect(() => cohenKappa(['a', 'c'], ['b', 'a'], { categories: ['a', 'b'] })).toThrow(
      /a\.1: expected a label/,
    );
  });

  it('is 1 for identical codings with variation and null when there is no variation at all', () => {
    expect(cohenKappa([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(cohenKappa(['x', 'x'], ['x', 'x'])).toBeNull();
  });

  it('rejects unknown options', () => {
    expect(() => cohenKappa([1], [1], { weights: 'cubic' as 'linear' })).toThrow(/weights/);
  });

  it('is symmetric in the two coders, weighted or not (property)', () => {
    const codings = fc
      .integer({ min: 1, max: 40 })
      .chain((n) =>
        fc.tuple(
          fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
          fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(
        codings,
        fc.constantFrom(undefined, 'linear' as const, 'quadratic' as const),
        ([a, b], weights) => {
          const ab = cohenKappa(a, b, { weights });
          const ba = cohenKappa(b, a, { weights });
          if (ab === null) return ba === null;
          return ba !== null && Math.abs(ab - ba) < 1e-12 && ab <= 1 + 1e-12;
        },
      ),
    );
  });
});
