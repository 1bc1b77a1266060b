/**
 * The audit screen's filters (issue 9): by actor, by PSW, by action codes and by a date range, applied to
 * one organisation's chain. Each filter meets an index ending in `seq` (migration 2026-12-02-501), and
 * pages are keyset on `seq`, so a page costs what the first page costs.
 */

import type { Database } from '@peerbridge/db';
import { isoDateSchema } from '@peerbridge/domain';
import type { SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { addDays } from '../dates';
import { idSchema } from '../schemas';

/** Entity types whose rows belong to one PSW (a `peer_worker_id` column): the PSW filter follows them. */
export const WORKER_CHILD_ENTITIES = ['supervision_session', 'card_response', 'action_item'] as const;

const actionCode = z
  .string()
  .max(60, { message: 'expected an action code such as session.create' })
  .regex(/^[a-z_]+(\.[a-z_]+)+$/, { message: 'expected an action code such as session.create' });

export const auditFilterFields = {
  /** Events written by this user. */
  actorUserId: idSchema.optional(),
  /** Events about this PSW: their record, and their sessions, card responses and action items. */
  workerId: idSchema.optional(),
  /** Any of these action codes. */
  actions: z
    .array(actionCode)
    .min(1, { message: 'expected 1 to 40 action codes' })
    .max(40, { message: 'expected 1 to 40 action codes' })
    .optional(),
  /** From this UTC day, inclusive. */
  from: isoDateSchema.optional(),
  /** To this UTC day, inclusive. */
  to: isoDateSchema.optional(),
};

export const auditFiltersSchema = z
  .object(auditFilterFields)
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: 'expected a from date on or before the to date',
    path: ['to'],
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

type AuditQuery<O> = SelectQueryBuilder<Database, 'audit_event', O>;

/** Narrows a query over `audit_event` to one organisation's chain and the filters given. */
export function applyAuditFilters<O>(
  query: AuditQuery<O>,
  organizationId: string,
  filters: Partial<AuditFilters>,
): AuditQuery<O> {
  let q = query.where('chain', '=', organizationId);
  if (filters.actorUserId !== undefined) q = q.where('actor_user_id', '=', filters.actorUserId);
  if (filters.actions !== undefined) q = q.where('action', 'in', filters.actions);
  if (filters.from !== undefined) q = q.where('at', '>=', `${filters.from}T00:00:00.000Z`);
  // Inclusive day: everything before the next day's midnight (UTC).
  if (filters.to !== undefined) q = q.where('at', '<', `${addDays(filters.to, 1)}T00:00:00.000Z`);
  const workerId = filters.workerId;
  if (workerId !== undefined) {
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'peer_worker'), eb('entity_id', '=', workerId)]),
        ...WORKER_CHILD_ENTITIES.map((table) =>
          eb.and([
            eb('entity_type', '=', table),
            eb(
              'entity_id',
              'in',
              // The three tables share these columns; one of them stands in for the type.
              eb
                .selectFrom(table as 'supervision_session')
                .select('id')
                .where('organization_id', '=', organizationId)
                .where('peer_worker_id', '=', workerId),
            ),
          ]),
        ),
      ]),
    );
  }
  return q;
}
