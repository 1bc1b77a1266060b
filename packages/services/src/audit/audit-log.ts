/**
 * The audit screen (issue 9): one organisation's events, newest first, filtered, a capped page at a time.
 * Pages are keyset on the chain's `seq`, which the append assigns under the chain head's lock: an event
 * written between two page reads gets a higher `seq` than every event already shown, so it never pushes
 * an older event onto the next page again (no repeats) nor past it (no skips).
 * Each row carries the actor's name and roles as stored with the event, the PSW it is about (with their
 * name: this is an admin-only view, and admins see PSW names) and the i18n key of the action's label.
 */
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { DbOrTrx } from '../db';
import { parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { applyAuditFilters, auditFilterFields, WORKER_CHILD_ENTITIES } from './audit-filters';

export const AUDIT_PAGE_DEFAULT = 50;
export const AUDIT_PAGE_MAX = 200;

export const listAuditLogInput = z
  .object({ ...auditFilterFields, ...pageFields(AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX) })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: 'expected a from date on or before the to date',
    path: ['to'],
  });

export interface AuditLogRow {
  id: string;
  /** Position in the organisation's chain (ADR 0008); the page order. */
  seq: number;
  at: string;
  action: string;
  /** The i18n key of the action's label, e.g. `auditActions.session_notes.read`. */
  labelKey: string;
  actorUserId: string | null;
  /** As stored with the event (never looked up now): a later rename does not rewrite history. */
  actorName: string | null;
  actorRoles: string[];
  entityType: string;
  entityId: string | null;
  /** The PSW the event is about (their record, or one of their sessions, card responses, action items). */
  workerId: string | null;
  workerName: string | null;
  details: Record<string, unknown>;
}

/** The i18n key of an action code's label (the portal holds one per code, in each language). */
export function actionLabelKey(action: string): string {
  return `auditActions.${action}`;
}

type StoredRow = {
  id: string;
  seq: number | string;
  at: string;
  action: string;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_roles: string | null;
  entity_type: string;
  entity_id: string | null;
  details: string;
};

/** The PSW (id and name) each event is about, in a few id lookups for the whole page. */
async function resolveWorkers(
  db: DbOrTrx,
  organizationId: string,
  rows: readonly StoredRow[],
): Promise<Map<string, { id: string; name: string }>> {
  const workerOfEntity = new Map<string, string>();
  for (const table of WORKER_CHILD_ENTITIES) {
    const ids = [
      ...new Set(rows.filter((r) => r.entity_type === table && r.entity_id).map((r) => r.entity_id)),
    ];
    if (ids.length === 0) continue;
    const owners = await db
      .selectFrom(table)
      .select(['id', 'peer_worker_id'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', ids as string[])
      .execute();
    for (const o of owners) workerOfEntity.set(`${table}:${o.id}`, o.peer_worker_id);
  }
  for (const r of rows) {
    if (r.entity_type === 'peer_worker' && r.entity_id)
      workerOfEntity.set(`peer_worker:${r.entity_id}`, r.entity_id);
  }
  const workerIds = [...new Set(workerOfEntity.values())];
  const names = new Map<string, string>();
  if (workerIds.length > 0) {
    const workers = await db
      .selectFrom('peer_worker')
      .select(['id', 'display_name'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', workerIds)
      .execute();
    for (const w of workers) names.set(w.id, w.display_name);
  }
  const byEntity = new Map<string, { id: string; name: string }>();
  for (const [key, workerId] of workerOfEntity) {
    const name = names.get(workerId);
    // An id that is not one of this organisation's PSWs (e.g. a refused probe) names nobody.
    if (name !== undefined) byEntity.set(key, { id: workerId, name });
  }
  return byEntity;
}

/** One page of the organisation's audit log (admins only), newest first. */
export async function listAuditLog(
  db: DbOrTrx,
  actor: Actor,
  input?: z.input<typeof listAuditLogInput>,
): Promise<Page<AuditLogRow>> {
  requireRole(actor, 'admin');
  const parsed = parseServiceInput(listAuditLogInput, input ?? {});
  let q = applyAuditFilters(
    db
      .selectFrom('audit_event')
      .select([
        'id',
        'seq',
        'at',
        'action',
        'actor_user_id',
        'actor_name',
        'actor_roles',
        'entity_type',
        'entity_id',
        'details',
      ]),
    actor.organizationId,
    parsed,
  );
  if (parsed.cursor) {
    const [seq] = decodeCursor(parsed.cursor, ['number'] as const);
    q = q.where('seq', '<', seq);
  }
  const rows: StoredRow[] = await q
    .orderBy('seq', 'desc')
    .limit(parsed.limit + 1)
    .execute();
  const workers = await resolveWorkers(db, actor.organizationId, rows.slice(0, parsed.limit));
  return toPage(
    rows,
    parsed.limit,
    (r) => [Number(r.seq)],
    (r) => {
      const worker = workers.get(`${r.entity_type}:${r.entity_id}`) ?? null;
      return {
        id: r.id,
        seq: Number(r.seq),
        at: r.at,
        action: r.action,
        labelKey: actionLabelKey(r.action),
        actorUserId: r.actor_user_id,
        actorName: r.actor_name,
        actorRoles: r.actor_roles ? r.actor_roles.split(',') : [],
        entityType: r.entity_type,
        entityId: r.entity_id,
        workerId: worker?.id ?? null,
        workerName: worker?.name ?? null,
        details: JSON.parse(r.details) as Record<string, unknown>,
      };
    },
  );
}
