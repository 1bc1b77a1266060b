/**
 * The signed-in person's own profile and password, instead of better-auth's unaudited `/update-user` and
 * `/change-password` (disabled in the api). Each change is an audit event in the actor's organisation;
 * past events keep the name the actor had when they were written.
 */

import { z } from 'zod';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, nowIso } from '../db';
import { invalidField, notFound, parseServiceInput, ServiceError } from '../errors';
import { passwordProblem, passwordSchema } from '../passwords/password-policy';
import { visibleNameSchema } from '../text-fields';
import { hashPassword, verifyPassword } from './password-hash';

export const updateProfileInput = z.object({ name: visibleNameSchema('a name') });

/** Renames the actor; the event holds the name before and after. */
export async function updateProfile(
  db: Db,
  actor: Actor,
  input: z.input<typeof updateProfileInput>,
): Promise<{ name: string }> {
  const { name } = parseServiceInput(updateProfileInput, input);
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('user')
      .select('name')
      .where('id', '=', actor.userId)
      .executeTakeFirst();
    if (!user) throw notFound('User');
    if (user.name === name) return { name };
    await trx.updateTable('user').set({ name, updatedAt: nowIso() }).where('id', '=', actor.userId).execute();
    await recordAudit(trx, actor, {
      action: 'account.profile',
      entityType: 'user',
      entityId: actor.userId,
      details: { before: { name: user.name }, after: { name } },
    });
    return { name };
  });
}

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1, { message: 'expected your current password' }).max(128),
  newPassword: passwordSchema,
});

/**
 * Sets a new password after checking the current one with better-auth's own verifier; the new one goes
 * through the NIST policy (not made of the person's name or e-mail). Every other session of the user
 * ends, so a stolen session does not outlive the change; `keepSessionId` is the caller's own.
 */
export async function changePassword(
  db: Db,
  actor: Actor,
  input: z.input<typeof changePasswordInput>,
  keepSessionId: string | null,
): Promise<{ otherSessionsEnded: number }> {
  const parsed = parseServiceInput(changePasswordInput, input);
  const user = await db
    .selectFrom('user as u')
    .innerJoin('account as a', (j) => j.onRef('a.userId', '=', 'u.id').on('a.providerId', '=', 'credential'))
    .select(['u.name', 'u.email', 'a.id as accountId', 'a.password'])
    .where('u.id', '=', actor.userId)
    .executeTakeFirst();
  if (!user?.password) throw notFound('User');
  if (!(await verifyPassword(user.password, parsed.currentPassword))) {
    // Written on its own: the refusal must survive, and nothing else changes.
    await recordAudit(db, actor, {
      action: 'account.password_refused',
      entityType: 'user',
      entityId: actor.userId,
      changesData: false,
    });
    throw invalidField('currentPassword', 'your current password');
  }
  const problem = passwordProblem(parsed.newPassword, [user.name, user.email]);
  if (problem) {
    throw new ServiceError('invalid_input', `Invalid input: newPassword: ${problem}`, [
      { path: 'newPassword', expected: 'a password not made of your name or e-mail', message: problem },
    ]);
  }
  const hash = await hashPassword(parsed.newPassword);
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account')
      .set({ password: hash, updatedAt: nowIso() })
      .where('id', '=', user.accountId)
      .execute();
    let ended = trx.deleteFrom('session').where('userId', '=', actor.userId);
    if (keepSessionId !== null) ended = ended.where('id', '!=', keepSessionId);
    const result = await ended.executeTakeFirst();
    const otherSessionsEnded = Number(result.numDeletedRows);
    await recordAudit(trx, actor, {
      action: 'account.password',
      entityType: 'user',
      entityId: actor.userId,
      details: { otherSessionsEnded },
    });
    return { otherSessionsEnded };
  });
}
