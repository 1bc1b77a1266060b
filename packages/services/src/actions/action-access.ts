/**
 * Who may see and change an action (ADR 0030): a supervisor of the PSW it is about, or the member it
 * is assigned to (for a team action, the member who answers for it), within one organisation; and, to
 * close or reopen it, the PSW it is about when its catalog card is addressed to the peer worker
 * (ADR 0030, issue 12). Anyone else gets NOT_FOUND, the same as for an id that does not exist.
 */
import { type CardId, cardIds, getCard } from '@peerbridge/domain';
import { type Actor, hasRole } from '../actor';
import type { DbOrTrx } from '../db';
import { forbidden, notFound } from '../errors';
import { type ActionItemSelection, selectActionItems } from './action-item';

/** The catalog cards addressed to the peer worker: their actions are the PSW's own to close. */
export const peerWorkerCardIds: readonly CardId[] = cardIds.filter(
  (id) => getCard(id).audience === 'peer_worker',
);

/** Whether the PSW an action is about may close and reopen it: its card is addressed to them. */
export const isForPeerWorker = (cardId: string | null): boolean =>
  cardId !== null && (peerWorkerCardIds as readonly string[]).includes(cardId);

/** Refuses callers who may close no action at all (a role question, so FORBIDDEN is honest). */
export function requireActionCloser(actor: Actor): void {
  if (!hasRole(actor, 'supervisor') && !hasRole(actor, 'peer_worker'))
    throw forbidden('Only a supervisor or the peer worker it is for may close an action');
}

/**
 * The action `actionId` if the actor may see it, else NOT_FOUND. `asPeerWorker` widens the rule by the
 * PSW's own actions addressed to them; only closing and reopening pass it.
 */
export async function loadVisibleAction(
  db: DbOrTrx,
  actor: Actor,
  actionId: string,
  options: { asPeerWorker?: boolean } = {},
): Promise<ActionItemSelection> {
  const asSupervisor = hasRole(actor, 'supervisor');
  const asPeerWorker = options.asPeerWorker === true && hasRole(actor, 'peer_worker');
  if (!asSupervisor && !asPeerWorker) throw notFound('Action item');
  const row = await selectActionItems(db)
    .where('i.id', '=', actionId)
    .where('i.organization_id', '=', actor.organizationId)
    .where((eb) =>
      eb.or([
        ...(asSupervisor
          ? [
              eb('i.owner_user_id', '=', actor.userId),
              eb.exists(
                eb
                  .selectFrom('supervisor_assignment as a')
                  .select('a.peer_worker_id')
                  .whereRef('a.peer_worker_id', '=', 'i.peer_worker_id')
                  .where('a.supervisor_user_id', '=', actor.userId)
                  .where('a.organization_id', '=', actor.organizationId),
              ),
            ]
          : []),
        ...(asPeerWorker
          ? [
              eb.and([
                eb('i.card_id', 'in', [...peerWorkerCardIds]),
                eb.exists(
                  eb
                    .selectFrom('peer_worker_account as l')
                    .select('l.peer_worker_id')
                    .whereRef('l.peer_worker_id', '=', 'i.peer_worker_id')
                    .where('l.user_id', '=', actor.userId)
                    .where('l.organization_id', '=', actor.organizationId),
                ),
              ]),
            ]
          : []),
      ]),
    )
    .executeTakeFirst();
  if (!row) throw notFound('Action item');
  return row;
}
