/**
 * Admin management of user accounts and their roles. Accounts are the ones better-auth signs in: a
 * `user` row plus a `credential` account holding the scrypt hash made by better-auth's own hasher.
 */

import { sql } from 'kysely';
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import { hashPassword } from '../account/password-hash';
import { type Actor, staffRoles, type UserRole } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso } from '../db';
import { conflict, notFound, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { passwordProblem, passwordSchema } from '../passwords/password-policy';
import { idSchema } from '../schemas';
import { emailAddressSchema, visibleNameSchema } from '../text-fields';

const rolesSchema = z
  .array(z.enum(staffRoles, { message: `expected one of ${staffRoles.join(', ')}` }))
  .min(1, { message: 'expected at least one role' })
  .transform((roles) => [...new Set(roles)].sort());

/**
 * One row of the admin's user list. `invited` covers both a new account that has not signed in yet and
 * an existing account invited from another organisation (ADR 0011): both show the name and e-mail the
 * admin typed and the roles given, so the list never tells the two apart.
 */
export interface OrganizationUser {
  id: string;
  name: string;
  email: string;
  roles: UserRole[];
  status: 'active' | 'invited';
}

export const listUsersInput = z.object(pageFields(50, 200)).default({ limit: 50 });

interface UserListRow {
  id: string;
  name: string;
  email: string;
  invited: number;
  roles: string | null;
}

/** The organisation's members and pending invitations, by name then id, a page at a time. */
export async function listUsers(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listUsersInput>,
): Promise<Page<OrganizationUser>> {
  requireRole(actor, 'admin');
  const { cursor, limit } = parseServiceInput(listUsersInput, input);
  const after = cursor ? decodeCursor(cursor, ['string', 'string'] as const) : null;
  const members = db
    .selectFrom('user as u')
    .leftJoin('user_first_sign_in as f', 'f.user_id', 'u.id')
    .select((eb) => [
      'u.id',
      'u.name',
      'u.email',
      eb.case().when('f.user_id', 'is', null).then(1).else(0).end().as('invited'),
      sql<string | null>`null`.as('roles'),
    ])
    .where('u.id', 'in', (eb) =>
      eb.selectFrom('membership').select('user_id').where('organization_id', '=', actor.organizationId),
    );
  const invitations = db
    .selectFrom('membership_invitation as i')
    .innerJoin('user as u', 'u.id', 'i.user_id')
    .select((eb) => [
      'i.user_id as id',
      eb.fn.coalesce('i.name', 'u.name').as('name'),
      eb.fn.coalesce('i.email', 'u.email').as('email'),
      sql<number>`1`.as('invited'),
      'i.roles',
    ])
    .where('i.organization_id', '=', actor.organizationId);
  let query = db.selectFrom(members.unionAll(invitations).as('l')).selectAll();
  if (after) {
    const [name, id] = after;
    query = query.where((eb) => eb(eb.refTuple('l.name', 'l.id'), '>', eb.tuple(name, id)));
  }
  const rows = (await query
    .orderBy('l.name')
    .orderBy('l.id')
    .limit(limit + 1)
    .execute()) as UserListRow[];
  const memberIds = rows.filter((r) => r.roles === null).map((r) => r.id);
  const roles = new Map<string, UserRole[]>();
  if (memberIds.length > 0) {
    const held = await db
      .selectFrom('membership')
      .select(['user_id', 'role'])
      .where('organization_id', '=', actor.organizationId)
      .where('user_id', 'in', memberIds)
      .orderBy('role')
      .execute();
    for (const m of held) {
      const list = roles.get(m.user_id) ?? [];
      list.push(m.role);
      roles.set(m.user_id, list);
    }
  }
  return toPage(
    rows,
    limit,
    (r) => [r.name, r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      roles: r.roles === null ? (roles.get(r.id) ?? []) : (JSON.parse(r.roles) as UserRole[]),
      status: Number(r.invited) === 1 ? 'invited' : 'active',
    }),
  );
}

