import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { determinedPlaces, type SuppressedTable, suppressSmallCells } from './suppress-small-cells';

const table = (counts: number[][]) => ({
  rows: counts.map((_, i) => `r${i}`),
  columns: (counts[0] ?? []).map((_, i) => `c${i}`),
  counts,
});

describe('suppressSmallCells', () => {
  it('shows a table with no small counts unchanged, with its totals', () => {
    const out = suppressSmallCells(
      table([
        [5, 0],
        [7, 9],
      ]),
    );
    expect(out.cells).toEqual([
      [5, 0],
      [7, 9],
    ]);
    expect(out.rowTotals).toEqual([5, 16]);
    expect(out.columnTotals).toEqual([12, 9]);
    expect(out.total).toBe(21);
  });

  it('hides a small cell and a second cell in its row and column so the totals give nothing away', () => {
    const out = suppressSmallCells(
      table([
        [2, 10, 20],
        [8, 9, 30],
        [12, 11, 40],
      ]),
    );
    expect(out.cellReasons[0]![0]).toBe('small');
    // Row 0 and column 0 each hide a second cell, and the cycle closes on a fourth.
    expect(out.cellReasons).toEqual([
      ['small', 'complementary', null],
      ['complementary', 'complementary', null],
      [null, null, null],
    ]);
    expect(out.cells[0]).toEqual([null, null, 20]);
    expectNoLineReveals(out, [
      [2, 10, 20],
      [8, 9, 30],
      [12, 11, 40],
    ]);
  });

  it('hides totals under k too', () => {
    const out = suppressSmallCells(
      table([
        [1, 2],
        [10, 20],
      ]),
      { k: 5 },
    );
    expect(out.rowTotals[0]).toBeNull();
    expect(out.rowTotalReasons[0]).toBe('small');
  });

  it('never hides zeros by themselves and honours k', () => {
    const out = suppressSmallCells(
      table([
        [0, 6],
        [6, 6],
      ]),
      { k: 7 },
    );
    expect(out.cellReasons[0]![0]).toBeNull();
    expect(out.cellReasons[0]![1]).toBe('small');
  });

  it('hides a cell of a line whose total is hidden, so the total is not their sum (the differencing attack)', () => {
    // Row 1's total (1) is small; were its cells all shown, 13 minus the other row totals would give it.
    const m = [
      [0, 5, 0],
      [1, 0, 0],
      [6, 0, 1],
    ];
    const out = suppressSmallCells(table(m), { k: 5 });
    expect(out.rowTotals[0]).toBeNull();
    expect(out.cells[0]!.some((v) => v === null)).toBe(true);
    expect(determinedPlaces(out)).toEqual([]);
    expectNoLineReveals(out, m);
  });

  it('the attack finds what a table with a derivable total gives away', () => {
    const leaky: SuppressedTable = {
      ...suppressSmallCells(table([[5, 5]]), { k: 5 }),
      cells: [[5, 5]],
      rowTotals: [null],
    };
    expect(determinedPlaces(leaky)).toEqual(['row:0']);
  });

  it('accepts k from 3 to 10 only', () => {
    expect(() => suppressSmallCells(table([[1]]), { k: 2 })).toThrow(DomainValidationError);
    expect(() => suppressSmallCells(table([[1]]), { k: 11 })).toThrow(/k: expected k from 3 to 10/);
    expect(() => suppressSmallCells(table([[1]]), { k: 4.5 })).toThrow(/k/);
  });

  it('rejects counts that do not fit the row and column keys', () => {
    expect(() => suppressSmallCells({ rows: ['a'], columns: ['x', 'y'], counts: [[1]] })).toThrow(
      /counts\.0/,
    );
    expect(() => suppressSmallCells({ rows: ['a'], columns: ['x'], counts: [[-1]] })).toThrow(/counts\.0\.0/);
  });

  it('leaves no hidden count that a shown total reveals, on random tables (property)', () => {
    const counts = fc
      .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }))
      .chain(([r, c]) =>
        fc.array(fc.array(fc.nat(15), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
      );
    fc.assert(
      fc.property(counts, fc.integer({ min: 3, max: 10 }), (m, k) => {
        const out = suppressSmallCells(table(m), { k });
        expectNoLineReveals(out, m);
        expect(determinedPlaces(out)).toEqual([]);
        return out.cells.every((row, r) =>
          row.every((v, c) => v === null || v === 0 || v >= k || m[r]![c] === v),
        );
      }),
    );
  });
});

/** Checks the documented rule on every line whose total is shown. */
function expectNoLineReveals(out: SuppressedTable, m: number[][]): void {
  const R = m.length;
  const C = m[0]!.length;
  for (let r = 0; r < R; r++)
    for (let c = 0; c < C; c++) {
      const v = m[r]![c]!;
      if (v > 0 && v < out.k) expect(out.cells[r]![c]).toBeNull();
    }
  const check = (hiddenValues: number[], totalShown: boolean) => {
    if (!totalShown || hiddenValues.length === 0) return;
    expect(hiddenValues.length).toBeGreaterThanOrEqual(2);
    expect(hiddenValues.reduce((s, x) => s + x, 0)).toBeGreaterThanOrEqual(out.k);
  };
  for (let r = 0; r < R; r++) {
    check(
      m[r]!.filter((_, c) => out.cells[r]![c] === null),
      out.rowTotals[r] !== null,
    );
  }
  for (let c = 0; c < C; c++) {
    check(
      m.map((row) => row[c]!).filter((_, r) => out.cells[r]![c] === null),
      out.columnTotals[c] !== null,
    );
  }
  const rowTotals = m.map((row) => row.reduce((s, x) => s + x, 0));
  check(
    rowTotals.filter((_, r) => out.rowTotals[r] === null),
    out.total !== null,
  );
}
