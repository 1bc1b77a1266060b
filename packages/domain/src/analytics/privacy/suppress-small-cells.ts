/**
 * Small-cell suppression for aggregates shown to people who may not see the records (domain.md
 * section 9): primary suppression of counts under k, then complementary suppression so that no
 * suppressed count can be worked back out from the totals shown beside it.
 */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { invalidInput } from '../invalid-input';
import type { CountTable } from '../segments/code-document-table';

/** Why a cell is hidden: `small` (0 < count < k) or `complementary` (hidden to protect a small one). */
export type SuppressionReason = 'small' | 'complementary';

/** A count table as it may be shown: hidden cells are null, with the reason beside them. */
export interface SuppressedTable {
  k: number;
  rows: string[];
  columns: string[];
  cells: (number | null)[][];
  cellReasons: (SuppressionReason | null)[][];
  rowTotals: (number | null)[];
  rowTotalReasons: (SuppressionReason | null)[];
  columnTotals: (number | null)[];
  columnTotalReasons: (SuppressionReason | null)[];
  total: number | null;
  totalReason: SuppressionReason | null;
}

/** Options of `suppressSmallCells`. */
export interface SuppressOptions {
  /** The threshold: counts 1..k-1 are hidden. Default 5; allowed 3..10. */
  k?: number | undefined;
}

const count = z
  .number()
  .int({ message: 'expected an integer count' })
  .min(0, { message: 'expected a count >= 0' });
const tableSchema = z.object({
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  counts: z.array(z.array(count)),
});
const optionsSchema = z
  .object({
    k: z
      .number()
      .int({ message: 'expected an integer k from 3 to 10' })
      .min(3, { message: 'expected k from 3 to 10' })
      .max(10, { message: 'expected k from 3 to 10' })
      .optional(),
  })
  .strict();

/**
 * Hide the small cells of a count table, and enough others that none can be recovered.
 *
 * The table is shown with its row totals, column totals and grand total. The rule:
 * 1. Primary: every cell or total with 0 < count < k is hidden (`small`). Zeros are shown.
 * 2. Complementary: every line whose total is shown (each row, with its row total; each column, with
 *    its column total; the row-total column and the column-total row, with the grand total) must
 *    hide either nothing, or at least two of its cells whose hidden counts add up to k or more.
 *    Otherwise total minus the shown cells would reveal a hidden count, or a hidden sum under k.
 *    A line that breaks the rule hides one more of its cells (`complementary`): the smallest non-zero
 *    shown count, the first one on a tie; a zero only when no non-zero is left; its total when it has
 *    no shown cell left. A line whose total is hidden but whose cells are all shown would give the
 *    total away as their sum, so it hides one of its cells the same way. This repeats over all lines
 *    until every line keeps the rule (`determinedPlaces` finds nothing to work out).
 * The result is deterministic. It protects one table against its own margins; differences between
 * separately released tables (e.g. the same table with one participant less) are the caller's to avoid.
 * @example suppressSmallCells(codeDocumentTable(segments), { k: 5 })
 */
