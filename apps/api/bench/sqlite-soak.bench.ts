/**
 * The two-writer SQLite soak (issue 10, `pnpm --filter @peerbridge/api bench`): two api processes on
 * one SQLite file, WRITERS writers each, recording supervision sessions over real HTTP on 127.0.0.1 for
 * BENCH_DURATION seconds (default 10). Reports writes/s, errors (any failed call, a 503 or 5xx included:
 * the target is 0) and p50/p99, then checks that every acknowledged write is stored and that
 * `PRAGMA integrity_check` says ok. Floors in the same run: the same writers through one api process on
 * PostgreSQL, and raw better-sqlite3 inserts (one process, one transaction per row) on a SQLite file.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase } from '@peerbridge/db';
import { startPostgresServer } from '@peerbridge/testing';
import Database from 'better-sqlite3';
import pg from 'pg';
import { type ApiProcess, spawnApiProcess } from '../src/test-support/api-process';
import { CookieJar, signIn, trpcClient } from '../src/test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from '../src/test-support/two-organizations';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
/** Writers per api process on SQLite; the PostgreSQL floor runs the same total through one process. */
const WRITERS = 4;

interface SoakRow {
  name: string;
  writes: number;
  errors: number;
  seconds: number;
  p50: number;
  p99: number;
  firstErrors: string[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function row(name: string, latencies: number[], errors: string[], seconds: number): SoakRow {
  const sorted = latencies.slice().sort((x, y) => x - y);
  return {
    name,
    writes: latencies.length,
    errors: errors.length,
    seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    firstErrors: errors.slice(0, 3),
  };
}

async function seed(url: string): Promise<OrgFixture> {
  const handle = await openDatabase({ url });
  try {
    await migrateToLatest(handle);
    return (await seedTwoOrganizations(handle)).a;
  } finally {
    await handle.destroy();
  }
}

/** `writersPerApi` writers on each api, recording sessions until the time is up. */
async function soak(
  name: string,
  apis: ApiProcess[],
  org: OrgFixture,
  writersPerApi: number,
): Promise<{ row: SoakRow; acknowledged: string[] }> {
  const today = new Date().toISOString().slice(0, 10);
  const latencies: number[] = [];
  const errors: string[] = [];
  const acknowledged: string[] = [];
  const jar = new CookieJar();
  const signedIn = await signIn(apis[0]?.baseUrl ?? '', jar, org.users.supervisor.email, PASSWORD);
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  const writer = async (api: ApiProcess, label: string) => {
    const client = trpcClient(api.baseUrl, jar);
    for (let i = 0; performance.now() < deadline; i++) {
      const at = performance.now();
      try {
        const { sessionId } = await client.supervision.recordSession.mutate({
          requestId: randomUUID(),
          workerId: org.workerId,
          heldOn: today,
          privateNotes: `${label} soak write ${i}`,
          observations: [{ indicator: 'exhaustion', value: (i % 5) + 1 }],
        });
        latencies.push(performance.now() - at);
        acknowledged.push(sessionId);
      } catch (error) {
        errors.push(`${label} write ${i}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(
    apis.flatMap((api, p) => Array.from({ length: writersPerApi }, (_, w) => writer(api, `api${p}-w${w}`))),
  );
  const seconds = (performance.now() - started) / 1000;
  return { row: row(name, latencies, errors, seconds), acknowledged };
}

/** How many of `ids` are stored, asked in pages so the IN list stays bounded. */
async function storedCount(url: string, ids: string[]): Promise<number> {
  const handle = await openDatabase({ url });
  try {
    let stored = 0;
    for (let at = 0; at < ids.length; at += 500) {
      const rows = await handle.db
        .selectFrom('supervision_session')
        .select('id')
        .where('id', 'in', ids.slice(at, at + 500))
        .execute();
      stored += rows.length;
    }
    return stored;
  } finally {
    await handle.destroy();
  }
}

/** The raw floor: one process, one prepared INSERT per transaction, as fast as SQLite goes. */
function rawSqliteFloor(file: string): SoakRow {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('create table soak (id text primary key, worker_id text not null, notes text, at text not null)');
  const insert = db.prepare('insert into soak (id, worker_id, notes, at) values (?, ?, ?, ?)');
  const write = db.transaction((i: number) =>
    insert.run(randomUUID(), 'w', `raw write ${i}`, new Date().toISOString()),
  );
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + DURATION_S * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const at = performance.now();
    write(i);
    latencies.push(performance.now() - at);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return row('floor: raw better-sqlite3 inserts, 1 process', latencies, [], seconds);
}

async function main(): Promise<void> {
  console.log(
    `sqlite soak: 2 api processes x ${WRITERS} writers on one SQLite file, ${DURATION_S} s, real HTTP on 127.0.0.1\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'peerbridge-soak-'));
  const rows: SoakRow[] = [];
  let stored = { acknowledged: 0, stored: 0 };
  let integrity = 'not checked';
  const pgServer = await startPostgresServer();
  try {
    // The product on SQLite: two processes, one file.
    const file = join(dir, 'soak.db');
    const org = await seed(file);
    const apis = await Promise.all([spawnApiProcess(file), spawnApiProcess(file)]);
    try {
      const sqlite = await soak('2 api processes on one SQLite file', apis, org, WRITERS);
      rows.push(sqlite.row);
      stored = {
        acknowledged: sqlite.acknowledged.length,
        stored: await storedCount(file, sqlite.acknowledged),
      };
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
    }
    const raw = new Database(file, { readonly: true });
    integrity = String(raw.pragma('integrity_check', { simple: true }));
    raw.close();

    // Floor 1: the same writes through one api process on PostgreSQL.
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    await admin.query('create database soak');
    await admin.end();
    const pgUrl = pgServer.url.replace(/\/postgres$/, '/soak');
    const pgOrg = await seed(pgUrl);
    const pgApi = await spawnApiProcess(pgUrl);
    try {
      rows.push((await soak('floor: 1 api process on PostgreSQL', [pgApi], pgOrg, WRITERS * 2)).row);
    } finally {
      await pgApi.stop();
    }

    // Floor 2: raw inserts, no HTTP, no api.
    rows.push(rawSqliteFloor(join(dir, 'raw.db')));
  } finally {
    await pgServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log('run                                              writes   writes/s  errors   p50 ms   p99 ms');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(48)} ${String(r.writes).padStart(7)} ${(r.writes / r.seconds).toFixed(0).padStart(10)} ${String(r.errors).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`,
    );
    for (const e of r.firstErrors) console.log(`    error: ${e}`);
  }
  const [ours, pgFloor] = rows;
  console.log('');
  console.log(
    `acknowledged writes stored: ${stored.stored}/${stored.acknowledged}: ${stored.stored === stored.acknowledged ? 'met' : 'MISSED'}`,
  );
  console.log(`PRAGMA integrity_check: ${integrity}: ${integrity === 'ok' ? 'met' : 'MISSED'}`);
  if (ours) console.log(`errors (target 0): ${ours.errors}: ${ours.errors === 0 ? 'met' : 'MISSED'}`);
  if (ours && pgFloor)
    console.log(
      `SQLite two-process writes/s are ${((ours.writes / ours.seconds / (pgFloor.writes / pgFloor.seconds)) * 100).toFixed(0)}% of the PostgreSQL floor's (information: one write lock against row locks)`,
    );
  const ok =
    ours !== undefined && ours.errors === 0 && stored.stored === stored.acknowledged && integrity === 'ok';
  // A missed target is reported, not thrown: `pnpm bench` runs every package's benchmark in turn.
  console.log(ok ? '\nAll targets met.' : '\nSome targets were missed (see above).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
