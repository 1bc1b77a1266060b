/**
 * Krippendorff's alpha by the coincidence-matrix method (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"), for any number of coders, missing values and four metrics.
 */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { invalidInput } from '../invalid-input';
import { categoriesSchema, distinctSorted, type Label, labelSchema, orderCategories } from './labels';

/** The level of measurement, which picks the difference function delta^2. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** Options of `krippendorffAlpha`. */
export interface KrippendorffAlphaOptions {
  level: AlphaLevel;
  /** Category order (lowest first) for `ordinal` with string values; numbers are ordered by value. */
  categories?: ReadonlyArray<Label> | undefined;
}

/** Reliability data: one row per coder, one column per unit; `null` is a missing value. */
export type ReliabilityMatrix = ReadonlyArray<ReadonlyArray<Label | null>>;

const matrixSchema = z
  .array(
    z.array(z.union([labelSchema, z.null()], { message: 'expected a string, a finite number or null' })),
    {
      message: 'expected an array of coder rows',
    },
  )
  .min(1, { message: 'expected at least one coder row' })
  .superRefine((rows, ctx) => {
    const width = rows[0]?.length ?? 0;
    rows.forEach((row, i) => {
      if (row.length !== width) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `expected ${width} units like row 0, got ${row.length}`,
        });
      }
    });
  });

const optionsSchema = z
  .object({
    level: z.enum(['nominal', 'ordinal', 'interval', 'ratio'], {
      message: "expected 'nominal', 'ordinal', 'interval' or 'ratio'",
    }),
    categories: categoriesSchema.optional(),
  })
  .strict();

/**
 * Krippendorff's alpha = 1 - D_o / D_e over the pairable values of `matrix` (units with at least two
 * values). Returns null when it is undefined: no unit has two values, or all pairable values are the
 * same (no variation, so no expected disagreement).
 *
 * Metrics (c, k values; n_g the number of pairable values equal to g):
 * nominal 0/1; ordinal (sum of n_g for g from c to k, minus (n_c + n_k) / 2)^2 over ranks;
 * interval (c - k)^2; ratio ((c - k) / (c + k))^2 (0 when c + k = 0).
 * @example krippendorffAlpha([[1, 2, null], [1, 2, 2]], { level: 'nominal' }) // 1
 */
export function krippendorffAlpha(
  matrix: ReliabilityMatrix,
  options: KrippendorffAlphaOptions,
): number | null {
  const rows = parseInput(matrixSchema, matrix, 'krippendorffAlpha');
  const opts = parseInput(optionsSchema, options, 'krippendorffAlpha options');
  const values = orderedValues(rows, opts.level, opts.categories);
  const index = new Map<Label, number>(values.map((v, i) => [v, i]));
  const size = values.length;
  const coincidences = Array.from({ length: size }, () => new Float64Array(size));
  const units = rows[0]!.length;
  const inUnit = new Float64Array(size);
  for (let u = 0; u < units; u++) {
    inUnit.fill(0);
    let m = 0;
    for (const row of rows) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      inUnit[index.get(v)!]! += 1;
      m++;
    }
    if (m < 2) continue; // a unit with fewer than two values has no pairs
    // Each ordered pair of values from different coders adds 1 / (m_u - 1) to o_ck.
    for (let c = 0; c < size; c++) {
      const nc = inUnit[c]!;
      if (nc === 0) continue;
      for (let k = 0; k < size; k++) {
        const nk = inUnit[k]!;
        if (nk === 0) continue;
        coincidences[c]![k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  const marginals = coincidences.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  if (n === 0) return null;
  const delta = differenceFunction(opts.level, values, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue;
      const d = delta(c, k);
      observed += coincidences[c]![k]! * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** The distinct values in the order the metric needs, after checking they suit the level. */
function orderedValues(
  rows: ReadonlyArray<ReadonlyArray<Label | null>>,
  level: AlphaLevel,
  categories?: Label[],
): Label[] {
  const present: Label[] = [];
  for (const [i, row] of rows.entries()) {
    for (const [u, v] of row.entries()) {
      if (v === null) continue;
      if ((level === 'interval' || level === 'ratio') && typeof v !== 'number') {
        throw invalidInput(
          'krippendorffAlpha',
          `${i}.${u}`,
          `expected a number: the ${level} metric needs numbers`,
        );
      }
      if (level === 'ratio' && typeof v === 'number' && v < 0) {
        throw invalidInput(
          'krippendorffAlpha',
          `${i}.${u}`,
          'expected a number >= 0: the ratio metric has a true zero',
        );
      }
      if (categories !== undefined && !categories.includes(v)) {
        throw invalidInput('krippendorffAlpha', `${i}.${u}`, 'expected a value listed in categories');
      }
      present.push(v);
    }
  }
  if (level !== 'ordinal') return categories ?? distinctSorted(present);
  const ordered = orderCategories(present, categories);
  if (ordered === null) {
    throw invalidInput(
      'krippendorffAlpha',
      'categories',
      'expected a categories order: ordinal alpha with string values',
    );
  }
  return ordered;
}

/** delta^2(c, k) on value indices; the ordinal metric works on ranks and the marginals n_g. */
function differenceFunction(
  level: AlphaLevel,
  values: ReadonlyArray<Label>,
  marginals: ReadonlyArray<number>,
): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case 'ratio':
      return (c, k) => {
        const a = values[c] as number;
        const b = values[k] as number;
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
    case 'ordinal': {
      // Prefix sums of the marginals make each delta O(1).
      const prefix = [0];
      for (const m of marginals) prefix.push(prefix[prefix.length - 1]! + m);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = prefix[hi + 1]! - prefix[lo]!;
        return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
      };
    }
  }
}