export function suppressSmallCells(table: CountTable, options: SuppressOptions = {}): SuppressedTable {
  const t = parseInput(tableSchema, table, 'suppressSmallCells');
  const { k = 5 } = parseInput(optionsSchema, options, 'suppressSmallCells options');
  const R = t.rows.length;
  const C = t.columns.length;
  if (t.counts.length !== R)
    throw invalidInput('suppressSmallCells', 'counts', `expected ${R} rows of counts`);
  t.counts.forEach((row, r) => {
    if (row.length !== C) throw invalidInput('suppressSmallCells', `counts.${r}`, `expected ${C} counts`);
  });

  // The grid with margins: grid[r][c] for r < R, c < C are cells; column C holds row totals,
  // row R holds column totals, grid[R][C] the grand total.
  const grid: number[][] = t.counts.map((row) => [...row, row.reduce((s, x) => s + x, 0)]);
  const bottom: number[] = [];
  for (let c = 0; c <= C; c++) bottom.push(grid.reduce((s, row) => s + row[c]!, 0));
  grid.push(bottom);
  const reasons: (SuppressionReason | null)[][] = grid.map((row) =>
    row.map((v) => (v > 0 && v < k ? ('small' as const) : null)),
  );

  // Every line: its member positions and the position of its total.
  type Pos = readonly [number, number];
  const lines: { members: Pos[]; total: Pos }[] = [];
  for (let r = 0; r <= R; r++) lines.push({ members: range(C).map((c) => [r, c] as const), total: [r, C] });
  for (let c = 0; c <= C; c++) lines.push({ members: range(R).map((r) => [r, c] as const), total: [R, c] });

  const hidden = ([r, c]: Pos) => reasons[r]![c] !== null;
  const value = ([r, c]: Pos) => grid[r]![c]!;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      if (hidden(line.total)) {
        // A hidden total whose members are all shown is their sum: hide one of them too.
        if (line.members.length === 0 || line.members.some(hidden)) continue;
        const nonZero = line.members.filter((p) => value(p) > 0);
        const pool = nonZero.length > 0 ? nonZero : line.members;
        const [r, c] = pool.reduce((best, p) => (value(p) < value(best) ? p : best));
        reasons[r]![c] = 'complementary';
        changed = true;
        continue;
      }
      const hiddenMembers = line.members.filter(hidden);
      const hiddenSum = hiddenMembers.reduce((s, p) => s + value(p), 0);
      if (hiddenMembers.length === 0 || (hiddenMembers.length >= 2 && hiddenSum >= k)) continue;
      const shown = line.members.filter((p) => !hidden(p));
      const nonZero = shown.filter((p) => value(p) > 0);
      const pool = nonZero.length > 0 ? nonZero : shown;
      const pick = pool.reduce<Pos | undefined>(
        (best, p) => (best === undefined || value(p) < value(best) ? p : best),
        undefined,
      );
      const [r, c] = pick ?? line.total;
      reasons[r]![c] = 'complementary';
      changed = true;
    }
  }

  const shownValue = (r: number, c: number) => (reasons[r]![c] === null ? grid[r]![c]! : null);
  return {
    k,
    rows: t.rows,
    columns: t.columns,
    cells: range(R).map((r) => range(C).map((c) => shownValue(r, c))),
    cellReasons: range(R).map((r) => range(C).map((c) => reasons[r]![c]!)),
    rowTotals: range(R).map((r) => shownValue(r, C)),
    rowTotalReasons: range(R).map((r) => reasons[r]![C]!),
    columnTotals: range(C).map((c) => shownValue(R, c)),
    columnTotalReasons: range(C).map((c) => reasons[R]![c]!),
    total: shownValue(R, C),
    totalReason: reasons[R]![C]!,
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * The differencing attack on a suppressed table: what the shown numbers determine, line by line (a
 * line with one unknown place gives it; a shown total equal to its shown cells makes every hidden one
 * zero), repeated until nothing more follows. Returns the hidden places so recovered, as `cell:r:c`,
 * `row:r`, `column:c` or `total`; empty for what `suppressSmallCells` returns.
 */
export function determinedPlaces(t: SuppressedTable): string[] {
  const R = t.rows.length;
  const C = t.columns.length;
  const known = new Map<string, number>();
  const put = (key: string, v: number | null) => {
    if (v !== null) known.set(key, v);
  };
  for (const r of range(R)) {
    put(`row:${r}`, t.rowTotals[r] ?? null);
    for (const c of range(C)) put(`cell:${r}:${c}`, t.cells[r]?.[c] ?? null);
  }
  for (const c of range(C)) put(`column:${c}`, t.columnTotals[c] ?? null);
  put('total', t.total);
  const shown = new Set(known.keys());
  const lines: { total: string; members: string[] }[] = [
    ...range(R).map((r) => ({ total: `row:${r}`, members: range(C).map((c) => `cell:${r}:${c}`) })),
    ...range(C).map((c) => ({ total: `column:${c}`, members: range(R).map((r) => `cell:${r}:${c}`) })),
    { total: 'total', members: range(R).map((r) => `row:${r}`) },
    { total: 'total', members: range(C).map((c) => `column:${c}`) },
  ];
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, members } of lines) {
      const unknown = [total, ...members].filter((p) => !known.has(p));
      if (unknown.length === 0) continue;
      const sum = members.reduce((s, p) => s + (known.get(p) ?? 0), 0);
      if (unknown.length === 1 && unknown[0] === total) known.set(total, sum);
      else if (unknown.length === 1) known.set(unknown[0]!, known.get(total)! - sum);
      else if (known.has(total) && known.get(total) === sum) for (const p of unknown) known.set(p, 0);
      else continue;
      changed = true;
    }
  }
  return [...known.keys()].filter((p) => !shown.has(p));
}
