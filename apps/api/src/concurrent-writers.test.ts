/**
 * Two api processes and CLI writes on one database at once (ADR 0014): no write fails, every
 * acknowledged write is stored, and the SQLite file passes `PRAGMA integrity_check`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '@peerbridge/db';
import { writeLargeQdpx } from '@peerbridge/refi-qda/testing';
import { createTestDatabase, type TestDatabase, testDialects } from '@peerbridge/testing';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, runCli, spawnApiProcess } from './test-support/api-process';
import { CookieJar, signIn, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

/** A CLI import runs beside the writers: big enough to take seconds to read, small enough for CI. */
const IMPORT_DOCUMENTS = 600;
const IMPORT_SEGMENTS = 60_000;
const BUSY_TIMEOUT_MS = 1500;

/** Bounded: this many writers per api process, each making this many writes one after another. */
const WRITERS_PER_PROCESS = 4;
const WRITES_PER_WRITER = 15;
const CLI_USERS = 3;

// One generated project for both dialects' runs.
const projectDir = mkdtempSync(join(tmpdir(), 'pb-concurrent-import-'));
const project = join(projectDir, 'big.qdpx');
beforeAll(
  () => writeLargeQdpx(project, { documents: IMPORT_DOCUMENTS, segments: IMPORT_SEGMENTS, compress: false }),
  60_000,
);
afterAll(() => rmSync(projectDir, { recursive: true, force: true }));

describe.each(testDialects())('two api processes and the CLI writing to one %s database', (dialect) => {
  let tdb: TestDatabase;
  let apis: ApiProcess[] = [];
  let a: OrgFixture;

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    const handle = await openDatabase({ url: tdb.url });
    await migrateToLatest(handle);
    ({ a } = await seedTwoOrganizations(handle));
    await handle.destroy();
    // A short busy timeout: the api's writers may wait for each other and for the import's copy, but
    // an import holding the write lock while it reads its file would make them fail.
    const env = { DATABASE_BUSY_TIMEOUT_MS: String(BUSY_TIMEOUT_MS) };
    apis = await Promise.all([spawnApiProcess(tdb.url, env), spawnApiProcess(tdb.url, env)]);
  }, 90_000);
  afterAll(async () => {
    const codes = await Promise.all(apis.map((api) => api.stop()));
    expect(codes).toEqual(apis.map(() => 0));
    await tdb.drop();
  });

  it('loses and fails no write', async () => {
    const jar = new CookieJar();
    expect((await signIn(apis[0]?.baseUrl ?? '', jar, a.users.supervisor.email, PASSWORD)).status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    const acknowledged: string[] = [];
    const failures: string[] = [];

    const writer = async (api: ApiProcess, name: string) => {
      const client = trpcClient(api.baseUrl, jar);
      for (let i = 0; i < WRITES_PER_WRITER; i++) {
        try {
          const { sessionId } = await client.supervision.recordSession.mutate({
            requestId: randomUUID(),
            workerId: a.workerId,
            heldOn: today,
            privateNotes: `${name} write ${i}`,
            observations: [{ indicator: 'exhaustion', value: (i % 5) + 1 }],
          });
          acknowledged.push(sessionId);
        } catch (error) {
          failures.push(`${name} write ${i}: ${(error as Error).message}`);
        }
      }
    };
    const cliWriter = async () => {
      const runs = [];
      for (let k = 0; k < CLI_USERS; k++) {
        runs.push(
          await runCli(tdb.url, [
            'users',
            'add',
            '--email',
            `cli-writer-${k}@a.example.test`,
            '--name',
            `CLI writer ${k}`,
            '--role',
            'supervisor',
            '--org',
            a.organizationId,
          ]),
        );
      }
      return runs;
    };

    const importRun = runCli(tdb.url, [
      '--json',
      'import',
      project,
      '--study',
      'Imported beside the writers',
      '--org',
      a.organizationId,
      '--owner',
      a.users.researcher.email,
    ]);
    const [cliRuns, imported] = await Promise.all([
      cliWriter(),
      importRun,
      ...apis.flatMap((api, p) =>
        Array.from({ length: WRITERS_PER_PROCESS }, (_, w) => writer(api, `api${p}-writer${w}`)),
      ),
    ]);

    expect(failures).toEqual([]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(cliRuns.map((run) => (run.code === 0 ? 0 : `${run.code}: ${run.stderr}`))).toEqual(
      cliRuns.map(() => 0),
    );
    expect(acknowledged).toHaveLength(apis.length * WRITERS_PER_PROCESS * WRITES_PER_WRITER);

    const handle = await openDatabase({ url: tdb.url });
    try {
      const stored = await handle.db
        .selectFrom('supervision_session')
        .select('id')
        .where('id', 'in', acknowledged)
        .execute();
      expect(new Set(stored.map((r) => r.id))).toEqual(new Set(acknowledged));
      const cliUsers = await handle.db
        .selectFrom('user')
        .select('email')
        .where('email', 'like', 'cli-writer-%')
        .execute();
      expect(cliUsers).toHaveLength(CLI_USERS);
      const segments = await handle.db
        .selectFrom('coded_segment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(segments.n)).toBeGreaterThanOrEqual(IMPORT_SEGMENTS);
    } finally {
      await handle.destroy();
    }
    if (dialect === 'sqlite') {
      const raw = new Database(tdb.url, { readonly: true });
      try {
        expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        raw.close();
      }
    }
  }, 180_000);
});
