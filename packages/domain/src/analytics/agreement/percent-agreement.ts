/** Percent agreement between two coders: the share of units both gave the same label. */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { labelSchema } from './labels';

/** Two equal-length, non-empty label arrays, one entry per unit, in the same unit order. */
export const labelPairSchema = z
  .object({
    a: z.array(labelSchema).min(1, { message: 'expected at least one label' }),
    b: z.array(labelSchema).min(1, { message: 'expected at least one label' }),
  })
  .superRefine((pair, ctx) => {
    if (pair.a.length !== pair.b.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['b'],
        message: `expected as many labels as a (${pair.a.length}), got ${pair.b.length}`,
      });
    }
  });

/**
 * The share (0..1) of units on which coders `a` and `b` gave the same label.
 * @example percentAgreement(['x', 'y', 'y'], ['x', 'y', 'x']) // 0.666...
 */
export function percentAgreement(
  a: ReadonlyArray<string | number>,
  b: ReadonlyArray<string | number>,
): number {
  const pair = parseInput(labelPairSchema, { a, b }, 'percentAgreement');
  let same = 0;
  for (let i = 0; i < pair.a.length; i++) if (pair.a[i] === pair.b[i]) same++;
  return same / pair.a.length;
}
