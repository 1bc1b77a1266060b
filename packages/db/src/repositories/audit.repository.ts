/** The append-only audit log: append events, read them newest first a page at a time. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { withTransaction } from '../transaction';
import { insertInChunks } from './bulk-insert';
import { nowTimestamp } from './timestamps';

export interface AuditEventRecord {
  id: string;
  organizationId: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  at: string;
  details: Record<string, unknown>;
}

export interface NewAuditEventInput {
  id?: string;
  actorUserId: string | null;
  /** A dotted verb, e.g. `session.notes.read`, `card.responded`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
  at?: string;
}

export interface AuditPage {
  events: AuditEventRecord[];
  /** Pass back as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const MAX_AUDIT_PAGE = 500;

/**
 * Appends events for an organisation (null for events outside one, e.g. a failed sign-in) and bumps
 * that organisation's `revision` once per call. Every audited write goes through here, so caches keyed
 * on the revision (the caseload, ADR 0006) see the write. Run it in the transaction of the change: then
 * the events, the bump and the change commit together. Outside a transaction it opens its own.
 */
export async function appendAuditEvents(
  db: Kysely<Database>,
  organizationId: string | null,
  events: readonly NewAuditEventInput[],
): Promise<AuditEventRecord[]> {
  const at = nowTimestamp();
  const records: AuditEventRecord[] = events.map((e) => ({
    id: e.id ?? randomUUID(),
    organizationId,
    actorUserId: e.actorUserId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    at: e.at ?? at,
    details: e.details ?? {},
  }));
  if (records.length === 0) return records;
  await withTransaction(db, async (trx) => {
    await insertInChunks(
      trx,
      'audit_event',
      ['id', 'organization_id', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'at', 'details'],
      records.map((r) => ({
        id: r.id,
        organization_id: r.organizationId,
        actor_user_id: r.actorUserId,
        action: r.action,
        entity_type: r.entityType,
        entity_id: r.entityId,
        at: r.at,
        details: JSON.stringify(r.details),
      })),
    );
    if (organizationId !== null) await bumpOrganizationRevision(trx, organizationId);
  });
  return records;
}

/** Adds one to an organisation's revision (one UPDATE; a no-op for an unknown id). */
export async function bumpOrganizationRevision(db: Kysely<Database>, organizationId: string): Promise<void> {
  await db
    .updateTable('organization')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', organizationId)
    .execute();
}

/** An organisation's revision (one primary-key read), or null for an unknown id. */
export async function getOrganizationRevision(
  db: Kysely<Database>,
  organizationId: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('organization')
    .select('revision')
    .where('id', '=', organizationId)
    .executeTakeFirst();
  return row ? Number(row.revision) : null;
}

export async function appendAuditEvent(
  db: Kysely<Database>,
  organizationId: string | null,
  event: NewAuditEventInput,
): Promise<AuditEventRecord> {
  const [record] = await appendAuditEvents(db, organizationId, [event]);
  return record as AuditEventRecord;
}

function encodeCursor(event: AuditEventRecord): string {
  return Buffer.from(JSON.stringify([event.at, event.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new Error(`Invalid audit cursor "${cursor}": pass back the nextCursor of a previous page`);
}

/** One page of an organisation's audit log, newest first (keyset paging on at, id). */
export async function listAuditEvents(
  db: Kysely<Database>,
  organizationId: string,
  options: { limit?: number; before?: string | null; entityType?: string; entityId?: string } = {},
): Promise<AuditPage> {
  const limit = Math.min(Math.max(1, Math.floor(options.limit ?? 50)), MAX_AUDIT_PAGE);
  let query = db
    .selectFrom('audit_event')
    .select([
      'id',
      'organization_id as organizationId',
      'actor_user_id as actorUserId',
      'action',
      'entity_type as entityType',
      'entity_id as entityId',
      'at',
      'details',
    ])
    .where('organization_id', '=', organizationId);
  if (options.entityType !== undefined) query = query.where('entity_type', '=', options.entityType);
  if (options.entityId !== undefined) query = query.where('entity_id', '=', options.entityId);
  if (options.before) {
    const [at, id] = decodeCursor(options.before);
    query = query.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const events = rows
    .slice(0, limit)
    .map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  const last = events[events.length - 1];
  return { events, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
