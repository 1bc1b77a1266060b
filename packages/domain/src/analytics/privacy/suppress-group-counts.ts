/**
 * Small-cell suppression over nested groups (organisation > setting > unit): one count per group,
 * hidden unless safe, plus complementary suppression until no hidden count can be worked out from
 * the shown ones, the group sizes and the sums that tie a parent to its children (ADR 0013).
 */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { invalidInput } from '../invalid-input';

/** One group of a nested count: how many people it has, how many of them the measure counts, and its parent. */
export interface GroupCount {
  id: string;
  size: number;
  count: number;
  /** The enclosing group; a parent's children must partition it (sizes and counts add up). */
  parent?: string | undefined;
}

/** Options of `suppressGroupCounts`. */
export interface GroupSuppressOptions {
  /** At least k people on each side of a shown non-zero count. Default 5; allowed 3..10. */
  k?: number | undefined;
}

const count = z
  .number()
  .int({ message: 'expected an integer' })
  .min(0, { message: 'expected a number >= 0' });
const groupsSchema = z.array(
  z.object({ id: z.string().min(1), size: count, count, parent: z.string().min(1).optional() }),
);
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
 * Whether a count may be shown on its own: at least k people with and k without, or zero in a group of
 * at least k. A count of all the group (or all but a few) says something about every member, so it is
 * hidden like a small one. A zero in a group under k is hidden too: were it shown, "hidden" in the same
 * group would mean "at least one", which for a group of one names the person (ADR 0013).
 */
export function isSafeCount(countOf: number, size: number, k: number): boolean {
  if (countOf === 0) return size >= k;
  return countOf >= k && size - countOf >= k;
}

/**
 * Hide every unsafe count, then enough others that no hidden count is determined by what is shown.
 * Rules: (1) primary: a count that is not `isSafeCount` is hidden; (2) in each parent = sum-of-children
 * equation, either nothing is hidden, or at least two places are, and when the parent is shown the
 * hidden children together must be a safe count of their joint size; (3) an exact check over the
 * leaves (bounded integer search) confirms every hidden count can take two or more values, hiding one
 * more shown count next to any that cannot. Deterministic: ties go to the smaller count, then the id.
 * @returns the shown count of each group id, or null when hidden.
 */
export function suppressGroupCounts(
  groups: readonly GroupCount[],
  options: GroupSuppressOptions = {},
): Map<string, number | null> {
  const gs = parseInput(groupsSchema, groups, 'suppressGroupCounts');
  const { k = 5 } = parseInput(optionsSchema, options, 'suppressGroupCounts options');
  const byId = new Map(gs.map((g) => [g.id, g]));
  if (byId.size !== gs.length) throw invalidInput('suppressGroupCounts', 'id', 'expected unique group ids');
  const children = new Map<string, string[]>();
  gs.forEach((g, i) => {
    if (g.count > g.size)
      throw invalidInput('suppressGroupCounts', `${i}.count`, 'expected a count no larger than the size');
    if (g.parent === undefined) return;
    if (!byId.has(g.parent))
      throw invalidInput('suppressGroupCounts', `${i}.parent`, 'expected the id of another group');
    children.set(g.parent, [...(children.get(g.parent) ?? []), g.id]);
  });
  gs.forEach((g, i) => {
    let at: GroupCount | undefined = g;
    for (let steps = 0; at?.parent !== undefined; steps++) {
      if (steps > gs.length)
        throw invalidInput('suppressGroupCounts', `${i}.parent`, 'expected parents without a cycle');
      at = byId.get(at.parent);
    }
  });
  for (const [parent, kids] of children) {
    const p = byId.get(parent)!;
    const size = kids.reduce((s, id) => s + byId.get(id)!.size, 0);
    const sum = kids.reduce((s, id) => s + byId.get(id)!.count, 0);
    if (size !== p.size || sum !== p.count)
      throw invalidInput(
        'suppressGroupCounts',
        parent,
        'expected children whose sizes and counts add up to it',
      );
  }

  const hidden = new Set(gs.filter((g) => !isSafeCount(g.count, g.size, k)).map((g) => g.id));
  const equations = [...children]
    .map(([parent, kids]) => ({ parent, kids: [...kids].sort() }))
    .sort((a, b) => (a.parent < b.parent ? -1 : 1));
  const order = (a: string, b: string) => byId.get(a)!.count - byId.get(b)!.count || (a < b ? -1 : 1);

  const hideOneMore = (parent: string, kids: string[], wantCount: boolean): void => {
    const shown = kids.filter((id) => !hidden.has(id)).sort(order);
    const nonZero = shown.filter((id) => byId.get(id)!.count > 0);
    const pick = (wantCount ? nonZero[0] : undefined) ?? shown[0];
    hidden.add(pick ?? parent);
  };

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const { parent, kids } of equations) {
        const hiddenKids = kids.filter((id) => hidden.has(id));
        const places = hiddenKids.length + (hidden.has(parent) ? 1 : 0);
        if (places === 0) continue;
        if (places === 1) {
          hideOneMore(parent, kids, true);
          changed = true;
          continue;
        }
        if (hidden.has(parent)) continue;
        const d = hiddenKids.reduce((s, id) => s + byId.get(id)!.count, 0);
        const m = hiddenKids.reduce((s, id) => s + byId.get(id)!.size, 0);
        if (d >= k && m - d >= k) continue;
        hideOneMore(parent, kids, d < k);
        changed = true;
      }
    }
    const determined = determinedHidden(gs, children, hidden);
    if (determined === undefined) break;
    // Hide a shown neighbour in an equation of the determined group: a sibling, a child, or the parent.
    const g = byId.get(determined)!;
    const neighbours = [
      ...(g.parent === undefined ? [] : [...(children.get(g.parent) ?? []), g.parent]),
      ...(children.get(determined) ?? []),
    ].filter((id) => !hidden.has(id));
    if (neighbours.length === 0) break; // nothing left to hide: every place is already hidden
    hidden.add(neighbours.sort(order)[0]!);
  }
  return new Map(gs.map((g) => [g.id, hidden.has(g.id) ? null : g.count]));
}