/** Marks a user's first sign-in (the api calls it when better-auth makes a session); later calls change nothing. */
export async function recordFirstSignIn(db: DbOrTrx, userId: string): Promise<void> {
  await db
    .insertInto('user_first_sign_in')
    .values({ user_id: userId, signed_in_at: nowIso() })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export const createUserInput = z
  .object({
    requestId: requestIdSchema.optional(),
    name: visibleNameSchema('a name'),
    email: emailAddressSchema,
    password: passwordSchema,
    roles: rolesSchema,
  })
  .superRefine((user, ctx) => {
    // The length and the common-password check ran on the field; here: not made of the person's own name or e-mail.
    if (passwordProblem(user.password) !== null) return;
    const problem = passwordProblem(user.password, [user.name, user.email]);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

/** Inserts a user with a password and memberships; used by admins and by the demo seed. */
export async function insertUserWithPassword(
  trx: DbOrTrx,
  organizationId: string,
  user: { name: string; email: string; password: string; roles: ReadonlyArray<UserRole> },
): Promise<string> {
  const userId = newId();
  const now = nowIso();
  const hash = await hashPassword(user.password);
  await trx
    .insertInto('user')
    .values({
      id: userId,
      name: user.name,
      email: user.email,
      emailVerified: 0,
      image: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await trx
    .insertInto('account')
    .values({
      id: newId(),
      accountId: userId,
      providerId: 'credential',
      userId,
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
  if (user.roles.length > 0) {
    await trx
      .insertInto('membership')
      .values(
        user.roles.map((role) => ({
          id: newId(),
          organization_id: organizationId,
          user_id: userId,
          role,
          created_at: now,
        })),
      )
      .execute();
  }
  return userId;
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: z.input<typeof createUserInput>,
): Promise<{ userId: string }> {
  requireRole(actor, 'admin');
  const { requestId, ...parsed } = parseServiceInput(createUserInput, input);
  // The password is no part of the stored fingerprint: an unsalted hash of it must never be kept.
  const { password: _password, ...content } = parsed;
  return db.transaction().execute((trx) =>
    idempotentCreate(trx, actor, { operation: 'user.create', requestId, content }, async () => {
      const taken = await trx
        .selectFrom('user')
        .select('id')
        .where('email', '=', parsed.email)
        .executeTakeFirst();
      if (taken) {
        const member = await trx
          .selectFrom('membership')
          .select('id')
          .where('organization_id', '=', actor.organizationId)
          .where('user_id', '=', taken.id)
          .executeTakeFirst();
        // The admin sees their own members anyway: saying so reveals nothing.
        if (member) throw conflict('This organisation already has a member with this email');
        // Another organisation's account (ADR 0011): answer as for a new one, invite instead of creating.
        // The password is hashed and dropped so both paths cost the same scrypt work.
        await hashPassword(parsed.password);
        await trx
          .insertInto('membership_invitation')
          .values({
            id: newId(),
            organization_id: actor.organizationId,
            user_id: taken.id,
            roles: JSON.stringify(parsed.roles),
            invited_by: actor.userId,
            created_at: nowIso(),
            name: parsed.name,
            email: parsed.email,
          })
          .onConflict((oc) =>
            oc
              .columns(['organization_id', 'user_id'])
              .doUpdateSet({ roles: JSON.stringify(parsed.roles), name: parsed.name, email: parsed.email }),
          )
          .execute();
        await recordAudit(trx, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: taken.id,
          details: { roles: parsed.roles },
        });
        return { userId: taken.id };
      }
      const userId = await insertUserWithPassword(trx, actor.organizationId, parsed);
      await recordAudit(trx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        details: { roles: parsed.roles },
      });
      return { userId };
    }),
  );
}

export const setUserRolesInput = z.object({ userId: idSchema, roles: rolesSchema });

/** Replaces a member's roles; the organisation always keeps at least one admin. */
export async function setUserRoles(
  db: Db,
  actor: Actor,
  input: z.input<typeof setUserRolesInput>,
): Promise<{ userId: string; roles: UserRole[] }> {
  requireRole(actor, 'admin');
  const parsed = parseServiceInput(setUserRolesInput, input);
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('membership')
      .select('role')
      .where('organization_id', '=', actor.organizationId)
      .where('user_id', '=', parsed.userId)
      .execute();
    if (current.length === 0) {
      // A pending invitation (ADR 0011) takes new roles the same way a member does.
      const invitation = await trx
        .selectFrom('membership_invitation')
        .select(['id', 'roles', 'peer_worker_id'])
        .where('organization_id', '=', actor.organizationId)
        .where('user_id', '=', parsed.userId)
        .executeTakeFirst();
      if (!invitation) throw notFound('User');
      const roles = withPeerWorkerKept(parsed.roles, invitation.peer_worker_id !== null);
      await trx
        .updateTable('membership_invitation')
        .set({ roles: JSON.stringify(roles) })
        .where('id', '=', invitation.id)
        .execute();
      await recordAudit(trx, actor, {
        action: 'user.roles',
        entityType: 'user',
        entityId: parsed.userId,
        details: { before: JSON.parse(invitation.roles) as string[], after: roles },
      });
      return { userId: parsed.userId, roles };
    }
    if (current.some((m) => m.role === 'admin') && !parsed.roles.includes('admin')) {
      const admins = await trx
        .selectFrom('membership')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', actor.organizationId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw conflict('The organisation must keep at least one admin');
    }
    // The peer_worker role stays with its PSW link (ADR 0031): roles set here are staff roles only.
    await trx
      .deleteFrom('membership')
      .where('organization_id', '=', actor.organizationId)
      .where('user_id', '=', parsed.userId)
      .where('role', '!=', 'peer_worker')
      .execute();
    const roles = withPeerWorkerKept(
      parsed.roles,
      current.some((m) => m.role === 'peer_worker'),
    );
    const now = nowIso();
    await trx
      .insertInto('membership')
      .values(
        parsed.roles.map((role) => ({
          id: newId(),
          organization_id: actor.organizationId,
          user_id: parsed.userId,
          role,
          created_at: now,
        })),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: 'user.roles',
      entityType: 'user',
      entityId: parsed.userId,
      details: { before: current.map((m) => m.role).sort(), after: roles },
    });
    return { userId: parsed.userId, roles };
  });
}

/** The staff roles given, plus `peer_worker` when the account holds it (it is never set or removed here). */
function withPeerWorkerKept(staff: ReadonlyArray<UserRole>, isPeerWorker: boolean): UserRole[] {
  return isPeerWorker ? [...staff, 'peer_worker' as const].sort() : [...staff];
}
