/** Peer support workers (PSWs) of an organisation. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { PeerWorkerStatus, UnitSetting } from '../tables/organization.table';
import { byName } from './name-order';
import { assertUnitInOrganization } from './organization-scope';
import { nowTimestamp } from './timestamps';

export interface PeerWorkerRecord {
  id: string;
  organizationId: string;
  unitId: string;
  /** The unit's setting, which the domain needs for every assessment. */
  setting: UnitSetting;
  displayName: string;
  startedOn: string;
  workingFraction: number;
  status: PeerWorkerStatus;
  createdAt: string;
}

export interface NewPeerWorkerInput {
  id?: string;
  unitId: string;
  displayName: string;
  startedOn: string;
  workingFraction?: number;
  status?: PeerWorkerStatus;
}

export type PeerWorkerChanges = Partial<Omit<NewPeerWorkerInput, 'id'>>;

function selectWorkers(db: Kysely<Database>, organizationId: string) {
  return db
    .selectFrom('peer_worker')
    .innerJoin('unit', 'unit.id', 'peer_worker.unit_id')
    .select([
      'peer_worker.id as id',
      'peer_worker.organization_id as organizationId',
      'peer_worker.unit_id as unitId',
      'unit.setting as setting',
      'peer_worker.display_name as displayName',
      'peer_worker.started_on as startedOn',
      'peer_worker.working_fraction as workingFraction',
      'peer_worker.status as status',
      'peer_worker.created_at as createdAt',
    ])
    .where('peer_worker.organization_id', '=', organizationId);
}

export async function createPeerWorker(
  db: Kysely<Database>,
  organizationId: string,
  input: NewPeerWorkerInput,
): Promise<PeerWorkerRecord> {
  await assertUnitInOrganization(db, organizationId, input.unitId);
  const id = input.id ?? randomUUID();
  await db
    .insertInto('peer_worker')
    .values({
      id,
      organization_id: organizationId,
      unit_id: input.unitId,
      display_name: input.displayName,
      started_on: input.startedOn,
      created_at: nowTimestamp(),
      ...(input.workingFraction !== undefined && { working_fraction: input.workingFraction }),
      ...(input.status !== undefined && { status: input.status }),
    })
    .execute();
  return (await getPeerWorker(db, organizationId, id)) as PeerWorkerRecord;
}

export async function getPeerWorker(
  db: Kysely<Database>,
  organizationId: string,
  workerId: string,
): Promise<PeerWorkerRecord | null> {
  const row = await selectWorkers(db, organizationId)
    .where('peer_worker.id', '=', workerId)
    .executeTakeFirst();
  return row ?? null;
}

/** Workers of an organisation, optionally of one unit or status, sorted by name. */
export async function listPeerWorkers(
  db: Kysely<Database>,
  organizationId: string,
  filter: { unitId?: string; status?: PeerWorkerStatus } = {},
): Promise<PeerWorkerRecord[]> {
  let query = selectWorkers(db, organizationId);
  if (filter.unitId !== undefined) query = query.where('peer_worker.unit_id', '=', filter.unitId);
  if (filter.status !== undefined) query = query.where('peer_worker.status', '=', filter.status);
  const rows = await query.execute();
  return rows.sort(
    byName(
      (w) => w.displayName,
      (w) => w.id,
    ),
  );
}

export async function updatePeerWorker(
  db: Kysely<Database>,
  organizationId: string,
  workerId: string,
  changes: PeerWorkerChanges,
): Promise<PeerWorkerRecord | null> {
  if (changes.unitId !== undefined) await assertUnitInOrganization(db, organizationId, changes.unitId);
  const set = {
    ...(changes.unitId !== undefined && { unit_id: changes.unitId }),
    ...(changes.displayName !== undefined && { display_name: changes.displayName }),
    ...(changes.startedOn !== undefined && { started_on: changes.startedOn }),
    ...(changes.workingFraction !== undefined && { working_fraction: changes.workingFraction }),
    ...(changes.status !== undefined && { status: changes.status }),
  };
  if (Object.keys(set).length > 0) {
    await db
      .updateTable('peer_worker')
      .set(set)
      .where('organization_id', '=', organizationId)
      .where('id', '=', workerId)
      .execute();
  }
  return getPeerWorker(db, organizationId, workerId);
}

/** Deletes a worker and, by cascade, their sessions, observations, responses and action items. */
export async function deletePeerWorker(
  db: Kysely<Database>,
  organizationId: string,
  workerId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('peer_worker')
    .where('organization_id', '=', organizationId)
    .where('id', '=', workerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
