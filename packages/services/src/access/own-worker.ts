/**
 * The authorisation rule for a peer worker's own record (ADR 0031): a `peer_worker` account reaches
 * exactly the one PSW record its `peer_worker_account` link names, in the organisation it acts in.
 * There is no input naming a PSW: the record is found from the caller alone, so no id can reach another.
 */
import { type Actor, hasRole } from '../actor';
import type { DbOrTrx } from '../db';
import { forbidden, notFound } from '../errors';
import { type SupervisedWorker, toSupervisedWorker, workerColumns } from './supervised-worker';

/** Refuses callers who are not peer workers (a role question, so FORBIDDEN is honest). */
export function requirePeerWorker(actor: Actor): void {
  if (!hasRole(actor, 'peer_worker')) throw forbidden('Only a peer worker may see their own record');
}

/** The actor's own PSW record with its unit, or not_found when the account has no link here. */
export async function loadOwnWorker(db: DbOrTrx, actor: Actor): Promise<SupervisedWorker> {
  requirePeerWorker(actor);
  const row = await db
    .selectFrom('peer_worker_account as l')
    .innerJoin('peer_worker as w', (j) =>
      j.onRef('w.id', '=', 'l.peer_worker_id').onRef('w.organization_id', '=', 'l.organization_id'),
    )
    .innerJoin('unit as u', 'u.id', 'w.unit_id')
    .select(workerColumns)
    .where('l.user_id', '=', actor.userId)
    .where('l.organization_id', '=', actor.organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('Peer worker');
  return toSupervisedWorker(row);
}
