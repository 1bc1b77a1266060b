/**
 * The signed-in person's pending invitations into other organisations (ADR 0011): listed after sign-in,
 * accepted (they become a member with the invited roles) or declined (the invitation goes). Both are
 * audited in the inviting organisation's chain, with the person as the actor.
 */
import { z } from 'zod';
import { type Actor, type UserRole, userRoles } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso, todayIso } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { idSchema } from '../schemas';
import { freezeCohorts } from '../team/freeze-cohorts';

export interface PendingInvitation {
  id: string;
  organization: { id: string; name: string };
  roles: UserRole[];
  invitedAt: string;
}

const knownRoles: ReadonlySet<string> = new Set(userRoles);
const rolesOf = (json: string): UserRole[] =>
  (JSON.parse(json) as string[]).filter((r): r is UserRole => knownRoles.has(r)).sort();

/** The invitations waiting for the actor, oldest first (only their own: the query is keyed by their id). */
export async function listMyInvitations(db: Db, actor: Pick<Actor, 'userId'>): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('membership_invitation as i')
    .innerJoin('organization as o', 'o.id', 'i.organization_id')
    .select(['i.id', 'i.roles', 'i.created_at', 'o.id as organization_id', 'o.name as organization_name'])
    .where('i.user_id', '=', actor.userId)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organization: { id: r.organization_id, name: r.organization_name },
    roles: rolesOf(r.roles),
    invitedAt: r.created_at,
  }));
}

export const invitationAnswerInput = z.object({ invitationId: idSchema });

async function loadOwnInvitation(db: DbOrTrx, actor: Pick<Actor, 'userId'>, invitationId: string) {
  const invitation = await db
    .selectFrom('membership_invitation')
    .select(['id', 'organization_id', 'roles'])
    .where('id', '=', invitationId)
    .where('user_id', '=', actor.userId)
    .executeTakeFirst();
  // Someone else's invitation reads exactly like none.
  if (!invitation) throw notFound('Invitation');
  return invitation;
}

/** Accepts: the actor becomes a member of the inviting organisation with the invited roles. */
export async function acceptInvitation(
  db: Db,
  actor: Pick<Actor, 'userId'>,
  input: z.input<typeof invitationAnswerInput>,
): Promise<{ organizationId: string; roles: UserRole[] }> {
  const { invitationId } = parseServiceInput(invitationAnswerInput, input);
  return db.transaction().execute(async (trx) => {
    const invitation = await loadOwnInvitation(trx, actor, invitationId);
    const roles = rolesOf(invitation.roles);
    const now = nowIso();
    const held = await trx
      .selectFrom('membership')
      .select('role')
      .where('organization_id', '=', invitation.organization_id)
      .where('user_id', '=', actor.userId)
      .execute();
    const missing = roles.filter((r) => !held.some((h) => h.role === r));
    if (missing.length > 0) {
      await trx
        .insertInto('membership')
        .values(
          missing.map((role) => ({
            id: newId(),
            organization_id: invitation.organization_id,
            user_id: actor.userId,
            role,
            created_at: now,
          })),
        )
        .execute();
    }
    await trx.deleteFrom('membership_invitation').where('id', '=', invitation.id).execute();
    const inOrganization: Actor = { userId: actor.userId, organizationId: invitation.organization_id, roles };
    await recordAudit(trx, inOrganization, {
      action: 'invitation.accept',
      entityType: 'user',
      entityId: actor.userId,
      details: { roles },
    });
    return { organizationId: invitation.organization_id, roles };
  });
}

/** Declines: the invitation goes; the actor's memberships stay as they were. */
export async function declineInvitation(
  db: Db,
  actor: Pick<Actor, 'userId'>,
  input: z.input<typeof invitationAnswerInput>,
): Promise<{ declined: true }> {
  const { invitationId } = parseServiceInput(invitationAnswerInput, input);
  return db.transaction().execute(async (trx) => {
    const invitation = await loadOwnInvitation(trx, actor, invitationId);
    // PSWs the admin assigned to the invited supervisor lose that assignment with the invitation;
    // the cohort is frozen first, as for every membership change (ADR 0013).
    await freezeCohorts(trx, invitation.organization_id, todayIso());
    const removed = await trx
      .deleteFrom('supervisor_assignment')
      .where('organization_id', '=', invitation.organization_id)
      .where('supervisor_user_id', '=', actor.userId)
      .executeTakeFirst();
    await trx.deleteFrom('membership_invitation').where('id', '=', invitation.id).execute();
    const inOrganization: Actor = {
      userId: actor.userId,
      organizationId: invitation.organization_id,
      roles: [],
    };
    await recordAudit(trx, inOrganization, {
      action: 'invitation.decline',
      entityType: 'user',
      entityId: actor.userId,
      details: { roles: rolesOf(invitation.roles), assignmentsRemoved: Number(removed.numDeletedRows) },
    });
    return { declined: true as const };
  });
}
