import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { type GroupCount, isSafeCount, suppressGroupCounts } from './suppress-group-counts';

/** An organisation of settings of units; counts drawn per unit, sums above. */
function tree(units: { setting: number; size: number; count: number }[]): GroupCount[] {
  const groups: GroupCount[] = [];
  const settings = [...new Set(units.map((u) => u.setting))].sort();
  const sum = (list: typeof units, f: (u: (typeof units)[number]) => number) =>
    list.reduce((s, u) => s + f(u), 0);
  groups.push({ id: 'org', size: sum(units, (u) => u.size), count: sum(units, (u) => u.count) });
  for (const s of settings) {
    const mine = units.filter((u) => u.setting === s);
    groups.push({
      id: `s${s}`,
      parent: 'org',
      size: sum(mine, (u) => u.size),
      count: sum(mine, (u) => u.count),
    });
  }
  for (const [i, u] of units.entries())
    groups.push({ id: `u${i}`, parent: `s${u.setting}`, size: u.size, count: u.count });
  return groups;
}

/** Brute force, written apart from the code under test: every unit vector that fits the shown numbers. */
function feasibleValues(groups: GroupCount[], shown: Map<string, number | null>): Map<string, Set<number>> {
  const units = groups.filter((g) => g.id.startsWith('u'));
  const leavesOf = (id: string): GroupCount[] =>
    id.startsWith('u')
      ? [groups.find((g) => g.id === id)!]
      : groups.filter((g) => g.parent === id).flatMap((g) => leavesOf(g.id));
  const out = new Map(groups.filter((g) => shown.get(g.id) === null).map((g) => [g.id, new Set<number>()]));
  const x = units.map(() => 0);
  const walk = (i: number) => {
    if (i === units.length) {
      const value = (id: string) => leavesOf(id).reduce((s, u) => s + x[units.indexOf(u)]!, 0);
      if (groups.every((g) => shown.get(g.id) === null || shown.get(g.id) === value(g.id)))
        for (const [id, set] of out) set.add(value(id));
      return;
    }
    const fixed = shown.get(units[i]!.id);
    for (let v = fixed ?? 0; v <= (fixed ?? units[i]!.size); v++) {
      x[i] = v;
      walk(i + 1);
    }
  };
  walk(0);
  return out;
}

const unitArb = fc
  .record({
    setting: fc.integer({ min: 0, max: 2 }),
    size: fc.integer({ min: 1, max: 9 }),
    ratio: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((u) => ({ setting: u.setting, size: u.size, count: Math.round(u.ratio * u.size) }));

describe('suppressGroupCounts', () => {
  it('shows zeros in groups of k or more and counts with k on both sides; hides the rest', () => {
    expect(isSafeCount(0, 5, 5)).toBe(true);
    // A zero in a group of 3 is hidden: otherwise "hidden" there would mean "at least one".
    expect(isSafeCount(0, 3, 5)).toBe(false);
    expect(isSafeCount(0, 1, 5)).toBe(false);
    expect(isSafeCount(5, 10, 5)).toBe(true);
    expect(isSafeCount(5, 5, 5)).toBe(false);
    expect(isSafeCount(6, 10, 5)).toBe(false);
    expect(isSafeCount(1, 20, 5)).toBe(false);
  });

  it('hides the last unit of a setting when the setting total would give it away', () => {
    // Ward 5 of 5 is hidden; the community count 0 is safe, but org 5 of 11 minus 0 would give the ward.
    const shown = suppressGroupCounts(
      tree([
        { setting: 0, size: 5, count: 5 },
        { setting: 1, size: 6, count: 0 },
      ]),
    );
    expect(shown.get('u0')).toBeNull();
    expect(shown.get('s0')).toBeNull();
    const ranges = feasibleValues(
      tree([
        { setting: 0, size: 5, count: 5 },
        { setting: 1, size: 6, count: 0 },
      ]),
      shown,
    );
    for (const [id, values] of ranges) expect(values.size, id).toBeGreaterThanOrEqual(2);
  });

  it('never shows an unsafe count, and never leaves a hidden count determined by the shown ones', () => {
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 3, max: 6 }),
        (units, k) => {
          const groups = tree(units);
          const shown = suppressGroupCounts(groups, { k });
          for (const g of groups) {
            const v = shown.get(g.id);
            if (v !== null) {
              expect(v).toBe(g.count);
              expect(isSafeCount(g.count, g.size, k)).toBe(true);
            }
          }
          for (const [id, values] of feasibleValues(groups, shown))
            expect(values.size, `${id} of ${JSON.stringify(units)}`).toBeGreaterThanOrEqual(2);
        },
      ),
      { numRuns: 300, seed: 8 },
    );
  });

  it('is deterministic', () => {
    const groups = tree([
      { setting: 0, size: 7, count: 2 },
      { setting: 0, size: 6, count: 6 },
      { setting: 1, size: 9, count: 5 },
    ]);
    const sorted = (m: Map<string, number | null>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));
    expect(sorted(suppressGroupCounts(groups))).toEqual(sorted(suppressGroupCounts([...groups].reverse())));
  });

  it('refuses children that do not add up, naming the group', () => {
    expect(() =>
      suppressGroupCounts([
        { id: 'org', size: 5, count: 2 },
        { id: 'a', parent: 'org', size: 5, count: 1 },
      ]),
    ).toThrow(DomainValidationError);
    expect(() => suppressGroupCounts([{ id: 'a', size: 2, count: 3 }])).toThrow(/no larger than the size/);
  });
});
