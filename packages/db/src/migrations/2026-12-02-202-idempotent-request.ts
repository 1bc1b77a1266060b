/**
 * Client-generated request ids for create mutations: the first request with an id stores what it
 * returned, a retry with the same id gets that answer and writes nothing. Keyed per user, so one
 * person's ids never collide with another's. Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotent_request')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    /** SHA-256 of the request's canonical content (secrets left out), hex. */
    .addColumn('request_hash', 'text', (c) => c.notNull())
    /** The first answer as JSON text; empty until the creating transaction has written it. */
    .addColumn('result', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotent_request_pk', ['organization_id', 'user_id', 'request_id'])
    .addCheckConstraint('idempotent_request_hash_hex', sql`length(request_hash) = 64`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotent_request').execute();
}
