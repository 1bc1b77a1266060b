import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { krippendorffAlpha } from './krippendorff-alpha';

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
// Communication, University of Pennsylvania (repository.upenn.edu/asc_papers/43), section C:
// 4 observers x 12 units with missing values. Published results: nominal 0.743, ordinal 0.815,
// interval 0.849, ratio 0.797. The same data are the example of R irr::kripp.alpha and the tests
// of the `krippendorff` Python package (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py).
const krippendorff2011 = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

// Wikipedia "Krippendorff's alpha", "A computational example": 3 coders x 15 units, values 1..4.
// The `krippendorff` Python package tests it: nominal 0.691358, interval 0.810845.
const wikipedia = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];

describe('krippendorffAlpha on published examples', () => {
  it('reproduces Krippendorff (2011): nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797', () => {
    expect(krippendorffAlpha(krippendorff2011, { level: 'nominal' })).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(krippendorff2011, { level: 'ordinal' })).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(krippendorff2011, { level: 'interval' })).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(krippendorff2011, { level: 'ratio' })).toBeCloseTo(0.797, 3);
  });

  it('reproduces the Wikipedia computational example: nominal 0.691358, interval 0.810845', () => {
    expect(krippendorffAlpha(wikipedia, { level: 'nominal' })).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(wikipedia, { level: 'interval' })).toBeCloseTo(0.810845, 6);
  });

  it('matches the Python package on string labels (nominal 0.722222)', () => {
    const data = [
      ['pos', 'neg', 'neu', null],
      ['pos', 'neg', 'neu', 'pos'],
      ['pos', 'neg', 'pos', 'pos'],
    ];
    expect(krippendorffAlpha(data, { level: 'nominal' })).toBeCloseTo(0.722222, 6);
  });

  it('gives ordinal 0.815 on the 2011 data written as ordered words with a categories order', () => {
    const words = ['very low', 'low', 'mid', 'high', 'very high'];
    const asWords = krippendorff2011.map((row) => row.map((v) => (v === null ? null : words[v - 1]!)));
    expect(krippendorffAlpha(asWords, { level: 'ordinal', categories: words })).toBeCloseTo(0.815, 3);
  });

  it('gives ratio alpha 1 for perfect agreement including zeros (Python package test)', () => {
    expect(
      krippendorffAlpha(
        [
          [0, 1, 2],
          [0, 1, 2],
        ],
        { level: 'ratio' },
      ),
    ).toBe(1);
  });
});

describe('krippendorffAlpha edge cases and input checks', () => {
  it('ignores units with fewer than two values', () => {
    const withLonely = krippendorff2011.map((row, i) => [...row, i === 0 ? 5 : null]);
    expect(krippendorffAlpha(withLonely, { level: 'nominal' })).toBe(
      krippendorffAlpha(krippendorff2011, { level: 'nominal' }),
    );
  });

  it('is null when nothing is pairable or nothing varies', () => {
    expect(
      krippendorffAlpha(
        [
          [1, null],
          [null, 2],
        ],
        { level: 'nominal' },
      ),
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [1, 1],
        ],
        { level: 'nominal' },
      ),
    ).toBeNull();
  });

  it('rejects ragged rows, strings for interval data and negative ratio values', () => {
    expect(() => krippendorffAlpha([[1, 2], [1]], { level: 'nominal' })).toThrow(/1: expected 2 units/);
    expect(() => krippendorffAlpha([['a'], ['b']], { level: 'interval' })).toThrow(/0\.0: expected a number/);
    expect(() => krippendorffAlpha([[-1], [2]], { level: 'ratio' })).toThrow(DomainValidationError);
    expect(() => krippendorffAlpha([['a'], ['b']], { level: 'ordinal' })).toThrow(/categories/);
    expect(() => krippendorffAlpha([[1]], { level: 'fuzzy' as 'nominal' })).toThrow(/level/);
  });

  it('is 1 for perfect agreement at every level whenever the values vary (property)', () => {
    const data = fc
      .tuple(
        fc.integer({ min: 2, max: 5 }),
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 2, maxLength: 30 }),
      )
      .filter(([, units]) => new Set(units).size > 1);
    fc.assert(
      fc.property(
        data,
        fc.constantFrom('nominal' as const, 'ordinal' as const, 'interval' as const, 'ratio' as const),
        ([coders, units], level) => {
          const matrix = Array.from({ length: coders }, () => units);
          return krippendorffAlpha(matrix, { level }) === 1;
        },
      ),
    );
  });

  it('does not depend on the order of coders or units (property)', () => {
    const matrix = fc.array(
      fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { minLength: 6, maxLength: 6 }),
      {
        minLength: 2,
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(matrix, (m) => {
        const a = krippendorffAlpha(m, { level: 'interval' });
        const b = krippendorffAlpha(
          [...m].reverse().map((row) => [...row].reverse()),
          { level: 'interval' },
        );
        if (a === null) return b === null;
        return b !== null && Math.abs(a - b) < 1e-9;
      }),
    );
  });
});
