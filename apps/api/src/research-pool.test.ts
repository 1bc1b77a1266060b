/**
 * Heavy research never stalls the server (issue 10): agreement runs in the analysis pool's worker
 * threads, so `/healthz` keeps answering while eight heavy calls are in flight, and a call over its
 * time limit gets a clear error while the server stays up. The full queue: research/analysis-pool.test.ts.
 */
import { insertInChunks } from '@peerbridge/db';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

/** Two coders over one long document: heavy enough to take the worker a while, light enough for CI. */
const PARAGRAPHS = 1000;
const SEGMENTS_PER_CODER = 3000;

async function aHeavyStudy(api: Awaited<ReturnType<typeof startTestApi>>, a: OrgFixture): Promise<void> {
  const db = api.handle.db;
  const paragraph = 'A paragraph about the team and the clients, long enough to be coded twice.';
  const text = Array.from({ length: PARAGRAPHS }, () => paragraph).join('\n');
  await db
    .insertInto('document')
    .values({
      id: 'heavy-doc',
      study_id: a.studyId,
      source_guid: 'heavy-g',
      name: 'Heavy',
      text,
      participant_id: null,
    })
    .execute();
  const rows: Record<string, string | number | null>[] = [];
  const step = paragraph.length + 1;
  for (const coder of ['coder-1', 'coder-2']) {
    for (let i = 0; i < SEGMENTS_PER_CODER; i++) {
      const p = (i * 7 + (coder === 'coder-1' ? 0 : 3)) % PARAGRAPHS;
      rows.push({
        id: `heavy-${coder}-${i}`,
        study_id: a.studyId,
        document_id: 'heavy-doc',
        code_id: i % 2 === 0 ? 'a-c1' : 'a-c2',
        selection_guid: `heavy-sel-${coder}-${i}`,
        start_offset: p * step,
        end_offset: p * step + 20 + (i % 30),
        coder,
        created_at_source: null,
      });
    }
  }
  await insertInChunks(
    db,
    'coded_segment',
    [
      'id',
      'study_id',
      'document_id',
      'code_id',
      'selection_guid',
      'start_offset',
      'end_offset',
      'coder',
      'created_at_source',
    ],
    rows,
  );
}

describe.each(testDialects())('heavy research beside the event loop on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let client: TestClient;

  beforeAll(async () => {
    api = await startTestApi(dialect, {}, { analysis: { threads: 2, maxQueue: 8 } });
    ({ a } = await seedTwoOrganizations(api.handle));
    await aHeavyStudy(api, a);
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
      await aHeavyStudy(tight, ta);
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
