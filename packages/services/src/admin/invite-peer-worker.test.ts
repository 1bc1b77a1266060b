/**
 * Inviting a PSW to their own account (ADR 0031), on both dialects: the code sets the password once and
 * links the account to exactly that PSW with the peer_worker role; an expired, reused or unknown code
 * changes nothing; the code is never stored or audited; re-inviting voids the earlier code; the admin
 * cannot hand out peer_worker as a plain role, and setting roles keeps it.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOwnWorker } from '../access/own-worker';
import { resolveActor } from '../access/resolve-actor';
import { invitationCodeHash, redeemInvitationCode } from '../account/invitations';
import { verifyPassword } from '../account/password-hash';
import type { Actor } from '../actor';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { PEER_PASSWORD } from '../test-support/peer-worker-account';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { INVITATION_CODE_DAYS, invitePeerWorker } from './invite-peer-worker';
import { createUser, listUsers, setUserRoles } from './users';

describe.each(testDialects())('inviting a PSW to their own account on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of ['account', 'membership', 'peer_worker_account', 'membership_invitation'] as const) {
      const row = await db()
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  };

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 3 });
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('links the account to exactly its PSW once the code set the password, and audits without the code', async () => {
    const [workerId] = org.workerIds as [string];
    const invitation = await invitePeerWorker(db(), org.admin, {
      workerId,
      name: 'Olga Synthetic',
      email: 'olga.psw@example.test',
    });
    expect(Date.parse(invitation.expiresAt) - Date.now()).toBeGreaterThan(
      (INVITATION_CODE_DAYS - 1) * 86_400_000,
    );
    // Before the code is used the account cannot act anywhere and shows as invited.
    expect(await resolveActor(db(), invitation.userId)).toBeNull();
    const listed = (await listUsers(db(), org.admin)).items.find((u) => u.id === invitation.userId);
    expect(listed).toMatchObject({
      status: 'invited',
      roles: ['peer_worker'],
      email: 'olga.psw@example.test',
    });

    const redeemed = await redeemInvitationCode(db(), { code: invitation.code, password: PEER_PASSWORD });
    expect(redeemed).toMatchObject({ email: 'olga.psw@example.test', roles: ['peer_worker'] });
    const actor = (await resolveActor(db(), invitation.userId)) as Actor;
    expect(actor.roles).toEqual(['peer_worker']);
    expect((await loadOwnWorker(db(), actor)).id).toBe(workerId);
    const credential = await db()
      .selectFrom('account')
      .select('password')
      .where('userId', '=', invitation.userId)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(credential.password ?? '', PEER_PASSWORD)).toBe(true);

    const events = await db().selectFrom('audit_event').select(['action', 'details']).execute();
    const text = JSON.stringify(events);
    expect(text).not.toContain(invitation.code);
    expect(text).not.toContain(invitationCodeHash(invitation.code));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['peer_worker.invite', 'invitation.accept']),
    );
    const stored = JSON.stringify(await db().selectFrom('membership_invitation').selectAll().execute());
    expect(stored).not.toContain(invitation.code);

    // Used once: the same code again changes nothing.
    const before = await counts();
    await expect(
      redeemInvitationCode(db(), { code: invitation.code, password: 'another long passphrase here' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(await counts()).toEqual(before);
    // The PSW has their account: a second invitation for them is refused.
    await expect(
      invitePeerWorker(db(), org.admin, { workerId, name: 'Olga Again', email: 'olga.two@example.test' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses an expired code, a voided earlier code and a weak password, changing nothing', async () => {
    const workerId = org.workerIds[1] as string;
    const old = await invitePeerWorker(
      db(),
      org.admin,
      { workerId, name: 'Pavel Synthetic', email: 'pavel.psw@example.test' },
      new Date(Date.now() - (INVITATION_CODE_DAYS + 1) * 86_400_000),
    );
    const before = await counts();
    await expect(
      redeemInvitationCode(db(), { code: old.code, password: PEER_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/expired/),
    });
    expect(await counts()).toEqual(before);
    const fresh = await invitePeerWorker(db(), org.admin, {
      workerId,
      name: 'Pavel Synthetic',
      email: 'pavel.psw@example.test',
    });
    await expect(
      redeemInvitationCode(db(), { code: old.code, password: PEER_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      redeemInvitationCode(db(), { code: fresh.code, password: 'pavelsynthetic2026' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'password' })],
    });
    await expect(redeemInvitationCode(db(), { code: '', password: PEER_PASSWORD })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'code' })],
    });
    const after = await counts();
    expect(after.account).toBe(before.account);
    expect(after.peer_worker_account).toBe(before.peer_worker_account);
    await redeemInvitationCode(db(), { code: fresh.code, password: PEER_PASSWORD });
  });

  it("answers not found for another organisation's or a missing PSW, and refuses non-admins", async () => {
    await db()
      .insertInto('organization')
      .values({ id: 'org-x', name: 'Elsewhere', created_at: new Date().toISOString() })
      .execute();
    const elsewhere: Actor = { userId: 'u-admin', organizationId: 'org-x', roles: ['admin'] };
    const input = { workerId: org.workerIds[2] as string, name: 'Someone', email: 'someone@example.test' };
    await expect(invitePeerWorker(db(), elsewhere, input)).rejects.toMatchObject({ code: 'not_found' });
    await expect(invitePeerWorker(db(), org.admin, { ...input, workerId: 'no-such' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(invitePeerWorker(db(), org.supervisor, input)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('never hands out peer_worker as a plain role, and setting roles keeps it with its link', async () => {
    await expect(
      createUser(db(), org.admin, {
        name: 'Plain Role',
        email: 'plain@example.test',
        password: 'a long synthetic passphrase',
        roles: ['peer_worker' as 'admin'],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'roles.0' })],
    });
    const olga = await db()
      .selectFrom('user')
      .select('id')
      .where('email', '=', 'olga.psw@example.test')
      .executeTakeFirstOrThrow();
    const set = await setUserRoles(db(), org.admin, { userId: olga.id, roles: ['researcher'] });
    expect(set.roles).toEqual(['peer_worker', 'researcher']);
    const actor = (await resolveActor(db(), olga.id)) as Actor;
    expect(actor.roles).toEqual(['peer_worker', 'researcher']);
    expect((await loadOwnWorker(db(), actor)).id).toBe(org.workerIds[0]);
  });
});
