/**
 * The authorisation rule for supervision data: a supervisor reaches a PSW only through an assignment in
 * their own organisation. Anything else (another organisation, not assigned, missing) is the same
 * `not_found`, so a caller never learns whether the record exists.
 */
import { type Actor, hasRole } from '../actor';
import type { DbOrTrx } from '../db';
import { forbidden, notFound } from '../errors';

/** A PSW with their unit, as supervision use cases need them. */
export interface SupervisedWorker {
  id: string;
  organizationId: string;
  displayName: string;
  startedOn: string;
  status: string;
  unit: { id: string; name: string; setting: 'inpatient' | 'community' | 'other' };
}

/** The columns a `SupervisedWorker` is read from, with `peer_worker as w` joined to `unit as u`. */
export const workerColumns = [
  'w.id',
  'w.organization_id',
  'w.display_name',
  'w.started_on',
  'w.status',
  'u.id as unit_id',
  'u.name as unit_name',
  'u.setting as unit_setting',
] as const;

/** A row of `workerColumns` as the use cases take it. */
export function toSupervisedWorker(row: {
  id: string;
  organization_id: string;
  display_name: string;
  started_on: string;
  status: string;
  unit_id: string;
  unit_name: string;
  unit_setting: string;
}): SupervisedWorker {
  return {
    id: row.id,
    organizationId: row.organization_id,
    displayName: row.display_name,
    startedOn: row.started_on,
    status: row.status,
    unit: {
      id: row.unit_id,
      name: row.unit_name,
      setting: row.unit_setting as SupervisedWorker['unit']['setting'],
    },
  };
}

/** Refuses callers who are not supervisors at all (a role question, so FORBIDDEN is honest). */
export function requireSupervisor(actor: Actor): void {
  if (!hasRole(actor, 'supervisor')) throw forbidden('Only a supervisor may see or change supervision data');
}

/** Loads a PSW the actor supervises, or throws not_found. */
export async function loadSupervisedWorker(
  db: DbOrTrx,
  actor: Actor,
  workerId: string,
): Promise<SupervisedWorker> {
  requireSupervisor(actor);
  const row = await db
    .selectFrom('peer_worker as w')
    .innerJoin('supervisor_assignment as a', (j) =>
      j.onRef('a.peer_worker_id', '=', 'w.id').on('a.supervisor_user_id', '=', actor.userId),
    )
    .innerJoin('unit as u', 'u.id', 'w.unit_id')
    .select(workerColumns)
    .where('w.id', '=', workerId)
    .where('w.organization_id', '=', actor.organizationId)
    .where('a.organization_id', '=', actor.organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('Peer worker');
  return toSupervisedWorker(row);
}
