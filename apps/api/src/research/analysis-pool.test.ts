/**
 * The analysis pool's bounds and answers: a full queue refuses at once (503 at the api), a call sends
 * the study's id only and the worker reads the study on its own read-only connection, with the same
 * answers as the services' in-process runner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '@peerbridge/db';
import { inProcessAnalysis } from '@peerbridge/services';
import { createTestDatabase, type TestDatabase, testDialects } from '@peerbridge/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addHeavyDocument } from '../test-support/heavy-study';
import { type OrgFixture, seedTwoOrganizations } from '../test-support/two-organizations';
import { type AnalysisPool, createAnalysisPool } from './analysis-pool';

describe.each(testDialects())('the analysis pool on %s', (dialect) => {
  let tdb: TestDatabase;
  let handle: DatabaseHandle;
  let a: OrgFixture;
  let pool: AnalysisPool | undefined;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    handle = await openDatabase({ url: tdb.url });
    await migrateToLatest(handle);
    ({ a } = await seedTwoOrganizations(handle));
    await addHeavyDocument(handle.db, a.studyId, ['a-c1', 'a-c2']);
  }, 60_000);
  afterEach(async () => {
    await pool?.destroy();
    pool = undefined;
  });
  afterAll(async () => {
    await handle?.destroy();
    await tdb?.drop();
  });

  it('reads the study itself from its id and gives the same answers as the services in process', async () => {
    pool = createAnalysisPool({ databaseUrl: tdb.url, threads: 1 });
    const here = inProcessAnalysis(handle.db);
    const agreement = await pool.agreement({ studyId: a.studyId, unit: 'paragraph' });
    expect(agreement.coders).toEqual(['coder-1', 'coder-2']);
    expect(agreement.codes.length).toBeGreaterThan(0);
    expect(agreement).toEqual(await here.agreement({ studyId: a.studyId, unit: 'paragraph' }));
    expect(await pool.coOccurrence({ studyId: a.studyId, mode: 'within-coder' })).toEqual(
      await here.coOccurrence({ studyId: a.studyId, mode: 'within-coder' }),
    );
    const cohort = await pool.cohort({ studyId: a.studyId, asOf: null });
    expect(Object.keys(cohort.originalLabels).length).toBe(2);
    expect(cohort).toEqual(await here.cohort({ studyId: a.studyId, asOf: null }));
    // A write committed after the worker opened its connection is in its next answer.
    await handle.db
      .insertInto('coded_segment')
      .values({
        id: 'late-segment',
        study_id: a.studyId,
        document_id: `heavy-doc-${a.studyId}`,
        code_id: 'a-c2',
        selection_guid: 'late-sel',
        start_offset: 0,
        end_offset: 10,
        coder: 'coder-3',
        created_at_source: null,
      })
      .execute();
    const later = await pool.agreement({ studyId: a.studyId, unit: 'paragraph' });
    expect(later.coders).toEqual(['coder-1', 'coder-2', 'coder-3']);
    expect(later).toEqual(await here.agreement({ studyId: a.studyId, unit: 'paragraph' }));
  }, 60_000);

  it('answers an unknown study with empty results and an unreachable database with an error', async () => {
    pool = createAnalysisPool({ databaseUrl: tdb.url, threads: 1 });
    expect(await pool.coOccurrence({ studyId: 'no-such-study', mode: 'within-coder' })).toEqual({
      mode: 'within-coder',
      rows: [],
      codeNames: {},
      // No set named: the whole study.
      set: null,
    });
    const broken = createAnalysisPool({
      databaseUrl: dialect === 'sqlite' ? `${tdb.url}.missing` : 'postgres://app:secret@127.0.0.1:1/none',
      threads: 1,
    });
    try {
      await expect(broken.agreement({ studyId: a.studyId, unit: 'paragraph' })).rejects.toThrow(
        dialect === 'sqlite' ? /Cannot open the SQLite file .*read-only/ : /Cannot connect to PostgreSQL/,
      );
    } finally {
      await broken.destroy();
    }
  }, 60_000);

  it('runs its workers at a lower priority than the server’s thread, which keeps its own (Linux)', async () => {
    const niceOf = (tid: string): number => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name; the nice value is field 19 of stat(5).
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    };
    const before = readdirSync('/proc/self/task').map(niceOf);
    const server = niceOf(String(process.pid));
    pool = createAnalysisPool({ databaseUrl: tdb.url, threads: 1 });
    // An unknown study is a cheap call: the thread starts for it, and a worker at nice +10 is not
    // starved for half a minute by a busy machine (CI runs every package at once on two cores).
    await pool.coOccurrence({ studyId: 'no-such-study', mode: 'within-coder' });
    const after = readdirSync('/proc/self/task').map(niceOf);
    expect(niceOf(String(process.pid))).toBe(server);
    const lowered = Math.min(19, server + 10);
    expect(after.filter((n) => n === lowered).length).toBe(before.filter((n) => n === lowered).length + 1);
  }, 60_000);

  it('refuses calls beyond its queue with SERVICE_UNAVAILABLE instead of piling them up', async () => {
    pool = createAnalysisPool({ databaseUrl: tdb.url, threads: 1, maxQueue: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => pool!.agreement({ studyId: a.studyId, unit: 'paragraph' })),
    );
    const refused = results.filter((r) => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(refused).toHaveLength(3);
    for (const r of refused) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        message: 'Too many analyses are running; try again in a moment.',
      });
    }
  }, 60_000);
});
