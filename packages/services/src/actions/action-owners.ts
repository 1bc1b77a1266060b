/**
 * Whom an accepted card can be handed to (ADR 0030): any supervisor of the organisation, or the team
 * of the PSW's unit with a supervisor who answers for it. Owners are supervisors because the action
 * is about an identified PSW and only the supervisor role may see supervision data (ADR 0007).
 */
import { z } from 'zod';
import { loadSupervisedWorker, requireSupervisor } from '../access/supervised-worker';
import type { Actor } from '../actor';
import type { Db, DbOrTrx } from '../db';
import { invalidField, parseServiceInput } from '../errors';
import { idSchema } from '../schemas';

export interface ActionOwnerOptions {
  /** Supervisors of the organisation, by name. */
  members: { userId: string; name: string }[];
  /** The PSW's unit: choosing it makes the action the team's. */
  team: { unitId: string; unitName: string };
}

export const listActionOwnersInput = z.object({ workerId: idSchema });

export async function listActionOwners(
  db: Db,
  actor: Actor,
  input: z.input<typeof listActionOwnersInput>,
): Promise<ActionOwnerOptions> {
  const { workerId } = parseServiceInput(listActionOwnersInput, input);
  const worker = await loadSupervisedWorker(db, actor, workerId);
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email'])
    .where('m.organization_id', '=', actor.organizationId)
    .where('m.role', '=', 'supervisor')
    .orderBy('u.name')
    .orderBy('u.id')
    .limit(500)
    .execute();
  return {
    members: rows.map((r) => ({ userId: r.id, name: r.name || r.email })),
    team: { unitId: worker.unit.id, unitName: worker.unit.name },
  };
}

/**
 * The owner columns for an action: `ownerUserId` must be a supervisor of the actor's organisation (an
 * id from anywhere else is refused as bad input, the same answer as for an id that does not exist);
 * `forTeam` gives the action to the team of `unitId`.
 */
export async function resolveActionOwner(
  db: DbOrTrx,
  actor: Actor,
  owner: { ownerUserId?: string | undefined; forTeam?: boolean | undefined },
  unitId: string,
): Promise<{ owner_user_id: string; owner_unit_id: string | null }> {
  requireSupervisor(actor);
  const userId = owner.ownerUserId ?? actor.userId;
  const member = await db
    .selectFrom('membership')
    .select('user_id')
    .where('organization_id', '=', actor.organizationId)
    .where('user_id', '=', userId)
    .where('role', '=', 'supervisor')
    .executeTakeFirst();
  if (!member) throw invalidField('ownerUserId', 'a supervisor of your organisation');
  return { owner_user_id: userId, owner_unit_id: owner.forTeam === true ? unitId : null };
}
