/** ATLAS.ti's c-coefficient, the strength of the co-occurrence of two codes. */
import { z } from 'zod';
import { parseInput } from '../../errors';

const count = z
  .number()
  .int({ message: 'expected an integer count' })
  .min(0, { message: 'expected a count >= 0' });
const countsSchema = z.object({ n1: count, n2: count, n12: count }).superRefine((c, ctx) => {
  if (c.n12 > Math.min(c.n1, c.n2)) {
    ctx.addIssue({ code: 'custom', path: ['n12'], message: 'expected n12 <= min(n1, n2)' });
  }
});

/**
 * c = n12 / (n1 + n2 - n12): 0 when the codes never co-occur, 1 when every occurrence of each is a
 * co-occurrence; 0 when the denominator is 0 (neither code occurs). Requires n12 <= min(n1, n2).
 * @example cCoefficient(10, 5, 3) // 3 / 12 = 0.25
 */
export function cCoefficient(n1: number, n2: number, n12: number): number {
  parseInput(countsSchema, { n1, n2, n12 }, 'cCoefficient');
  const denominator = n1 + n2 - n12;
  return denominator === 0 ? 0 : n12 / denominator;
}
