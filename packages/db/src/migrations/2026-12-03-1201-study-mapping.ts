/**
 * A study's mapping (issue 14): the code-to-indicator rules the owner saved with an import from the
 * portal, as mapping-file JSON, used by the study's later imports that bring no mapping of their own.
 * Null: the default mapping. Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('study').addColumn('mapping', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('study').dropColumn('mapping').execute();
}
