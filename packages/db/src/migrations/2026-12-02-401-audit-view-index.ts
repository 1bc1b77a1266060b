/**
 * Audited reads (ADR 0009) ask, on every read of a PSW's record, whether this actor opened it in the
 * last minutes: an index on (actor, action, entity, at) answers that with one short range scan.
 * Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('audit_event_actor_view_idx')
    .on('audit_event')
    .columns(['actor_user_id', 'action', 'entity_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_event_actor_view_idx').execute();
}
