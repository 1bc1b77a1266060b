/** The append-only audit log: append events, read them newest first a page at a time. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { chainKeyOf, eventHash, genesisHash } from '../audit-chain/event-hash';
import type { Database } from '../schema';
import { withTransaction } from '../transaction';
import { insertInChunks } from './bulk-insert';
import { nowTimestamp } from './timestamps';

export interface AuditEventRecord {
  id: string;
  organizationId: string | null;
  actorUserId: string | null;
  /** The actor's display name when the event was written (null for the CLI or an unknown user). */
  actorName: string | null;
  /** The actor's roles in the organisation when the event was written. */
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string | null;
  at: string;
  details: Record<string, unknown>;
  /** Position in the organisation's chain (ADR 0008). */
  seq: number;
  hash: string;
}

export interface NewAuditEventInput {
  id?: string;
  actorUserId: string | null;
  /** The actor's name now; looked up from the user row in the same transaction when omitted. */
  actorName?: string | null;
  /** The actor's roles now; looked up from their memberships in the same transaction when omitted. */
  actorRoles?: readonly string[];
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

/** Fills in the actor's name and roles as they are now, once per distinct actor. */
async function snapshotActors(
  trx: Kysely<Database>,
  organizationId: string | null,
  events: readonly NewAuditEventInput[],
): Promise<Map<string, { name: string | null; roles: string[] }>> {
  const needed = [
    ...new Set(
      events
        .filter((e) => e.actorUserId !== null && (e.actorName === undefined || e.actorRoles === undefined))
        .map((e) => e.actorUserId as string),
    ),
  ];
  const found = new Map<string, { name: string | null; roles: string[] }>();
  if (needed.length === 0) return found;
  const users = await trx.selectFrom('user').select(['id', 'name']).where('id', 'in', needed).execute();
  for (const id of needed) found.set(id, { name: users.find((u) => u.id === id)?.name ?? null, roles: [] });
  if (organizationId !== null) {
    const memberships = await trx
      .selectFrom('membership')
      .select(['user_id', 'role'])
      .where('organization_id', '=', organizationId)
      .where('user_id', 'in', needed)
      .execute();
    for (const m of memberships) found.get(m.user_id)?.roles.push(m.role);
  }
  return found;
}

/**
 * Moves the organisation's chain head forward by `count` and returns where it was. The UPDATE takes the
 * head row's lock (PostgreSQL) or the write lock (SQLite) first, so two writers never read the same head.
 */
async function advanceChainHead(
  trx: Kysely<Database>,
  organizationId: string | null,
  count: number,
): Promise<{ seq: number; hash: string }> {
  const chain = chainKeyOf(organizationId);
  const bump = () =>
    trx
      .updateTable('audit_chain_head')
      .set((eb) => ({ seq: eb('seq', '+', count) }))
      .where('chain', '=', chain)
      .returning(['seq', 'hash'])
      .executeTakeFirst();
  let head = await bump();
  if (!head) {
    await trx
      .insertInto('audit_chain_head')
      .values({ chain, seq: 0, hash: genesisHash(organizationId) })
      .onConflict((oc) => oc.column('chain').doNothing())
      .execute();
    head = await bump();
  }
  if (!head) throw new Error(`The audit chain head of ${chain || 'the system chain'} cannot be moved`);
  return { seq: Number(head.seq) - count, hash: head.hash };
}

/**
 * Appends events for an organisation (null for events outside one, e.g. a failed sign-in) to its hash
 * chain and bumps that organisation's `revision` once per call. Every audited write goes through here, so
 * caches keyed on the revision (the caseload, ADR 0006) see the write. Run it in the transaction of the
 * change: then the events, the bump and the change commit together. Outside a transaction it opens its own.
 * Events that record a read or a refusal change no data: `{ changesData: false }` leaves the revision, so
 * opening a record does not empty every cached caseload of the organisation.
 */
export async function appendAuditEvents(
  db: Kysely<Database>,
  organizationId: string | null,
  events: readonly NewAuditEventInput[],
  options: { changesData?: boolean } = {},
): Promise<AuditEventRecord[]> {
  if (events.length === 0) return [];
  const at = nowTimestamp();
  return withTransaction(db, async (trx) => {
    // The head moves first: on SQLite a write as the first statement waits for the lock instead of failing.
    const head = await advanceChainHead(trx, organizationId, events.length);
    const actors = await snapshotActors(trx, organizationId, events);
    let prevHash = head.hash;
    const records: AuditEventRecord[] = [];
    const rows = events.map((e, i) => {
      const known = e.actorUserId === null ? undefined : actors.get(e.actorUserId);
      const actorName = e.actorName !== undefined ? e.actorName : (known?.name ?? null);
      const actorRoles = [...(e.actorRoles ?? known?.roles ?? [])].sort();
      const content = {
        id: e.id ?? randomUUID(),
        organizationId,
        seq: head.seq + i + 1,
        prevHash,
        actorUserId: e.actorUserId,
        actorName,
        actorRoles: actorRoles.length > 0 ? actorRoles.join(',') : null,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId ?? null,
        at: e.at ?? at,
        details: JSON.stringify(e.details ?? {}),
      };
      const hash = eventHash(content);
      prevHash = hash;
      records.push({
        id: content.id,
        organizationId,
        actorUserId: content.actorUserId,
        actorName,
        actorRoles,
        action: content.action,
        entityType: content.entityType,
        entityId: content.entityId,
        at: content.at,
        details: e.details ?? {},
        seq: content.seq,
        hash,
      });
      return {
        id: content.id,
        organization_id: organizationId,
        actor_user_id: content.actorUserId,
        actor_name: actorName,
        actor_roles: content.actorRoles,
        action: content.action,
        entity_type: content.entityType,
        entity_id: content.entityId,
        at: content.at,
        details: content.details,
        chain: chainKeyOf(organizationId),
        seq: content.seq,
        prev_hash: content.prevHash,
        hash,
      };
    });
    await insertInChunks(trx, 'audit_event', AUDIT_COLUMNS, rows);
    await trx
      .updateTable('audit_chain_head')
      .set({ hash: prevHash })
      .where('chain', '=', chainKeyOf(organizationId))
      .execute();
    if (organizationId !== null && options.changesData !== false)
      await bumpOrganizationRevision(trx, organizationId);
    return records;
  });
}

const AUDIT_COLUMNS = [
  'id',
  'organization_id',
  'actor_user_id',
  'actor_name',
  'actor_roles',
  'action',
  'entity_type',
  'entity_id',
  'at',
  'details',
  'chain',
  'seq',
  'prev_hash',
  'hash',
] as const;

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
  options: { changesData?: boolean } = {},
): Promise<AuditEventRecord> {
  const [record] = await appendAuditEvents(db, organizationId, [event], options);
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
      'actor_name as actorName',
      'actor_roles as actorRoles',
      'action',
      'entity_type as entityType',
      'entity_id as entityId',
      'at',
      'details',
      'seq',
      'hash',
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
  const events = rows.slice(0, limit).map((r) => ({
    ...r,
    actorRoles: r.actorRoles ? r.actorRoles.split(',') : [],
    details: JSON.parse(r.details) as Record<string, unknown>,
    seq: Number(r.seq),
  }));
  const last = events[events.length - 1];
  return { events, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
