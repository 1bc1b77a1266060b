/**
 * Who may accept team cards and see team actions (ADR 0042). An admin: every unit and the organisation
 * as a whole. A supervisor: the units where they supervise a PSW now. The member an action is handed to
 * sees it too. Anyone else gets NOT_FOUND for a unit or an action, the same as for an id that does not
 * exist; a role that may do none of this gets FORBIDDEN.
 */
import { requireAnyRole } from '../access/require-role';
import { type Actor, hasRole } from '../actor';
import { loadOwnUnit } from '../admin/units';
import type { DbOrTrx } from '../db';
import { notFound } from '../errors';
import { selectTeamActions, type TeamActionSelection } from './team-action';

export function requireTeamStaff(actor: Actor): void {
  requireAnyRole(actor, ['admin', 'supervisor']);
}

/** Whether the actor supervises a PSW of the unit now. */
export async function supervisesInUnit(db: DbOrTrx, actor: Actor, unitId: string): Promise<boolean> {
  const row = await db
    .selectFrom('supervisor_assignment as a')
    .innerJoin('peer_worker as w', 'w.id', 'a.peer_worker_id')
    .select('w.id')
    .where('a.organization_id', '=', actor.organizationId)
    .where('a.supervisor_user_id', '=', actor.userId)
    .where('w.unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The unit a team card is accepted for, with its name; `undefined` (the organisation as a whole) only
 * for an admin. A supervisor naming a unit they do not supervise in is told it does not exist.
 */
export async function loadTeamScope(
  db: DbOrTrx,
  actor: Actor,
  unitId: string | undefined,
): Promise<{ id: string; name: string } | null> {
  requireTeamStaff(actor);
  const admin = hasRole(actor, 'admin');
  if (unitId === undefined) {
    if (!admin) throw notFound('Unit');
    return null;
  }
  const unit = await loadOwnUnit(db, actor, unitId);
  if (!admin && !(await supervisesInUnit(db, actor, unitId))) throw notFound('Unit');
  return { id: unit.id, name: unit.name };
}

/** The team actions the actor may see: an admin's organisation; the units they supervise in; handed to them. */
export function selectVisibleTeamActions(db: DbOrTrx, actor: Actor) {
  const scoped = selectTeamActions(db).where('t.organization_id', '=', actor.organizationId);
  if (hasRole(actor, 'admin')) return scoped;
  return scoped.where((eb) =>
    eb.or([
      eb('t.owner_user_id', '=', actor.userId),
      eb.exists(
        eb
          .selectFrom('supervisor_assignment as a')
          .innerJoin('peer_worker as w', 'w.id', 'a.peer_worker_id')
          .select('w.id')
          .whereRef('w.unit_id', '=', 't.unit_id')
          .where('a.supervisor_user_id', '=', actor.userId)
          .where('a.organization_id', '=', actor.organizationId),
      ),
    ]),
  );
}

/** The team action `id` if the actor may see it, else NOT_FOUND. */
export async function loadVisibleTeamAction(
  db: DbOrTrx,
  actor: Actor,
  id: string,
): Promise<TeamActionSelection> {
  requireTeamStaff(actor);
  const row = await selectVisibleTeamActions(db, actor).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Team action');
  return row;
}
