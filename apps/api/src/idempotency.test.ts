/**
 * Idempotent creates through the real HTTP api: every create procedure requires a client-generated
 * request id, and a double click (two concurrent POSTs with one id) saves one session.
 */
import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { countRows, type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe.each(testDialects())('idempotent creates over HTTP on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let supervisor: TestClient;
  let supervisorJar: CookieJar;
  let admin: TestClient;
  let today: string;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const seeded = await seedTwoOrganizations(api.handle);
    a = seeded.a;
    today = seeded.today;
    const clientFor = async (email: string, jar = new CookieJar()) => {
      expect((await signIn(api.baseUrl, jar, email, PASSWORD)).status).toBe(200);
      return trpcClient(api.baseUrl, jar);
    };
    supervisorJar = new CookieJar();
    supervisor = await clientFor(a.users.supervisor.email, supervisorJar);
    admin = await clientFor(a.users.admin.email);
  });
  afterAll(async () => {
    await api.close();
  });

  it('saves one session for a double click, and both clicks get the same answer', async () => {
    const before = await countRows(api.handle);
    const input = {
      requestId: randomUUID(),
      workerId: a.workerId,
      heldOn: today,
      observations: [{ indicator: 'after_hours_client_contact' as const, value: 3 }],
    };
    // Two separate POSTs, as a double click sends them (not one tRPC batch).
    const post = () =>
      fetch(`${api.baseUrl}/trpc/supervision.recordSession`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: api.baseUrl, cookie: supervisorJar.header() },
        body: JSON.stringify(input),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { result: { data: unknown } } }));
    const [one, two] = await Promise.all([post(), post()]);
    expect([one.status, two.status]).toEqual([200, 200]);
    const first = one.body.result.data;
    const second = two.body.result.data;
    expect(second).toEqual(first);
    const after = await countRows(api.handle);
    expect(after.supervision_session).toBe((before.supervision_session ?? 0) + 1);
    expect(after.observation).toBe((before.observation ?? 0) + 1);
    const retry = await supervisor.supervision.recordSession.mutate(input);
    expect(retry).toEqual(first);
    expect(await countRows(api.handle)).toEqual(after);
  });

  it('refuses a create without a request id, naming the field, and writes nothing', async () => {
    const before = await countRows(api.handle);
    const calls: Array<() => Promise<unknown>> = [
      () =>
        supervisor.supervision.recordSession.mutate({
          workerId: a.workerId,
          heldOn: today,
          minutes: 30,
        } as never),
      () => admin.admin.createUnit.mutate({ name: 'No id team', setting: 'other' } as never),
    ];
    for (const call of calls) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCClientError);
      const data = (error as TRPCClientError<never>).data as unknown as {
        code: string;
        issues: { path: string }[];
      };
      expect(data.code).toBe('BAD_REQUEST');
      expect(data.issues.map((i) => i.path)).toEqual(['requestId']);
    }
    expect(await countRows(api.handle)).toEqual(before);
  });

  it('answers CONFLICT when an id is reused for other content', async () => {
    const requestId = randomUUID();
    await admin.admin.createUnit.mutate({ requestId, name: 'Team Reused', setting: 'other' });
    const error = await admin.admin.createUnit
      .mutate({ requestId, name: 'Team Other', setting: 'other' })
      .catch((e: unknown) => e);
    expect(((error as TRPCClientError<never>).data as unknown as { code: string }).code).toBe('CONFLICT');
  });
});
