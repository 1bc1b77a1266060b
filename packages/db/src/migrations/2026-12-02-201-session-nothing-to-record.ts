/**
 * A session can be recorded as "held, nothing to record": the one way a session with no observations,
 * no minutes and no notes is accepted. Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('supervision_session')
    .addColumn('nothing_to_record', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('supervision_session').dropColumn('nothing_to_record').execute();
}
