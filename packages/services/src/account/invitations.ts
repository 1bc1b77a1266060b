/**
 * The signed-in person's pending invitations into other organisations (ADR 0011): listed after sign-in,
 * accepted (they become a member with the invited roles) or declined (the invitation goes). Both are
 * audited in the inviting organisation's chain, with the person as the actor.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Actor, type UserRole, userRoles } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso, todayIso } from '../db';
import { conflict, notFound, parseServiceInput, ServiceError } from '../errors';
import { passwordProblem, passwordSchema } from '../passwords/password-policy';
import { idSchema } from '../schemas';
import { freezeCohorts } from '../team/freeze-cohorts';
import { hashPassword } from './password-hash';

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
    .select(['id', 'organization_id', 'roles', 'peer_worker_id'])
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
    return joinByInvitation(trx, actor.userId, invitation);
  });
}

/**
 * What accepting does, however the person came (on sign-in, or by an invitation code): the invited
 * roles become memberships, a PSW invitation links the account to its PSW record (ADR 0031), the
 * invitation goes, and `invitation.accept` is written in the inviting organisation's chain.
 */
async function joinByInvitation(
  trx: DbOrTrx,
  userId: string,
  invitation: { id: string; organization_id: string; roles: string; peer_worker_id?: string | null },
): Promise<{ organizationId: string; roles: UserRole[] }> {
  const roles = rolesOf(invitation.roles);
  const now = nowIso();
  const held = await trx
    .selectFrom('membership')
    .select('role')
    .where('organization_id', '=', invitation.organization_id)
    .where('user_id', '=', userId)
    .execute();
  const missing = roles.filter((r) => !held.some((h) => h.role === r));
  if (missing.length > 0) {
    await trx
      .insertInto('membership')
      .values(
        missing.map((role) => ({
          id: newId(),
          organization_id: invitation.organization_id,
          user_id: userId,
          role,
          created_at: now,
        })),
      )
      .execute();
  }
  const peerWorkerId = invitation.peer_worker_id ?? null;
  if (peerWorkerId !== null) {
    const linked = await trx
      .selectFrom('peer_worker_account')
      .select('user_id')
      .where((eb) =>
        eb.or([
          eb('peer_worker_id', '=', peerWorkerId),
          eb.and([eb('organization_id', '=', invitation.organization_id), eb('user_id', '=', userId)]),
        ]),
      )
      .executeTakeFirst();
    if (linked) throw conflict('This PSW record or this account already has a peer worker account');
    await trx
      .insertInto('peer_worker_account')
      .values({
        organization_id: invitation.organization_id,
        user_id: userId,
        peer_worker_id: peerWorkerId,
        created_at: now,
      })
      .execute();
  }
  await trx.deleteFrom('membership_invitation').where('id', '=', invitation.id).execute();
  const inOrganization: Actor = { userId, organizationId: invitation.organization_id, roles };
  await recordAudit(trx, inOrganization, {
    action: 'invitation.accept',
    entityType: 'user',
    entityId: userId,
    details: peerWorkerId === null ? { roles } : { roles, peerWorkerId },
  });
  return { organizationId: invitation.organization_id, roles };
}

/** SHA-256 of an invitation code, as `membership_invitation.code_hash` stores it. */
export function invitationCodeHash(code: string): string {
  return createHash('sha256').update(code, 'utf8').digest('hex');
}

export const redeemInvitationCodeInput = z.object({
  code: z
    .string({ message: 'expected the invitation code as text' })
    .trim()
    .min(1, { message: 'expected the invitation code you were given' })
    .max(100, { message: 'expected an invitation code of at most 100 characters' }),
  password: passwordSchema,
});

/**
 * A new account's first step (ADR 0031): the one-time code from the admin's invitation sets the
 * account's password and accepts the invitation; the code is then gone. Signed out, so no actor. A
 * code that is unknown, used or expired changes nothing. An account that already has a password
 * accepts on sign-in instead (ADR 0011): the code never changes an existing password.
 */
export async function redeemInvitationCode(
  db: Db,
  input: z.input<typeof redeemInvitationCodeInput>,
): Promise<{ email: string; organizationId: string; roles: UserRole[] }> {
  const parsed = parseServiceInput(redeemInvitationCodeInput, input);
  const hash = await hashPassword(parsed.password);
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('membership_invitation as i')
      .innerJoin('user as u', 'u.id', 'i.user_id')
      .select([
        'i.id',
        'i.organization_id',
        'i.roles',
        'i.peer_worker_id',
        'i.expires_at',
        'i.user_id',
        'u.name',
        'u.email',
      ])
      .where('i.code_hash', '=', invitationCodeHash(parsed.code))
      .executeTakeFirst();
    if (!invitation) throw notFound('Invitation code (each code works once)');
    if (invitation.expires_at === null || invitation.expires_at <= nowIso())
      throw conflict("This invitation code has expired: ask your organisation's admin for a new one");
    const problem = passwordProblem(parsed.password, [invitation.name, invitation.email]);
    if (problem)
      throw new ServiceError('invalid_input', `Invalid input: password: ${problem}`, [
        { path: 'password', expected: 'a password not made of your name or e-mail', message: problem },
      ]);
    const credential = await trx
      .selectFrom('account')
      .select('id')
      .where('userId', '=', invitation.user_id)
      .where('providerId', '=', 'credential')
      .executeTakeFirst();
    if (credential)
      throw conflict('This e-mail already has an account: sign in with it and accept the invitation there');
    const now = nowIso();
    await trx
      .insertInto('account')
      .values({
        id: newId(),
        accountId: invitation.user_id,
        providerId: 'credential',
        userId: invitation.user_id,
        accessToken: null,
        refreshToken: null,
        idToken: null,
        accessTokenExpiresAt: null,
        refreshTokenExpiresAt: null,
        scope: null,
        password: hash,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const joined = await joinByInvitation(trx, invitation.user_id, invitation);
    return { email: invitation.email, ...joined };
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
