/** Action items: what an accepted card turned into, with an owner and a due date. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { ActionItemStatus } from '../tables/supervision.table';
import { assertWorkerInOrganization } from './organization-scope';
import { nowTimestamp } from './timestamps';

export interface ActionItemRecord {
  id: string;
  organizationId: string;
  peerWorkerId: string;
  cardResponseId: string | null;
  /** A typed title; null when the catalog card gives it (ADR 0030). */
  title: string | null;
  ownerUserId: string;
  dueOn: string | null;
  status: ActionItemStatus;
  completedAt: string | null;
  createdAt: string;
}

export interface NewActionItemInput {
  id?: string;
  peerWorkerId: string;
  cardResponseId?: string | null;
  title: string;
  ownerUserId: string;
  dueOn?: string | null;
}

const columns = [
  'id',
  'organization_id as organizationId',
  'peer_worker_id as peerWorkerId',
  'card_response_id as cardResponseId',
  'title',
  'owner_user_id as ownerUserId',
  'due_on as dueOn',
  'status',
  'completed_at as completedAt',
  'created_at as createdAt',
] as const;

export async function createActionItem(
  db: Kysely<Database>,
  organizationId: string,
  input: NewActionItemInput,
): Promise<ActionItemRecord> {
  await assertWorkerInOrganization(db, organizationId, input.peerWorkerId);
  const record: ActionItemRecord = {
    id: input.id ?? randomUUID(),
    organizationId,
    peerWorkerId: input.peerWorkerId,
    cardResponseId: input.cardResponseId ?? null,
    title: input.title,
    ownerUserId: input.ownerUserId,
    dueOn: input.dueOn ?? null,
    status: 'open',
    completedAt: null,
    createdAt: nowTimestamp(),
  };
  await db
    .insertInto('action_item')
    .values({
      id: record.id,
      organization_id: organizationId,
      peer_worker_id: record.peerWorkerId,
      card_response_id: record.cardResponseId,
      title: record.title,
      owner_user_id: record.ownerUserId,
      due_on: record.dueOn,
      status: record.status,
      completed_at: null,
      created_at: record.createdAt,
    })
    .execute();
  return record;
}

/** Action items, open ones first, then by due date (none last) and id. */
export async function listActionItems(
  db: Kysely<Database>,
  organizationId: string,
  filter: { peerWorkerId?: string; ownerUserId?: string; status?: ActionItemStatus } = {},
): Promise<ActionItemRecord[]> {
  let query = db.selectFrom('action_item').select(columns).where('organization_id', '=', organizationId);
  if (filter.peerWorkerId !== undefined) query = query.where('peer_worker_id', '=', filter.peerWorkerId);
  if (filter.ownerUserId !== undefined) query = query.where('owner_user_id', '=', filter.ownerUserId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  const rows = await query.execute();
  // Sorted here: NULL ordering of due_on differs between SQLite and PostgreSQL.
  const key = (r: ActionItemRecord) => `${r.status === 'open' ? 0 : 1}|${r.dueOn ?? '9999-99-99'}|${r.id}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Marks an item done or open again; returns the new state, or null when not in this organisation. */
export async function setActionItemStatus(
  db: Kysely<Database>,
  organizationId: string,
  actionItemId: string,
  status: ActionItemStatus,
): Promise<ActionItemRecord | null> {
  await db
    .updateTable('action_item')
    // Closing here records the plain outcome "done"; services record the others with a note (ADR 0030).
    .set(
      status === 'done'
        ? { status, completed_at: nowTimestamp(), outcome: 'done' }
        : { status, completed_at: null, outcome: null, outcome_note: null, completed_by: null },
    )
    .where('organization_id', '=', organizationId)
    .where('id', '=', actionItemId)
    .execute();
  const row = await db
    .selectFrom('action_item')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', actionItemId)
    .executeTakeFirst();
  return row ?? null;
}
