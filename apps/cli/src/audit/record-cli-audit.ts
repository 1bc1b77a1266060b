/**
 * Audit events for changes made on the command line, in the transaction of the change. The CLI runs
 * as the operator of the database, not as a signed-in user, so the actor is empty and the details say
 * `via: 'cli'`. (Belongs in the services package as a "system actor" audit once it has one.)
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '@peerbridge/db';
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
  await db
    .insertInto('audit_event')
    .values({
      id: randomUUID(),
      organization_id: entry.organizationId,
      actor_user_id: null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      at: new Date().toISOString(),
      details: JSON.stringify({ via: 'cli', ...entry.details }),
    })
    .execute();
}
