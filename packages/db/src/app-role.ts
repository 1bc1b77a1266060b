/**
 * Least privilege on PostgreSQL: the owner role runs migrations and then grants the application role
 * only what the app needs. On the audit log that is INSERT and SELECT (and moving the chain head forward);
 * the app role owns nothing, so it cannot alter, disable or drop a table's triggers.
 */
import { type Kysely, sql } from 'kysely';
import { isPostgres } from './repositories/bulk-insert';
import type { Database } from './schema';

/** Tables the app may only read and append to; everything else in `public` it may read and write. */
const APPEND_ONLY = ['audit_event'];
/** Tables whose rows the app may insert and move forward, but never delete or truncate. */
const FORWARD_ONLY = ['audit_chain_head'];
/** Migration bookkeeping: the app may read it (to see the schema is current), never change it. */
const READ_ONLY = ['kysely_migration', 'kysely_migration_lock'];

function ident(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
    throw new Error(
      `Role name "${name}" is not valid: expected lower-case letters, digits and _ (at most 63)`,
    );
  return `"${name}"`;
}

/**
 * Grants `appRole` the application's privileges on every table now in the schema (run it as the owner,
 * after each migration: the api does, when it has a MIGRATION_DATABASE_URL). Idempotent.
 */
export async function grantAppPrivileges(owner: Kysely<Database>, appRole: string): Promise<void> {
  if (!isPostgres(owner)) throw new Error('grantAppPrivileges is for PostgreSQL; SQLite has no roles');
  const role = sql.raw(ident(appRole));
  await sql`grant usage on schema public to ${role}`.execute(owner);
  await sql`revoke create on schema public from ${role}`.execute(owner);
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(owner);
  await sql`grant usage, select on all sequences in schema public to ${role}`.execute(owner);
  for (const table of APPEND_ONLY)
    await sql`revoke update, delete, truncate, references, trigger on ${sql.table(table)} from ${role}`.execute(
      owner,
    );
  for (const table of FORWARD_ONLY)
    await sql`revoke delete, truncate, references, trigger on ${sql.table(table)} from ${role}`.execute(
      owner,
    );
  for (const table of READ_ONLY)
    await sql`revoke insert, update, delete, truncate on ${sql.table(table)} from ${role}`.execute(owner);
}

/** The role a connection acts as (PostgreSQL), e.g. to grant it privileges from the owner's connection. */
export async function currentRole(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db);
  return rows[0]?.role ?? '';
}

/** True when the connection's role owns the audit table (and so could disable its triggers). */
export async function ownsAuditTable(db: Kysely<Database>): Promise<boolean> {
  if (!isPostgres(db)) return false;
  const { rows } = await sql<{ owns: boolean }>`
    select pg_get_userbyid(c.relowner) = current_user as owns
    from pg_class c where c.oid = 'audit_event'::regclass`.execute(db);
  return rows[0]?.owns === true;
}
