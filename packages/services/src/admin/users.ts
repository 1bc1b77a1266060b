/**
 * Admin management of user accounts and their roles. Accounts are the ones better-auth signs in: a
 * `user` row plus a `credential` account holding the scrypt hash made by better-auth's own hasher.
 */
import { hashPassword } from 'better-auth/crypto';
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import { type Actor, type UserRole, userRoles } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso } from '../db';
import { conflict, notFound, parseServiceInput } from '../errors';
import { idempotentCreate } from '../idempotency/idempotent-create';
import { requestIdSchema } from '../idempotency/request-id';
import { passwordProblem, passwordSchema } from '../passwords/password-policy';
import { idSchema } from '../schemas';
import { emailAddressSchema, visibleNameSchema } from '../text-fields';

const rolesSchema = z
  .array(z.enum(userRoles, { message: `expected one of ${userRoles.join(', ')}` }))
  .min(1, { message: 'expected at least one role' })
  .transform((roles) => [...new Set(roles)].sort());

export interface OrganizationUser {
  id: string;
  name: string;
  email: string;
  roles: UserRole[];
}

export async function listUsers(db: Db, actor: Actor): Promise<OrganizationUser[]> {
  requireRole(actor, 'admin');
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('user as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role'])
    .where('m.organization_id', '=', actor.organizationId)
    .orderBy('u.name')
    .orderBy('u.id')
    .orderBy('m.role')
    .execute();
  const users = new Map<string, OrganizationUser>();
  for (const r of rows) {
    const user = users.get(r.id) ?? { id: r.id, name: r.name, email: r.email, roles: [] };
    user.roles.push(r.role);
    users.set(r.id, user);
  }
  return [...users.values()];
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
          })
          .onConflict((oc) =>
            oc.columns(['organization_id', 'user_id']).doUpdateSet({ roles: JSON.stringify(parsed.roles) }),
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
    if (current.length === 0) throw notFound('User');
    if (current.some((m) => m.role === 'admin') && !parsed.roles.includes('admin')) {
      const admins = await trx
        .selectFrom('membership')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', actor.organizationId)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw conflict('The organisation must keep at least one admin');
    }
    await trx
      .deleteFrom('membership')
      .where('organization_id', '=', actor.organizationId)
      .where('user_id', '=', parsed.userId)
      .execute();
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
      details: { before: current.map((m) => m.role).sort(), after: parsed.roles },
    });
    return { userId: parsed.userId, roles: parsed.roles };
  });
}
