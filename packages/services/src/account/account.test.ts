/**
 * The person's own account on both dialects: accepting or declining an invitation (ADR 0011, audited in
 * the inviting organisation's chain), acting in a chosen organisation (ADR 0025), renaming (old audit
 * events keep the old name) and changing the password (current one checked, other sessions ended).
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../access/resolve-actor';
import type { Actor } from '../actor';
import { createUser, insertUserWithPassword, listUsers, recordFirstSignIn } from '../admin/users';
import { listAuditLog } from '../audit/audit-log';
import { nowIso } from '../db';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization } from '../test-support/small-organization';
import { acceptInvitation, declineInvitation, listMyInvitations } from './invitations';
import { verifyPassword } from './password-hash';
import { changePassword, updateProfile } from './profile';

const OWN_PASSWORD = 'their own passphrase here';

describe.each(testDialects())('own account on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let adminA: Actor;
  let personId: string;
  let person: Actor;
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    ({ admin: adminA } = await aSmallOrganization(db(), { workers: 1 }));
    for (const [id, name] of [
      ['org-2', 'Other Trust'],
      ['org-3', 'Third Trust'],
    ] as const) {
      await db().insertInto('organization').values({ id, name, created_at: nowIso() }).execute();
    }
    personId = await insertUserWithPassword(db(), 'org-2', {
      name: 'Invited Person',
      email: 'invited@example.test',
      password: OWN_PASSWORD,
      roles: ['researcher'],
    });
    await recordFirstSignIn(db(), personId);
    const resolved = await resolveActor(db(), personId);
    if (!resolved) throw new Error('no actor');
    person = resolved;
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('accepts an invitation: member of A with the invited roles, audited in A, acting in A when chosen', async () => {
    await createUser(db(), adminA, {
      name: 'Typed Name',
      email: 'invited@example.test',
      password: 'a long synthetic passphrase',
      roles: ['supervisor'],
    });
    const pending = await listMyInvitations(db(), person);
    expect(pending.map((i) => [i.organization.id, i.roles])).toEqual([
      [adminA.organizationId, ['supervisor']],
    ]);
    const invitationId = pending[0]?.id ?? '';

    // Someone else cannot answer it: it reads as no invitation at all, and nothing changes.
    await expect(acceptInvitation(db(), adminA, { invitationId })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await listMyInvitations(db(), person)).toHaveLength(1);

    expect(await acceptInvitation(db(), person, { invitationId })).toEqual({
      organizationId: adminA.organizationId,
      roles: ['supervisor'],
    });
    expect(await listMyInvitations(db(), person)).toEqual([]);
    // Still acting in the first organisation by default; in A when asked for; a foreign choice is ignored.
    expect((await resolveActor(db(), personId))?.organizationId).toBe('org-2');
    expect(await resolveActor(db(), personId, adminA.organizationId)).toEqual({
      userId: personId,
      organizationId: adminA.organizationId,
      roles: ['supervisor'],
    });
    expect((await resolveActor(db(), personId, 'org-3'))?.organizationId).toBe('org-2');

    const row = (await listUsers(db(), adminA, { limit: 200 })).items.find((u) => u.id === personId);
    expect(row).toMatchObject({ roles: ['supervisor'], status: 'active' });
    const events = (await listAuditLog(db(), adminA, { limit: 200 })).items;
    expect(events.find((e) => e.action === 'invitation.accept')).toMatchObject({
      actorUserId: personId,
      entityId: personId,
    });
  });

  it('declines an invitation: it goes, no membership, audited in the inviting organisation', async () => {
    await db()
      .insertInto('membership_invitation')
      .values({
        id: 'inv-3',
        organization_id: 'org-3',
        user_id: personId,
        roles: '["admin"]',
        invited_by: null,
        created_at: nowIso(),
        name: 'Typed',
        email: 'invited@example.test',
      })
      .execute();
    await expect(declineInvitation(db(), person, { invitationId: '' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('invitationId'),
    });
    expect(await declineInvitation(db(), person, { invitationId: 'inv-3' })).toEqual({ declined: true });
    expect(await listMyInvitations(db(), person)).toEqual([]);
    const inThird = await db()
      .selectFrom('membership')
      .select('id')
      .where('organization_id', '=', 'org-3')
      .execute();
    expect(inThird).toEqual([]);
    const events = await db()
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id'])
      .where('organization_id', '=', 'org-3')
      .execute();
    expect(events).toEqual([{ action: 'invitation.decline', actor_user_id: personId }]);
  });

  it('renames with before and after audited, and past events keep the old name', async () => {
    await expect(updateProfile(db(), adminA, { name: '   ' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('name'),
    });
    const before = (await listAuditLog(db(), adminA, { limit: 200 })).items.filter(
      (e) => e.actorUserId === adminA.userId,
    );
    expect(before.length).toBeGreaterThan(0);
    const oldName = before[0]?.actorName;
    expect(await updateProfile(db(), adminA, { name: 'Renamed Admin' })).toEqual({ name: 'Renamed Admin' });
    const after = (await listAuditLog(db(), adminA, { limit: 200 })).items.filter(
      (e) => e.actorUserId === adminA.userId,
    );
    const rename = after.find((e) => e.action === 'account.profile');
    expect(rename?.details).toEqual({ before: { name: oldName }, after: { name: 'Renamed Admin' } });
    for (const old of before) {
      expect(after.find((e) => e.id === old.id)?.actorName).toBe(oldName);
    }
    const user = await db()
      .selectFrom('user')
      .select('name')
      .where('id', '=', adminA.userId)
      .executeTakeFirstOrThrow();
    expect(user.name).toBe('Renamed Admin');
  });

  it('changes the password only with the current one, and ends the other sessions', async () => {
    const session = (id: string) => ({
      id,
      token: `token-${id}`,
      userId: personId,
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      ipAddress: null,
      userAgent: null,
      createdAt: nowIso(),
      updatedAt: nowIso(),
    });
    await db()
      .insertInto('session')
      .values([session('s-this'), session('s-other')])
      .execute();
    const hashBefore = async () =>
      (
        await db()
          .selectFrom('account')
          .select('password')
          .where('userId', '=', personId)
          .executeTakeFirstOrThrow()
      ).password ?? '';
    const original = await hashBefore();

    await expect(
      changePassword(
        db(),
        person,
        { currentPassword: 'not the right one', newPassword: 'a brand new passphrase ok' },
        's-this',
      ),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('currentPassword') });
    await expect(
      changePassword(db(), person, { currentPassword: OWN_PASSWORD, newPassword: 'short' }, 's-this'),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('newPassword') });
    expect(await hashBefore()).toBe(original);
    const refused = await db()
      .selectFrom('audit_event')
      .select('action')
      .where('actor_user_id', '=', personId)
      .where('action', '=', 'account.password_refused')
      .execute();
    expect(refused).toHaveLength(1);

    expect(
      await changePassword(
        db(),
        person,
        { currentPassword: OWN_PASSWORD, newPassword: 'a brand new passphrase ok' },
        's-this',
      ),
    ).toEqual({ otherSessionsEnded: 1 });
    expect(await verifyPassword(await hashBefore(), 'a brand new passphrase ok')).toBe(true);
    const left = await db().selectFrom('session').select('id').where('userId', '=', personId).execute();
    expect(left).toEqual([{ id: 's-this' }]);
    const done = await db()
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('actor_user_id', '=', personId)
      .where('action', '=', 'account.password')
      .execute();
    expect(done).toHaveLength(1);
    expect(JSON.stringify(done)).not.toContain('brand new');
  });
});
