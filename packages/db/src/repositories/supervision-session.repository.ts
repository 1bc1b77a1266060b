/** Supervision sessions held with peer workers. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { SessionKind } from '../tables/supervision.table';
import { chunked } from './bulk-insert';
import { type DateRange, ID_LIST_CHUNK } from './date-range';
import { assertWorkerInOrganization } from './organization-scope';
import { nowTimestamp } from './timestamps';

export interface SupervisionSessionRecord {
  id: string;
  organizationId: string;
  peerWorkerId: string;
  supervisorUserId: string;
  heldOn: string;
  kind: SessionKind;
  minutes: number | null;
  createdAt: string;
}

/** A session with the supervisor's private notes: read only where the caller may see them (and audit it). */
export interface SupervisionSessionWithNotes extends SupervisionSessionRecord {
  privateNotes: string | null;
}

export interface NewSupervisionSessionInput {
  id?: string;
  peerWorkerId: string;
  supervisorUserId: string;
  heldOn: string;
  kind: SessionKind;
  minutes?: number | null;
  privateNotes?: string | null;
}

const columns = [
  'id',
  'organization_id as organizationId',
  'peer_worker_id as peerWorkerId',
  'supervisor_user_id as supervisorUserId',
  'held_on as heldOn',
  'kind',
  'minutes',
  'created_at as createdAt',
] as const;

export async function recordSupervisionSession(
  db: Kysely<Database>,
  organizationId: string,
  input: NewSupervisionSessionInput,
): Promise<SupervisionSessionWithNotes> {
  await assertWorkerInOrganization(db, organizationId, input.peerWorkerId);
  const record: SupervisionSessionWithNotes = {
    id: input.id ?? randomUUID(),
    organizationId,
    peerWorkerId: input.peerWorkerId,
    supervisorUserId: input.supervisorUserId,
    heldOn: input.heldOn,
    kind: input.kind,
    minutes: input.minutes ?? null,
    createdAt: nowTimestamp(),
    privateNotes: input.privateNotes ?? null,
  };
  await db
    .insertInto('supervision_session')
    .values({
      id: record.id,
      organization_id: organizationId,
      peer_worker_id: record.peerWorkerId,
      supervisor_user_id: record.supervisorUserId,
      held_on: record.heldOn,
      kind: record.kind,
      minutes: record.minutes,
      private_notes: record.privateNotes,
      created_at: record.createdAt,
    })
    .execute();
  return record;
}

/** Sessions of the given workers within the date range, oldest first (without private notes; voided ones left out, ADR 0010). */
export async function listSessionsForWorkers(
  db: Kysely<Database>,
  organizationId: string,
  workerIds: readonly string[],
  range: DateRange = {},
): Promise<SupervisionSessionRecord[]> {
  const results: SupervisionSessionRecord[] = [];
  for (const ids of chunked([...new Set(workerIds)], ID_LIST_CHUNK)) {
    let query = db
      .selectFrom('supervision_session')
      .select(columns)
      .where('organization_id', '=', organizationId)
      .where('peer_worker_id', 'in', ids)
      .where('voided_at', 'is', null);
    if (range.from !== undefined) query = query.where('held_on', '>=', range.from);
    if (range.to !== undefined) query = query.where('held_on', '<=', range.to);
    for (const row of await query.execute()) results.push(row);
  }
  return results.sort((a, b) => (a.heldOn === b.heldOn ? cmp(a.id, b.id) : cmp(a.heldOn, b.heldOn)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One session with its private notes; null when it is not in this organisation. */
export async function getSupervisionSessionWithNotes(
  db: Kysely<Database>,
  organizationId: string,
  sessionId: string,
): Promise<SupervisionSessionWithNotes | null> {
  const row = await db
    .selectFrom('supervision_session')
    .select([...columns, 'private_notes as privateNotes'])
    .where('organization_id', '=', organizationId)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row ?? null;
}
