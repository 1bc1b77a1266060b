/** Cohen's kappa for two coders, unweighted or with linear / quadratic disagreement weights. */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { invalidInput } from '../invalid-input';
import { categoriesSchema, distinctSorted, type Label, orderCategories } from './labels';
import { labelPairSchema } from './percent-agreement';

/** Options of `cohenKappa`. */
export interface CohenKappaOptions {
  /** Disagreement weights for ordered categories; omitted = unweighted (every disagreement counts 1). */
  weights?: 'linear' | 'quadratic' | undefined;
  /**
   * The category order (lowest first) used by weighted kappa. Needed when labels are strings; for
   * numeric labels the default order is the distinct observed values ascending. Weights use the
   * position in this order (|i - j| or (i - j)^2), not the numeric value, as scikit-learn does: pass
   * the full scale (e.g. [1, 2, 3, 4, 5]) to keep unused categories in the distances.
   */
  categories?: ReadonlyArray<Label> | undefined;
}

const optionsSchema = z
  .object({
    weights: z.enum(['linear', 'quadratic'], { message: "expected 'linear' or 'quadratic'" }).optional(),
    categories: categoriesSchema.optional(),
  })
  .strict();

/**
 * Cohen's kappa between coders `a` and `b` (equal-length label arrays, one entry per unit).
 * Returns null when chance agreement is total (both coders used one and the same category for
 * every unit), where kappa is undefined.
 * @example cohenKappa(['yes', 'no', 'yes'], ['yes', 'no', 'no'])
 */
export function cohenKappa(
  a: ReadonlyArray<Label>,
  b: ReadonlyArray<Label>,
  options: CohenKappaOptions = {},
): number | null {
  const pair = parseInput(labelPairSchema, { a, b }, 'cohenKappa');
  const opts = parseInput(optionsSchema, options, 'cohenKappa options');
  const all = [...pair.a, ...pair.b];
  let order: Label[];
  if (opts.weights === undefined) {
    order = opts.categories ?? distinctSorted(all);
  } else {
    const ordered = orderCategories(all, opts.categories);
    if (ordered === null) {
      throw invalidInput(
        'cohenKappa',
        'categories',
        'expected an explicit categories order: weighted kappa with string labels',
      );
    }
    order = ordered;
  }
  const index = new Map<Label, number>(order.map((c, i) => [c, i]));
  const size = order.length;
  const observed = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const rowSums = new Array<number>(size).fill(0);
  const colSums = new Array<number>(size).fill(0);
  for (let u = 0; u < pair.a.length; u++) {
    const i = index.get(pair.a[u]!);
    const j = index.get(pair.b[u]!);
    if (i === undefined) throw invalidInput('cohenKappa', `a.${u}`, 'expected a label listed in categories');
    if (j === undefined) throw invalidInput('cohenKappa', `b.${u}`, 'expected a label listed in categories');
    observed[i]![j]! += 1;
    rowSums[i]! += 1;
    colSums[j]! += 1;
  }
  const n = pair.a.length;
  const weight = (i: number, j: number): number =>
    opts.weights === 'linear'
      ? Math.abs(i - j)
      : opts.weights === 'quadratic'
        ? (i - j) ** 2
        : i === j
          ? 0
          : 1;
  // kappa = 1 - sum(w * observed) / sum(w * expected); with 0/1 weights this is (p_o - p_e) / (1 - p_e).
  let observedDisagreement = 0;
  let expectedDisagreement = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const w = weight(i, j);
      if (w === 0) continue;
      observedDisagreement += w * observed[i]![j]!;
      expectedDisagreement += (w * rowSums[i]! * colSums[j]!) / n;
    }
  }
  if (expectedDisagreement === 0) return null;
  return 1 - observedDisagreement / expectedDisagreement;
}
