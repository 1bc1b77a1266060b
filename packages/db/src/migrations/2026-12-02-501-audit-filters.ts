/**
 * The audit screen's filters (issue 9) page newest first by the chain's `seq` within one organisation's
 * chain; each filter gets an index that ends in `seq`, so a filtered page is one short range scan read
 * backwards, not a sort of the whole log: by actor, by action, and by record (entity type and id).
 * Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

const INDEXES = [
  ['audit_event_chain_actor_seq_idx', ['chain', 'actor_user_id', 'seq']],
  ['audit_event_chain_action_seq_idx', ['chain', 'action', 'seq']],
  ['audit_event_chain_entity_seq_idx', ['chain', 'entity_type', 'entity_id', 'seq']],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, columns] of INDEXES) {
    await db.schema
      .createIndex(name)
      .on('audit_event')
      .columns([...columns])
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
