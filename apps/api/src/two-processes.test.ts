/**
 * Two api instances (two servers on two ports, as behind a load balancer) over one database: sessions,
 * writes and the sign-in failure counters are shared, because all three live in the database.
 */
import { randomUUID } from 'node:crypto';
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
      requestId: randomUUID(),
      workerId: a.workerId,
      heldOn: today,
      privateNotes: 'Written through the first instance',
      observations: [{ indicator: 'exhaustion', value: 4 }],
    });
    await onSecond.supervision.openWorker.mutate({ workerId: a.workerId });
    const sessions = await onSecond.supervision.sessions.query({ workerId: a.workerId });
    expect(sessions.items.map((s) => s.id)).toContain(sessionId);
    const { notes } = await onSecond.supervision.revealNotes.mutate({
      workerId: a.workerId,
      sessionIds: [sessionId],
    });
    expect(notes[0]?.privateNotes).toBe('Written through the first instance');

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

  it('counts failed sign-ins across both instances (the counters live in the database)', async () => {
    // Only failures count (ADR 0023): five wrong passwords spread over both instances, then the account
    // backs off on either instance, the right password included.
    const attempt = (api: TestApi, password: string) =>
      signIn(api.baseUrl, new CookieJar(), a.users.admin.email, password);
    const statuses = [];
    for (const api of [second, first, second, first, second])
      statuses.push((await attempt(api, 'wrong-password-123')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const held = await attempt(first, PASSWORD);
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('1');
  });
});

describe.each(testDialects())('caseloads of two api instances on one %s database', (dialect) => {
  let tdb: TestDatabase;
  let first: TestApi;
  let second: TestApi;
  let a: OrgFixture;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    first = await serveApi(tdb.url);
    second = await serveApi(tdb.url);
    ({ a } = await seedTwoOrganizations(first.handle));
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await tdb.drop();
  });

  it('shows a write made through one instance in the next caseload read on the other', async () => {
    const jar = new CookieJar();
    expect((await signIn(first.baseUrl, jar, a.users.supervisor.email, PASSWORD)).status).toBe(200);
    const onFirst = trpcClient(first.baseUrl, jar);
    const onSecond = trpcClient(second.baseUrl, jar);
    const today = new Date().toISOString().slice(0, 10);
    const inWindow = async () => {
      const caseload = await onSecond.supervision.caseload.query({ asOf: today });
      return caseload.workers.find((w) => w.workerId === a.workerId)?.observationsInWindow;
    };

    await onSecond.supervision.openCaseload.mutate();
    const before = await inWindow();
    expect(before).toBeTypeOf('number');
    // Read twice: the second read is served as the first, nothing is written by a read.
    expect(await inWindow()).toBe(before);
    await onFirst.supervision.recordObservations.mutate({
      requestId: randomUUID(),
      workerId: a.workerId,
      observations: [{ indicator: 'exhaustion', value: 2, observedAt: today, source: 'supervision' }],
    });
    expect(await inWindow()).toBe((before ?? 0) + 1);
    const { sessionId } = await onFirst.supervision.recordSession.mutate({
      requestId: randomUUID(),
      workerId: a.workerId,
      heldOn: today,
      observations: [{ indicator: 'exhaustion', value: 3 }],
    });
    expect(sessionId).toBeTypeOf('string');
    const after = await onSecond.supervision.caseload.query({ asOf: today });
    const worker = after.workers.find((w) => w.workerId === a.workerId);
    expect(worker?.lastSessionOn).toBe(today);
    expect(worker?.observationsInWindow).toBe((before ?? 0) + 2);
  });

  it("never serves one supervisor's caseload to another supervisor", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const mine = new CookieJar();
    const theirs = new CookieJar();
    expect((await signIn(second.baseUrl, mine, a.users.supervisor.email, PASSWORD)).status).toBe(200);
    expect((await signIn(second.baseUrl, theirs, a.users.otherSupervisor.email, PASSWORD)).status).toBe(200);
    await trpcClient(second.baseUrl, mine).supervision.openCaseload.mutate();
    await trpcClient(second.baseUrl, theirs).supervision.openCaseload.mutate();
    const own = await trpcClient(second.baseUrl, mine).supervision.caseload.query({ asOf: today });
    expect(own.workers.map((w) => w.workerId)).toContain(a.workerId);
    // Same instance, organisation, day and revision: only the user differs.
    const other = await trpcClient(second.baseUrl, theirs).supervision.caseload.query({ asOf: today });
    expect(other.workers).toEqual([]);
  });
});