/** The first hidden group whose count every assignment consistent with the shown counts agrees on. */
function determinedHidden(
  gs: readonly GroupCount[],
  children: ReadonlyMap<string, string[]>,
  hidden: ReadonlySet<string>,
): string | undefined {
  if (hidden.size === 0) return undefined;
  const byId = new Map(gs.map((g) => [g.id, g]));
  const leaves = gs.filter((g) => !children.has(g.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const leavesOf = new Map<string, number[]>();
  const collect = (id: string): number[] => {
    const kids = children.get(id);
    const list = kids ? kids.flatMap(collect) : [leaves.findIndex((l) => l.id === id)];
    leavesOf.set(id, list);
    return list;
  };
  for (const g of gs) if (g.parent === undefined) collect(g.id);
  const shownInner = gs.filter((g) => children.has(g.id) && !hidden.has(g.id));
  const hiddenIds = gs
    .filter((g) => hidden.has(g.id))
    .map((g) => g.id)
    .sort();
  const seen = new Map(hiddenIds.map((id) => [id, new Set<number>()]));
  const values = leaves.map((l) => (hidden.has(l.id) ? -1 : l.count));
  let budget = 200_000;
  const satisfied = () => [...seen.values()].every((s) => s.size >= 2);
  const search = (i: number): boolean => {
    if (--budget < 0) return true;
    // Prune: every shown inner group must still be reachable from the leaves set so far.
    for (const g of shownInner) {
      let low = 0;
      let high = 0;
      for (const li of leavesOf.get(g.id)!) {
        if (li < i || !hidden.has(leaves[li]!.id)) {
          low += values[li]!;
          high += values[li]!;
        } else high += leaves[li]!.size;
      }
      if (g.count < low || g.count > high) return false;
    }
    if (i === leaves.length) {
      for (const id of hiddenIds) seen.get(id)!.add(leavesOf.get(id)!.reduce((s, li) => s + values[li]!, 0));
      return satisfied();
    }
    if (!hidden.has(leaves[i]!.id)) return search(i + 1);
    for (let v = 0; v <= leaves[i]!.size; v++) {
      values[i] = v;
      if (search(i + 1)) return true;
    }
    values[i] = -1;
    return false;
  };
  search(0);
  // An exhausted budget counts as undetermined only if two values were seen for every hidden group.
  return hiddenIds.find((id) => seen.get(id)!.size < 2 && byId.has(id));
}
