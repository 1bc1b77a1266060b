/**
 * `organization.revision`: a counter bumped in the transaction of every audited write to an
 * organisation, so a cache in any api process can tell whether its copy is still current with one
 * primary-key read. Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('organization')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organization').dropColumn('revision').execute();
}
