/**
 * Failed sign-ins, counted per account and per client address (ADR 0023), in the database so every api
 * process shares them. Keys are HMACs (never the typed e-mail or the address itself): a mistyped e-mail
 * field can hold a password. Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_failure')
    /** 'account:' or 'address:' followed by the HMAC-SHA-256 hex of the normalised value. */
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    /** ISO 8601 UTC: start of the counting window, and the latest failure (back-off runs from it). */
    .addColumn('first_failed_at', 'text', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failure').execute();
}
