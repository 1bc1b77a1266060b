/**
 * The analysis worker reads the study by itself (issue 10): while the api answers agreement,
 * co-occurrence and the cohort over HTTP, the server's own connection reads the `study` row (the
 * ownership check) and none of the study's segments, texts, codes, participants or observations.
 */
import type { Db } from '@peerbridge/services';
import { inProcessAnalysis } from '@peerbridge/services';
import { testDialects } from '@peerbridge/testing';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHeavyDocument } from '../test-support/heavy-study';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from '../test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from '../test-support/two-organizations';

const STUDY_CONTENT = ['coded_segment', 'document', 'code', 'participant', 'study_observation'];

describe.each(testDialects())('the analysis worker’s own reads on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let client: TestClient;
  /** Tables named by the queries of the server's own thread. */
  const tables = new Set<string>();
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.kind === 'TableNode') {
      const name = (n.table as { identifier?: { name?: string } } | undefined)?.identifier?.name;
      if (name) tables.add(name);
    }
    for (const value of Object.values(n)) walk(value);
  };
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      walk(args.node);
      return args.node as RootOperationNode;
    },
    transformResult: async (args) => args.result,
  };

  beforeAll(async () => {
    api = await startTestApi(
      dialect,
      {},
      { analysis: { threads: 1 }, wrapDb: (db: Db) => db.withPlugin(recorder) },
    );
    ({ a } = await seedTwoOrganizations(api.handle));
    await addHeavyDocument(api.handle.db, a.studyId, ['a-c1', 'a-c2']);
    const jar = new CookieJar();
    await signIn(api.baseUrl, jar, a.users.researcher.email, PASSWORD);
    client = trpcClient(api.baseUrl, jar);
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('answers from the worker’s reads while the server thread reads only the study row', async () => {
    tables.clear();
    const agreement = await client.research.agreement.query({ studyId: a.studyId });
    const co = await client.research.coOccurrence.query({ studyId: a.studyId });
    const cohort = await client.research.cohort.query({ studyId: a.studyId });
    expect(tables.has('study')).toBe(true);
    for (const table of STUDY_CONTENT) expect(tables.has(table), table).toBe(false);
    // The worker read the whole study: its answers are those of the services reading everything here.
    const here = inProcessAnalysis(api.handle.db);
    expect(agreement).toEqual(await here.agreement({ studyId: a.studyId, unit: 'paragraph' }));
    expect(agreement.codes.length).toBeGreaterThan(0);
    expect(co).toEqual(await here.coOccurrence({ studyId: a.studyId, mode: 'within-coder' }));
    expect(cohort).toEqual(await here.cohort({ studyId: a.studyId, asOf: null }));
  }, 120_000);

  it('passes the unit and the co-occurrence mode to the worker, and refuses a unit it does not know', async () => {
    const here = inProcessAnalysis(api.handle.db);
    const chars = await client.research.agreement.query({ studyId: a.studyId, unit: 'character' });
    expect(chars.unit).toBe('character');
    expect(chars.coverage.map((c) => c.coderId)).toEqual(chars.coders);
    expect(chars).toEqual(await here.agreement({ studyId: a.studyId, unit: 'character' }));
    const across = await client.research.coOccurrence.query({
      studyId: a.studyId,
      coOccurrence: 'across-coders',
    });
    expect(across.mode).toBe('across-coders');
    expect(across).toEqual(await here.coOccurrence({ studyId: a.studyId, mode: 'across-coders' }));
    await expect(
      client.research.agreement.query({ studyId: a.studyId, unit: 'word' as 'paragraph' }),
    ).rejects.toThrow(/unit.*expected one of paragraph, sentence, document, character/s);
  }, 120_000);
});
