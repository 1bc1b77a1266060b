/** A study's codes in tree order: parents first, siblings in the file's order where it was kept, else by name. */
export function codesInTreeOrder<
  C extends { id: string; parent_id: string | null; name: string; position: number | null },
>(codes: readonly C[]): C[] {
  const ordered: C[] = [];
  const children = new Map<string | null, C[]>();
  for (const c of codes) children.set(c.parent_id, [...(children.get(c.parent_id) ?? []), c]);
  const walk = (parent: string | null) => {
    for (const c of (children.get(parent) ?? []).sort(
      (a, b) =>
        (a.position ?? Number.MAX_SAFE_INTEGER) - (b.position ?? Number.MAX_SAFE_INTEGER) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )) {
      ordered.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return ordered;
}
