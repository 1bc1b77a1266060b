/**
 * One ordering for lists sorted by a human name. Database collations differ (SQLite compares bytes,
 * PostgreSQL follows the server locale), so name-ordered lists are sorted here to read the same on both.
 */
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Compares by name, then by id so equal names still have one fixed order. */
export function byName<T>(name: (item: T) => string, id: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const byText = collator.compare(name(a), name(b));
    if (byText !== 0) return byText;
    const idA = id(a);
    const idB = id(b);
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  };
}
