/**
 * Who may see and change an action (ADR 0030): a supervisor of the PSW it is about, or the member it
 * is assigned to (for a team action, the member who answers for it), within one organisation.
 * Anyone else gets NOT_FOUND, the same as for an id that does not exist.
 */
import type { Actor } from '../actor';
import type { DbOrTrx } from '../db';
import { notFound } from '../errors';
import { type ActionItemSelection, selectActionItems } from './action-item';

/** The action `actionId` if the actor may see it, else NOT_FOUND. */
export async function loadVisibleAction(
  db: DbOrTrx,
  actor: Actor,
  actionId: string,
): Promise<ActionItemSelection> {
  const row = await selectActionItems(db)
    .where('i.id', '=', actionId)
    .where('i.organization_id', '=', actor.organizationId)
    .where((eb) =>
      eb.or([
        eb('i.owner_user_id', '=', actor.userId),
        eb.exists(
          eb
            .selectFrom('supervisor_assignment as a')
            .select('a.peer_worker_id')
            .whereRef('a.peer_worker_id', '=', 'i.peer_worker_id')
            .where('a.supervisor_user_id', '=', actor.userId)
            .where('a.organization_id', '=', actor.organizationId),
        ),
      ]),
    )
    .executeTakeFirst();
  if (!row) throw notFound('Action item');
  return row;
}
