/** The organisation's audit log for admins, newest first, paged by timestamp. */
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';

export const listAuditEventsInput = z
  .object({
    limit: z
      .number()
      .int()
      .min(1, { message: 'expected 1 to 500' })
      .max(500, { message: 'expected 1 to 500' })
      .default(100),
    /** Only events strictly before this ISO timestamp (the `at` of the last event of the previous page). */
    before: z.string().datetime({ message: 'expected an ISO 8601 timestamp' }).optional(),
    entityType: z.string().max(60).optional(),
    entityId: z.string().max(100).optional(),
    action: z.string().max(60).optional(),
  })
  .optional();

export interface AuditEvent {
  id: string;
  actorUserId: string | null;
  /** The actor's display name and roles as they were when the event was written (stored, never looked up now). */
  actorName: string | null;
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string | null;
  at: string;
  details: unknown;
}

export async function listAuditEvents(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listAuditEventsInput>,
): Promise<AuditEvent[]> {
  requireRole(actor, 'admin');
  const parsed = parseServiceInput(listAuditEventsInput, input) ?? { limit: 100 };
  let q = db
    .selectFrom('audit_event as e')
    .select([
      'e.id',
      'e.actor_user_id',
      'e.actor_name',
      'e.actor_roles',
      'e.action',
      'e.entity_type',
      'e.entity_id',
      'e.at',
      'e.details',
    ])
    .where('e.organization_id', '=', actor.organizationId);
  if (parsed.before) q = q.where('e.at', '<', parsed.before);
  if (parsed.entityType) q = q.where('e.entity_type', '=', parsed.entityType);
  if (parsed.entityId) q = q.where('e.entity_id', '=', parsed.entityId);
  if (parsed.action) q = q.where('e.action', '=', parsed.action);
  const rows = await q.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(parsed.limit).execute();
  return rows.map((r) => ({
    id: r.id,
    actorUserId: r.actor_user_id,
    actorName: r.actor_name,
    actorRoles: r.actor_roles ? r.actor_roles.split(',') : [],
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    at: r.at,
    details: JSON.parse(r.details) as unknown,
  }));
}
