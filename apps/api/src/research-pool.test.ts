/**
 * Heavy research never stalls the server (issue 10): agreement runs in the analysis pool's worker
 * threads, so `/healthz` keeps answering while eight heavy calls are in flight, and a call over its
 * time limit gets a clear error while the server stays up. The full queue: research/analysis-pool.test.ts.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHeavyDocument } from './test-support/heavy-study';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe.each(testDialects())('heavy research beside the event loop on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let client: TestClient;

  beforeAll(async () => {
    api = await startTestApi(dialect, {}, { analysis: { threads: 2, maxQueue: 8 } });
    ({ a } = await seedTwoOrganizations(api.handle));
    await addHeavyDocument(api.handle.db, a.studyId, ['a-c1', 'a-c2']);
    const jar = new CookieJar();
    await signIn(api.baseUrl, jar, a.users.researcher.email, PASSWORD);
    client = trpcClient(api.baseUrl, jar);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('keeps answering /healthz while eight agreement calls run, and gives each the in-process answer', async () => {
    const expected = await client.research.agreement.query({ studyId: a.studyId });
    expect(expected.codes.length).toBeGreaterThan(0);
    let finished = 0;
    const calls = Array.from({ length: 8 }, () =>
      client.research.agreement.query({ studyId: a.studyId }).finally(() => {
        finished += 1;
      }),
    );
    // Poll while the calls run; with the work on the event loop, no poll could finish before them.
    let answeredWhileRunning = 0;
    while (finished === 0) {
      const res = await fetch(`${api.baseUrl}/healthz`);
      expect(res.status).toBe(200);
      if (finished === 0) answeredWhileRunning += 1;
    }
    const results = await Promise.all(calls);
    expect(answeredWhileRunning).toBeGreaterThanOrEqual(3);
    for (const r of results) expect(r).toEqual(expected);
  }, 120_000);

  it('stops a call over its time limit with a clear error, and the server stays up', async () => {
    const tight = await startTestApi(dialect, {}, { analysis: { threads: 1, timeoutMs: 1 } });
    try {
      const { a: ta } = await seedTwoOrganizations(tight.handle);
      await addHeavyDocument(tight.handle.db, ta.studyId, ['a-c1', 'a-c2']);
      const jar = new CookieJar();
      await signIn(tight.baseUrl, jar, ta.users.researcher.email, PASSWORD);
      const c = trpcClient(tight.baseUrl, jar);
      await expect(c.research.agreement.query({ studyId: ta.studyId })).rejects.toThrow(
        /took longer than its limit of 1 ms/,
      );
      expect((await c.research.studies.query()).items.length).toBeGreaterThan(0);
      expect((await fetch(`${tight.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await tight.close();
    }
  }, 120_000);
});
