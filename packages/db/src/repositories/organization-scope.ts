/** Checks that a record a write refers to belongs to the writer's organisation (one place for the message). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

async function assertInOrganization(
  db: Kysely<Database>,
  table: 'peer_worker' | 'unit',
  label: string,
  organizationId: string,
  id: string,
): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new Error(`${label} ${id} does not exist in organization ${organizationId}`);
}

/** Throws unless the PSW exists in the organisation. */
export function assertWorkerInOrganization(
  db: Kysely<Database>,
  organizationId: string,
  peerWorkerId: string,
): Promise<void> {
  return assertInOrganization(db, 'peer_worker', 'Peer worker', organizationId, peerWorkerId);
}

/** Throws unless the unit exists in the organisation. */
export function assertUnitInOrganization(
  db: Kysely<Database>,
  organizationId: string,
  unitId: string,
): Promise<void> {
  return assertInOrganization(db, 'unit', 'Unit', organizationId, unitId);
}
