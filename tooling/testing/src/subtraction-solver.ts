/**
 * The subtraction attacker: given the numbers a page shows (each a sum over some people, or hidden)
 * and each person's bounds, finds every value each hidden number can still take. A hidden number with
 * one possible value has been worked out by subtraction.
 */

/** A shown or hidden number: the sum of the 0/1 (or 0..max) values of some leaves. */
export interface ShownCell {
  id: string;
  leaves: readonly string[];
  /** null when the page hides it. */
  value: number | null;
}

/** What the attacker can still say about one hidden cell. */
export interface HiddenCellRange {
  id: string;
  min: number;
  max: number;
  /** Distinct feasible values found (stops counting at 2). */
  feasibleValues: number;
}

/**
 * Exact search: bounds propagation over the shown sums, then a depth-first search over the remaining
 * leaves. Throws when the shown numbers are inconsistent (no assignment fits), since that is a bug.
 */
export function hiddenCellRanges(
  leaves: ReadonlyArray<{ id: string; max: number }>,
  cells: readonly ShownCell[],
): HiddenCellRange[] {
  const index = new Map(leaves.map((l, i) => [l.id, i]));
  const lo = leaves.map(() => 0);
  const hi = leaves.map((l) => l.max);
  const of = (c: ShownCell) =>
    c.leaves.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new Error(`cell ${c.id} names unknown leaf ${id}`);
      return i;
    });
  const shown = cells.filter((c) => c.value !== null).map((c) => ({ value: c.value!, ix: of(c) }));
  const hidden = cells.filter((c) => c.value === null).map((c) => ({ id: c.id, ix: of(c) }));
  // Bounds propagation to a fixpoint.
  for (let changed = true; changed; ) {
    changed = false;
    for (const s of shown) {
      const sumLo = s.ix.reduce((a, i) => a + lo[i]!, 0);
      const sumHi = s.ix.reduce((a, i) => a + hi[i]!, 0);
      for (const i of s.ix) {
        const newLo = Math.max(lo[i]!, s.value - (sumHi - hi[i]!));
        const newHi = Math.min(hi[i]!, s.value - (sumLo - lo[i]!));
        if (newLo > newHi) throw new Error('the shown numbers admit no assignment');
        if (newLo !== lo[i] || newHi !== hi[i]) {
          lo[i] = newLo;
          hi[i] = newHi;
          changed = true;
        }
      }
    }
  }
  const values = hidden.map(() => new Set<number>());
  const free = leaves.map((_, i) => i).filter((i) => lo[i] !== hi[i]);
  const x = lo.slice();
  const fits = (depth: number) => {
    const assigned = new Set(free.slice(0, depth));
    return shown.every((s) => {
      let a = 0;
      let b = 0;
      for (const i of s.ix) {
        if (lo[i] === hi[i] || assigned.has(i)) {
          a += x[i]!;
          b += x[i]!;
        } else {
          a += lo[i]!;
          b += hi[i]!;
        }
      }
      return a <= s.value && s.value <= b;
    });
  };
  const done = () => values.every((v) => v.size >= 2);
  const dfs = (depth: number): boolean => {
    if (!fits(depth)) return false;
    if (depth === free.length) {
      for (const [j, h] of hidden.entries()) values[j]!.add(h.ix.reduce((a, i) => a + x[i]!, 0));
      return done();
    }
    const i = free[depth]!;
    for (let v = lo[i]!; v <= hi[i]!; v++) {
      x[i] = v;
      if (dfs(depth + 1)) return true;
    }
    x[i] = lo[i]!;
    return false;
  };
  dfs(0);
  if (hidden.length > 0 && values.every((v) => v.size === 0))
    throw new Error('the shown numbers admit no assignment');
  return hidden.map((h, j) => ({
    id: h.id,
    min: h.ix.reduce((a, i) => a + lo[i]!, 0),
    max: h.ix.reduce((a, i) => a + hi[i]!, 0),
    feasibleValues: Math.min(values[j]!.size, 2),
  }));
}
