/**
 * Audit events for changes made on the command line, in the transaction of the change. The CLI runs
 * as the operator of the database, not as a signed-in user, so the actor is empty and the details say
 * `via: 'cli'`. It goes through the db's one audit append, which also bumps the organisation's revision.
 * The CLI writes no caseload input (ADR 0026): a command that did would call `refreshStoredAssessments`.
 */
import { appendAuditEvent, type Database } from '@peerbridge/db';
import type { Kysely } from 'kysely';

export interface CliAuditEntry {
  organizationId: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Small, non-sensitive facts (never passwords, texts or participant names). */
  details?: Record<string, unknown>;
}

export async function recordCliAudit(db: Kysely<Database>, entry: CliAuditEntry): Promise<void> {
  await appendAuditEvent(db, entry.organizationId, {
    actorUserId: null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    details: { via: 'cli', ...entry.details },
  });
}
