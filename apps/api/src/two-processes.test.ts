/**
 * Two api instances (two servers on two ports, as behind a load balancer) over one database: sessions,
 * writes and the sign-in rate limit are shared, because all three live in the database.
 */
import { createTestDatabase, type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, serveApi, signIn, type TestApi, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe.each(testDialects())('two api instances on one %s database', (dialect) => {
  let tdb: TestDatabase;
  let first: TestApi;
  let second: TestApi;
  let a: OrgFixture;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    first = await serveApi(tdb.url, { AUTH_RATE_LIMIT: 'on' });
    second = await serveApi(tdb.url, { AUTH_RATE_LIMIT: 'on' });
    ({ a } = await seedTwoOrganizations(first.handle));
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await tdb.drop();
  });

  it('shares sessions, writes and sign-outs between the instances', async () => {
    expect(first.baseUrl).not.toBe(second.baseUrl);
    const jar = new CookieJar();
    expect((await signIn(first.baseUrl, jar, a.users.supervisor.email, PASSWORD)).status).toBe(200);
    const onFirst = trpcClient(first.baseUrl, jar);
    const onSecond = trpcClient(second.baseUrl, jar);
    expect((await onSecond.account.me.query()).user.email).toBe(a.users.supervisor.email);

    const today = new Date().toISOString().slice(0, 10);
    const { sessionId } = await onFirst.supervision.recordSession.mutate({
      workerId: a.workerId,
      heldOn: today,
      privateNotes: 'Written through the first instance',
      observations: [{ indicator: 'exhaustion', value: 4 }],
    });
    const sessions = await onSecond.supervision.sessions.query({ workerId: a.workerId });
    expect(sessions.find((s) => s.id === sessionId)?.privateNotes).toBe('Written through the first instance');

    const stale = jar.header();
    const out = await jar.fetch(`${second.baseUrl}/api/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const refused = await fetch(`${first.baseUrl}/trpc/account.me`, { headers: { cookie: stale } });
    expect(refused.status).toBe(401);
  });

  it('counts sign-in attempts across both instances (the limit lives in the database)', async () => {
    // The first test signed in once on `first`; the limit is 5 sign-in requests a minute per address.
    const attempt = (api: TestApi) =>
      signIn(api.baseUrl, new CookieJar(), a.users.admin.email, 'wrong-password-123');
    const statuses = [];
    for (const api of [second, first, second, first]) statuses.push((await attempt(api)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    expect((await attempt(second)).status).toBe(429);
    expect((await signIn(first.baseUrl, new CookieJar(), a.users.admin.email, PASSWORD)).status).toBe(429);
  });
});
