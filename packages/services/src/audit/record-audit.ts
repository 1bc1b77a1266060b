/** Writes one audit event (who, when, what, which record), always inside the transaction of the change it records. */
import type { Actor } from '../actor';
import { type DbOrTrx, newId, nowIso } from '../db';

/** What happened, in a stable dotted form, e.g. `session.create`, `session_notes.read`. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  /** Small, non-sensitive facts about the change (never note texts or passwords). */
  details?: Record<string, unknown>;
}

export async function recordAudit(trx: DbOrTrx, actor: Actor, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      id: newId(),
      organization_id: actor.organizationId,
      actor_user_id: actor.userId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      at: nowIso(),
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
