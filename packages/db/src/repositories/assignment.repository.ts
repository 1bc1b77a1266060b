/** Which supervisor supervises which peer workers (a PSW may have several supervisors). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { assertWorkerInOrganization } from './organization-scope';

export interface AssignmentRecord {
  organizationId: string;
  supervisorUserId: string;
  peerWorkerId: string;
  since: string;
}

const columns = [
  'organization_id as organizationId',
  'supervisor_user_id as supervisorUserId',
  'peer_worker_id as peerWorkerId',
  'since',
] as const;

/** Assigns a supervisor to a worker of the same organisation; assigning again is a no-op. */
export async function assignSupervisor(
  db: Kysely<Database>,
  organizationId: string,
  input: { supervisorUserId: string; peerWorkerId: string; since: string },
): Promise<void> {
  await assertWorkerInOrganization(db, organizationId, input.peerWorkerId);
  await db
    .insertInto('supervisor_assignment')
    .values({
      organization_id: organizationId,
      supervisor_user_id: input.supervisorUserId,
      peer_worker_id: input.peerWorkerId,
      since: input.since,
    })
    .onConflict((oc) => oc.columns(['supervisor_user_id', 'peer_worker_id']).doNothing())
    .execute();
}

export async function unassignSupervisor(
  db: Kysely<Database>,
  organizationId: string,
  supervisorUserId: string,
  peerWorkerId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('supervisor_assignment')
    .where('organization_id', '=', organizationId)
    .where('supervisor_user_id', '=', supervisorUserId)
    .where('peer_worker_id', '=', peerWorkerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listAssignmentsOfSupervisor(
  db: Kysely<Database>,
  organizationId: string,
  supervisorUserId: string,
): Promise<AssignmentRecord[]> {
  return db
    .selectFrom('supervisor_assignment')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .where('supervisor_user_id', '=', supervisorUserId)
    .orderBy('peer_worker_id')
    .execute();
}

export async function listSupervisorsOfWorker(
  db: Kysely<Database>,
  organizationId: string,
  peerWorkerId: string,
): Promise<AssignmentRecord[]> {
  return db
    .selectFrom('supervisor_assignment')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .where('peer_worker_id', '=', peerWorkerId)
    .orderBy('supervisor_user_id')
    .execute();
}

/** The authorisation question: does this supervisor supervise this worker? */
export async function isSupervisorOf(
  db: Kysely<Database>,
  organizationId: string,
  supervisorUserId: string,
  peerWorkerId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('supervisor_assignment')
    .select('peer_worker_id')
    .where('organization_id', '=', organizationId)
    .where('supervisor_user_id', '=', supervisorUserId)
    .where('peer_worker_id', '=', peerWorkerId)
    .executeTakeFirst();
  return row !== undefined;
}
