/**
 * The triggers and the index that guard the audit chain in each dialect, and a check that each is
 * present (and, on PostgreSQL, enabled). A missing guard is reported by `audit verify` and `/readyz`.
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../repositories/bulk-insert';
import type { Database } from '../schema';

const SQLITE_GUARDS = [
  'audit_event_no_update',
  'audit_event_no_delete',
  'audit_event_chained_insert',
  'audit_chain_head_forward_only',
  'audit_chain_head_no_delete',
];

const POSTGRES_GUARDS = [
  'audit_event_append_only',
  'audit_event_no_truncate',
  'audit_event_chained_insert',
  'audit_chain_head_forward_only',
  'audit_chain_head_no_truncate',
];

/** The unique (chain, seq) index: without it two events could claim one place. */
export const CHAIN_INDEX = 'audit_event_chain_seq_idx';

/** Names of guards that are missing or disabled, e.g. `trigger audit_event_no_delete (missing)`. */
export async function missingAuditGuards(db: Kysely<Database>): Promise<string[]> {
  const problems: string[] = [];
  if (isPostgres(db)) {
    const { rows } = await sql<{ name: string; enabled: string }>`
      select t.tgname as name, t.tgenabled as enabled from pg_trigger t
      where t.tgrelid in ('audit_event'::regclass, 'audit_chain_head'::regclass) and not t.tgisinternal`.execute(
      db,
    );
    for (const name of POSTGRES_GUARDS) {
      const found = rows.find((r) => r.name === name);
      if (!found) problems.push(`trigger ${name} (missing)`);
      else if (found.enabled === 'D') problems.push(`trigger ${name} (disabled)`);
    }
    const index = await sql<{ n: number }>`
      select count(*)::int as n from pg_indexes where tablename = 'audit_event' and indexname = ${CHAIN_INDEX}`.execute(
      db,
    );
    if (Number(index.rows[0]?.n ?? 0) === 0) problems.push(`index ${CHAIN_INDEX} (missing)`);
    return problems;
  }
  const { rows } = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master
    where type in ('trigger', 'index') and tbl_name in ('audit_event', 'audit_chain_head')`.execute(db);
  for (const name of SQLITE_GUARDS) {
    const found = rows.find((r) => r.type === 'trigger' && r.name === name);
    if (!found) problems.push(`trigger ${name} (missing)`);
    // A trigger recreated under the same name without its raise() guards nothing.
    else if (!/raise\s*\(\s*abort/i.test(found.sql ?? '')) problems.push(`trigger ${name} (altered)`);
  }
  if (!rows.some((r) => r.type === 'index' && r.name === CHAIN_INDEX))
    problems.push(`index ${CHAIN_INDEX} (missing)`);
  return problems;
}
