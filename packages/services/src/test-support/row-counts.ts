/** Test support: rows per table, compared before and after a call to show what it wrote (or that it wrote nothing). */
import type { Database } from '@peerbridge/db';
import type { Db } from '../db';

export async function countRows(
  db: Db,
  tables: readonly (keyof Database & string)[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
