/** The engine-independent exponential used for event strengths. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { portableExp } from './portable-exp';

describe('portableExp', () => {
  it('is exact at 0 and agrees with Math.exp to 1e-14 relative on the range event strengths use', () => {
    expect(portableExp(0)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: -700, max: 0, noNaN: true }), (x) => {
        const expected = Math.exp(x);
        expect(Math.abs(portableExp(x) - expected)).toBeLessThanOrEqual(expected * 1e-14);
      }),
      { numRuns: 5000 },
    );
  });

  it('matches a few hand-known values', () => {
    expect(portableExp(-1)).toBeCloseTo(0.36787944117144233, 15);
    expect(portableExp(-Math.LN2)).toBeCloseTo(0.5, 15);
    expect(portableExp(-800)).toBe(0);
  });

  it('rejects positive input rather than silently extrapolating', () => {
    expect(() => portableExp(0.5)).toThrow(RangeError);
    expect(() => portableExp(Number.NaN)).toThrow(RangeError);
  });
});
