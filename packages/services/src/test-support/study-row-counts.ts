/** Test support: rows per study table, compared before and after an import to prove what it wrote (or that it wrote nothing). */
import type { Db } from '../db';

export async function studyRowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['study', 'import_run', 'document', 'code', 'coded_segment', 'audit_event'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}
