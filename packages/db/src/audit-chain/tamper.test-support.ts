/**
 * Test support: tampering with the audit log the way an attacker with the database file or the owner
 * role would, i.e. with the guarding triggers lifted for the duration and put back afterwards.
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../repositories/bulk-insert';
import type { Database } from '../schema';

/** Runs `work` with every audit guard lifted, then restores the guards exactly as they were. */
export async function withGuardsLifted(db: Kysely<Database>, work: () => Promise<void>): Promise<void> {
  if (isPostgres(db)) {
    await sql`alter table audit_event disable trigger user`.execute(db);
    await sql`alter table audit_chain_head disable trigger user`.execute(db);
    try {
      await work();
    } finally {
      await sql`alter table audit_event enable trigger user`.execute(db);
      await sql`alter table audit_chain_head enable trigger user`.execute(db);
    }
    return;
  }
  const { rows } = await sql<{ name: string; sql: string }>`
    select name, sql from sqlite_master
    where type = 'trigger' and tbl_name in ('audit_event', 'audit_chain_head')`.execute(db);
  for (const t of rows) await sql.raw(`drop trigger ${t.name}`).execute(db);
  try {
    await work();
  } finally {
    for (const t of rows) await sql.raw(t.sql).execute(db);
  }
}
