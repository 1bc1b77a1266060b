/**
 * The person's own account over real HTTP on both dialects: an invitation from another organisation is
 * listed, accepted and then acted in through the organisation cookie (ADR 0011, 0025); a new account
 * turns active in the admin's list at its first sign-in; the name and password change through audited
 * procedures, and a password change ends the other sessions but not this one.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORGANIZATION_COOKIE } from './http/organization-choice';
import { CookieJar, signIn, startTestApi, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

const NEW_PASSWORD = 'a fresh synthetic passphrase';

describe.each(testDialects())('own account over HTTP on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let b: OrgFixture;
  const adminJar = new CookieJar();
  const admin = () => trpcClient(api.baseUrl, adminJar);

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a, b } = await seedTwoOrganizations(api.handle));
    expect((await signIn(api.baseUrl, adminJar, a.users.admin.email, PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  it("accepts A's invitation as B's member, then acts in A when the portal chooses it", async () => {
    const invited = b.users.researcher;
    await admin().admin.createUser.mutate({
      requestId: crypto.randomUUID(),
      name: 'Typed By Admin',
      email: invited.email,
      password: 'a long synthetic passphrase',
      roles: ['supervisor'],
    });
    const jar = new CookieJar();
    expect((await signIn(api.baseUrl, jar, invited.email, PASSWORD)).status).toBe(200);
    const person = trpcClient(api.baseUrl, jar);
    const pending = await person.account.invitations.query();
    expect(pending.map((i) => [i.organization.id, i.roles])).toEqual([[a.organizationId, ['supervisor']]]);
    const listed = async () =>
      (await admin().admin.users.query({ limit: 200 })).items.find((u) => u.id === invited.id);
    expect(await listed()).toMatchObject({ status: 'invited', name: 'Typed By Admin' });

    await person.account.acceptInvitation.mutate({ invitationId: pending[0]?.id ?? '' });
    expect(await person.account.invitations.query()).toEqual([]);
    expect(await listed()).toMatchObject({ status: 'active', roles: ['supervisor'] });

    const me = await person.account.me.query();
    expect(me.organization.id).toBe(b.organizationId);
    expect(me.organizations.map((o) => o.id).sort()).toEqual([a.organizationId, b.organizationId].sort());
    jar.set(ORGANIZATION_COOKIE, a.organizationId);
    const inA = await person.account.me.query();
    expect([inA.organization.id, inA.roles]).toEqual([a.organizationId, ['supervisor']]);
    // A cookie naming an organisation they are not in changes nothing.
    jar.set(ORGANIZATION_COOKIE, 'org-nowhere');
    expect((await person.account.me.query()).organization.id).toBe(b.organizationId);

    const audit = await admin().admin.auditLog.query({ limit: 200 });
    expect(audit.items.find((e) => e.action === 'invitation.accept')?.actorUserId).toBe(invited.id);
  });

  it("refuses to answer another person's invitation, as if there were none", async () => {
    const other = new CookieJar();
    await signIn(api.baseUrl, other, b.users.otherSupervisor.email, PASSWORD);
    await expect(
      trpcClient(api.baseUrl, other).account.acceptInvitation.mutate({ invitationId: 'no-such-invitation' }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
  });

  it("marks a new account active in the admin's list at its first sign-in", async () => {
    const { userId } = await admin().admin.createUser.mutate({
      requestId: crypto.randomUUID(),
      name: 'Brand New Person',
      email: 'brand-new@a.example.test',
      password: 'a long synthetic passphrase',
      roles: ['researcher'],
    });
    const statusOf = async () =>
      (await admin().admin.users.query({ limit: 200 })).items.find((u) => u.id === userId)?.status;
    expect(await statusOf()).toBe('invited');
    expect(
      (await signIn(api.baseUrl, new CookieJar(), 'brand-new@a.example.test', 'a long synthetic passphrase'))
        .status,
    ).toBe(200);
    expect(await statusOf()).toBe('active');
  });

  it('renames and changes the password through audited procedures; other sessions end', async () => {
    const jar = new CookieJar();
    const elsewhere = new CookieJar();
    await signIn(api.baseUrl, jar, a.users.otherSupervisor.email, PASSWORD);
    await signIn(api.baseUrl, elsewhere, a.users.otherSupervisor.email, PASSWORD);
    const me = trpcClient(api.baseUrl, jar);

    await expect(me.account.updateProfile.mutate({ name: '' })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST' },
      message: expect.stringContaining('name'),
    });
    expect(await me.account.updateProfile.mutate({ name: 'New Display Name' })).toEqual({
      name: 'New Display Name',
    });
    expect((await me.account.me.query()).user.name).toBe('New Display Name');

    await expect(
      me.account.changePassword.mutate({ currentPassword: 'wrong password here', newPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ message: expect.stringContaining('currentPassword') });
    expect(
      await me.account.changePassword.mutate({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    ).toEqual({ otherSessionsEnded: 1 });
    expect((await me.account.me.query()).user.name).toBe('New Display Name');
    await expect(trpcClient(api.baseUrl, elsewhere).account.me.query()).rejects.toMatchObject({
      data: { code: 'UNAUTHORIZED' },
    });
    expect((await signIn(api.baseUrl, new CookieJar(), a.users.otherSupervisor.email, PASSWORD)).status).toBe(
      401,
    );
    expect(
      (await signIn(api.baseUrl, new CookieJar(), a.users.otherSupervisor.email, NEW_PASSWORD)).status,
    ).toBe(200);

    const actions = (await admin().admin.auditLog.query({ limit: 200 })).items
      .filter((e) => e.actorUserId === a.users.otherSupervisor.id)
      .map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['account.profile', 'account.password_refused', 'account.password']),
    );
  });
});
