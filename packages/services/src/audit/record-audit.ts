/**
 * Writes one audit event (who, when, what, which record), always inside the transaction of the change it
 * records. Goes through the db package's append, which also bumps the organisation's revision, so a
 * cached caseload (ADR 0006) never outlives an audited write.
 */
import { appendAuditEvent } from '@peerbridge/db';
import type { Actor } from '../actor';
import type { DbOrTrx } from '../db';

/** What happened, in a stable dotted form, e.g. `session.create`, `session_notes.read`. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  /** Small, non-sensitive facts about the change (never note texts or passwords). */
  details?: Record<string, unknown>;
  /** False for a read or a refusal: the organisation's revision (and its cached caseloads) stays. */
  changesData?: boolean;
}

export async function recordAudit(trx: DbOrTrx, actor: Actor, entry: AuditEntry): Promise<void> {
  await appendAuditEvent(
    trx,
    actor.organizationId,
    {
      actorUserId: actor.userId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: entry.details ?? {},
    },
    { changesData: entry.changesData !== false },
  );
}
