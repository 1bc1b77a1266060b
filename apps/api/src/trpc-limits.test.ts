/**
 * Two promises of every `/trpc` answer, over real HTTP on both dialects: it is `Cache-Control: no-store`
 * (success, refusal, bad input, an oversized batch), and a batch holds at most 10 calls: 11 are refused
 * as a whole with a message naming the limit, and write nothing; 10 go through.
 */
import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_CALLS } from './app';
import { CookieJar, signIn, startTestApi } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe.each(testDialects())('/trpc limits on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  const jar = new CookieJar();
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a } = await seedTwoOrganizations(api.handle));
    expect((await signIn(api.baseUrl, jar, a.users.supervisor.email, PASSWORD)).status).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  const counts = async () => ({
    observations: (await api.handle.db.selectFrom('observation').select('id').execute()).length,
    audit: (await api.handle.db.selectFrom('audit_event').select('id').execute()).length,
  });

  /** One POST with `calls` recordObservations calls, joined by `separator` in the path. */
  const batch = (calls: number, separator = ',') => {
    const paths = Array.from({ length: calls }, () => 'supervision.recordObservations').join(separator);
    const body: Record<string, unknown> = {};
    for (let i = 0; i < calls; i++) {
      body[String(i)] = {
        requestId: randomUUID(),
        workerId: a.workerId,
        observations: [{ indicator: 'exhaustion', value: 2, observedAt: today, source: 'supervision' }],
      };
    }
    return jar.fetch(`${api.baseUrl}/trpc/${paths}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  };

  it(`refuses a batch of ${MAX_BATCH_CALLS + 1} calls as a whole, naming the limit, and writes nothing`, async () => {
    expect(MAX_BATCH_CALLS).toBe(10);
    const before = await counts();
    const refused = await batch(11);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/at most 10 calls; this one holds 11/);
    expect(await counts()).toEqual(before);
  });

  it('refuses 11 calls with an encoded comma in the path too (the adapter holds the same limit)', async () => {
    const before = await counts();
    const refused = await batch(11, '%2C');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await counts()).toEqual(before);
  });

  it('answers a batch of 10 calls, each written once', async () => {
    const before = await counts();
    const answered = await batch(10);
    expect(answered.status).toBe(200);
    expect(answered.headers.get('cache-control')).toBe('no-store');
    const results = (await answered.json()) as { result?: unknown; error?: unknown }[];
    expect(results).toHaveLength(10);
    expect(results.every((r) => r.result !== undefined && r.error === undefined)).toBe(true);
    expect((await counts()).observations).toBe(before.observations + 10);
  });

  it('sends no-store on a success, a refusal, bad input, signed out, and an unknown procedure', async () => {
    const input = (v: unknown) => encodeURIComponent(JSON.stringify(v));
    const responses = {
      success: await jar.fetch(`${api.baseUrl}/trpc/account.me`),
      notOpen: await jar.fetch(
        `${api.baseUrl}/trpc/supervision.assessment?input=${input({ workerId: a.workerId })}`,
      ),
      notFound: await jar.fetch(`${api.baseUrl}/trpc/supervision.openWorker`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ workerId: 'no-such-worker' }),
      }),
      badInput: await jar.fetch(`${api.baseUrl}/trpc/supervision.recordObservations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requestId: randomUUID(), workerId: a.workerId, observations: 'none' }),
      }),
      signedOut: await fetch(`${api.baseUrl}/trpc/account.me`),
      unknown: await jar.fetch(`${api.baseUrl}/trpc/no.such.procedure`),
    };
    const seen = Object.fromEntries(
      Object.entries(responses).map(([k, r]) => [k, [r.status, r.headers.get('cache-control')]]),
    );
    expect(seen).toEqual({
      success: [200, 'no-store'],
      notOpen: [412, 'no-store'],
      notFound: [404, 'no-store'],
      badInput: [400, 'no-store'],
      signedOut: [401, 'no-store'],
      unknown: [404, 'no-store'],
    });
  });
});
