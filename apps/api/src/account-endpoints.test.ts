/**
 * The actor as they were (issue 9), over real HTTP on both dialects: better-auth's endpoints the
 * product does not use are gone (a signed-in user cannot rename themselves through `update-user`), and
 * the audit screen shows the name and roles stored with each event, not the user's name today.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe.each(testDialects())('account endpoints and the actor as they were on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  const jar = new CookieJar();

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a } = await seedTwoOrganizations(api.handle));
    expect((await signIn(api.baseUrl, jar, a.users.supervisor.email, PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  const nameOf = async (id: string) =>
    (await api.handle.db.selectFrom('user').select(['name', 'email']).where('id', '=', id).executeTakeFirst())
      ?.name;
  const post = (path: string, body: unknown) =>
    jar.fetch(`${api.baseUrl}/api/auth${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it("refuses a signed-in user's update-user, and their name stays", async () => {
    const before = await nameOf(a.users.supervisor.id);
    expect(before).toBe('supervisor a');
    for (const path of ['/update-user', '/update-user/', '/UPDATE-USER']) {
      const response = await post(path, { name: 'Someone Else Entirely' });
      expect([403, 404]).toContain(response.status);
    }
    expect(await nameOf(a.users.supervisor.id)).toBe(before);
  });

  it('refuses the other profile endpoints the product does not use, and changes nothing', async () => {
    const statuses = {
      changeEmail: (await post('/change-email', { newEmail: 'other@a.example.test' })).status,
      changePassword: (
        await post('/change-password', { currentPassword: PASSWORD, newPassword: 'another-password-1' })
      ).status,
      deleteUser: (await post('/delete-user', { password: PASSWORD })).status,
      listSessions: (await jar.fetch(`${api.baseUrl}/api/auth/list-sessions`)).status,
    };
    expect(statuses).toEqual({ changeEmail: 404, changePassword: 404, deleteUser: 404, listSessions: 404 });
    const user = await api.handle.db
      .selectFrom('user')
      .select('email')
      .where('id', '=', a.users.supervisor.id)
      .executeTakeFirstOrThrow();
    expect(user.email).toBe(a.users.supervisor.email);
    // The old password still signs in: change-password did nothing.
    expect((await signIn(api.baseUrl, new CookieJar(), a.users.supervisor.email, PASSWORD)).status).toBe(200);
  });

  it('keeps the endpoints the portal uses: get-session and sign-out', async () => {
    const session = await jar.fetch(`${api.baseUrl}/api/auth/get-session`);
    expect(session.status).toBe(200);
    expect(((await session.json()) as { user?: { email: string } }).user?.email).toBe(
      a.users.supervisor.email,
    );
    const other = new CookieJar();
    await signIn(api.baseUrl, other, a.users.admin.email, PASSWORD);
    const out = await other.fetch(`${api.baseUrl}/api/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
  });

  it('shows the name and roles stored with each event, even after the user was renamed', async () => {
    await trpcClient(api.baseUrl, jar).supervision.openWorker.mutate({ workerId: a.workerId });
    // A rename by any route (here straight in the database, as an operator could).
    await api.handle.db
      .updateTable('user')
      .set({ name: 'Renamed Later' })
      .where('id', '=', a.users.supervisor.id)
      .execute();
    const adminJar = new CookieJar();
    expect((await signIn(api.baseUrl, adminJar, a.users.admin.email, PASSWORD)).status).toBe(200);
    const { items: events } = await trpcClient(api.baseUrl, adminJar).admin.auditLog.query({
      actions: ['worker_record.view'],
    });
    expect(events.map((e) => [e.actorUserId, e.actorName, e.actorRoles])).toEqual([
      [a.users.supervisor.id, 'supervisor a', ['supervisor']],
    ]);
  });
});
