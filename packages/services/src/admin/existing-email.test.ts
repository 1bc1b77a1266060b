/**
 * ADR 0011 on both dialects: an admin creating a user whose e-mail already has an account in another
 * organisation gets the same answer as for a new e-mail (same shape, no error, similar time), the other
 * account is left as it was (name, password hash, memberships), and an invitation is stored instead.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordHashesMade } from '../account/password-hash';
import type { Actor } from '../actor';
import { ServiceError } from '../errors';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization } from '../test-support/small-organization';
import { createUser, insertUserWithPassword } from './users';

const PASSPHRASE = 'a long synthetic passphrase';

describe.each(testDialects())('creating a user whose e-mail exists elsewhere on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let admin: Actor;
  let elsewhereId: string;
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    ({ admin } = await aSmallOrganization(db(), { workers: 1 }));
    await db()
      .insertInto('organization')
      .values({ id: 'org-2', name: 'Other Trust', created_at: new Date().toISOString() })
      .execute();
    elsewhereId = await insertUserWithPassword(db(), 'org-2', {
      name: 'Elsewhere Person',
      email: 'elsewhere@example.test',
      password: 'their own passphrase here',
      roles: ['supervisor'],
    });
  });
  afterAll(async () => {
    await mdb.close();
  });

  const shapeOf = (answer: unknown) =>
    Object.fromEntries(
      Object.entries(answer as Record<string, unknown>).map(([k, v]) => [
        k,
        typeof v === 'string' ? v.length : typeof v,
      ]),
    );

  it('answers the same for a new e-mail and for one that exists in another organisation', async () => {
    const before = await db()
      .selectFrom('account')
      .select(['password', 'updatedAt'])
      .where('userId', '=', elsewhereId)
      .executeTakeFirstOrThrow();
    const timed = async (email: string) => {
      const hashesBefore = passwordHashesMade();
      const answer = await createUser(db(), admin, {
        name: 'Some Person',
        email,
        password: PASSPHRASE,
        roles: ['supervisor'],
      });
      return { answer, hashes: passwordHashesMade() - hashesBefore };
    };
    const fresh = await timed('brand-new@example.test');
    const existing = await timed('ELSEWHERE@example.test');
    expect(shapeOf(existing.answer)).toEqual(shapeOf(fresh.answer));
    // Both paths pay one scrypt hash, so the existing one does not answer in a fraction of the time.
    expect(fresh.hashes).toBe(1);
    expect(existing.hashes).toBe(1);

    const after = await db()
      .selectFrom('account')
      .select(['password', 'updatedAt'])
      .where('userId', '=', elsewhereId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const user = await db()
      .selectFrom('user')
      .select(['name'])
      .where('id', '=', elsewhereId)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Elsewhere Person');
    const memberships = await db()
      .selectFrom('membership')
      .select(['organization_id'])
      .where('user_id', '=', elsewhereId)
      .execute();
    expect(memberships).toEqual([{ organization_id: 'org-2' }]);
    const invitations = await db()
      .selectFrom('membership_invitation')
      .selectAll()
      .where('user_id', '=', elsewhereId)
      .execute();
    expect(invitations.map((i) => [i.organization_id, i.roles, i.invited_by])).toEqual([
      ['org-1', '["supervisor"]', admin.userId],
    ]);
    const accounts = await db()
      .selectFrom('user')
      .select('id')
      .where('email', '=', 'elsewhere@example.test')
      .execute();
    expect(accounts).toHaveLength(1);
  });

  it('still refuses an e-mail that is already a member of this organisation (the admin lists them anyway)', async () => {
    const again = createUser(db(), admin, {
      name: 'Again',
      email: 'brand-new@example.test',
      password: PASSPHRASE,
      roles: ['researcher'],
    });
    await expect(again).rejects.toBeInstanceOf(ServiceError);
    await expect(again).rejects.toMatchObject({ code: 'conflict' });
  });
});
