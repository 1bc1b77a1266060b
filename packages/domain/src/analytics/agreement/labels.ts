/** Coding labels and category orders shared by the agreement coefficients (kappa, alpha). */
import { z } from 'zod';

/** One coder's label for one unit: a category name or a number. */
export type Label = string | number;

/** Zod schema of a label: a string or a finite number. */
export const labelSchema = z.union([z.string(), z.number()], {
  message: 'expected a string or a finite number',
});

/** An explicit category order (lowest first) for ordered statistics; every label used must be listed once. */
export const categoriesSchema = z
  .array(labelSchema)
  .min(2, { message: 'expected at least two categories' })
  .refine((c) => new Set(c).size === c.length, { message: 'expected each category listed once' });

/**
 * The order of categories for ordered statistics: the explicit `categories` if given, otherwise the
 * distinct numeric labels sorted ascending. Returns null when labels are not all numbers and no order
 * was given (the caller reports that as bad input).
 */
export function orderCategories(labels: Iterable<Label>, categories?: ReadonlyArray<Label>): Label[] | null {
  if (categories !== undefined) return [...categories];
  const distinct = new Set<Label>(labels);
  const numbers: number[] = [];
  for (const label of distinct) {
    if (typeof label !== 'number') return null;
    numbers.push(label);
  }
  return numbers.sort((a, b) => a - b);
}

/** Distinct labels in a deterministic order: numbers ascending, then strings in code-unit order. */
export function distinctSorted(labels: Iterable<Label>): Label[] {
  const distinct = [...new Set<Label>(labels)];
  return distinct.sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'number') return -1;
    if (typeof b === 'number') return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}
