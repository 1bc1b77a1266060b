/**
 * Benchmark of the caseload procedure (`pnpm --filter @peerbridge/api bench`): a supervisor with 50 PSWs
 * (about 200 observations each), 50 connections for BENCH_DURATION seconds (default 6) with autocannon,
 * on SQLite and PostgreSQL. The caseload reads stored assessments (ADR 0026); three rows per dialect:
 * the floor (bare Hono returning the same 50 precomputed rows with raw prepared statements), the tRPC
 * procedure warm, and the tRPC procedure while a writer records an observation for one PSW every 100 ms
 * through the services (every read sees fresh writes: the ADR 0006 cache made each of those a miss).
 * Each server runs in its own child process so the load generator does not share its CPU time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { openDatabase } from '@peerbridge/db';
import { catalog, indicatorIds } from '@peerbridge/domain';
import { type Actor, recordObservations } from '@peerbridge/services';
import { startPostgresServer } from '@peerbridge/testing';
import autocannon from 'autocannon';
import pg from 'pg';
import { createApp } from '../src/app';
import { parseEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { BENCH_EMAIL, BENCH_PASSWORD, OBSERVATIONS_PER_WORKER, seedBenchData, WORKERS } from './bench-data';
import { createFloorApp } from './floor-server';

const SECRET = 'bench-secret-bench-secret-bench-secret-42';
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 6);
const WARMUP_S = 2;
const WRITE_EVERY_MS = 100;
const P99_TARGET_MS = 50;

type Kind = 'trpc' | 'floor';
type Dialect = 'sqlite' | 'postgres';

/** Child mode: serve one kind of server on a free port and print the port. */
async function serveChild(kind: Kind, dialect: Dialect, url: string): Promise<void> {
  let fetchHandler: (request: Request) => Response | Promise<Response>;
  if (kind === 'floor') {
    fetchHandler = createFloorApp(dialect, url, SECRET).fetch;
  } else {
    const handle = await openDatabase({ url });
    const env = parseEnv({
      NODE_ENV: 'production',
      DATABASE_URL: url,
      BETTER_AUTH_SECRET: SECRET,
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT: 'off',
      PUBLIC_URL: 'http://127.0.0.1',
    });
    fetchHandler = createApp({ handle, env, logger: createLogger(env) }).fetch;
  }
  // A clean exit on a signal (so `--cpu-prof` can write its profile when profiling a server).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
  const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
}

/** Every server child still running, so a failed run never leaves one behind. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function startChild(
  kind: Kind,
  dialect: Dialect,
  url: string,
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--serve', kind, dialect, url],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited early (${code})`)));
    child.stdout?.once('data', (chunk: Buffer) => {
      const { port } = JSON.parse(chunk.toString().split('\n')[0] ?? '{}') as { port: number };
      resolve({ child, base: `http://127.0.0.1:${port}` });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function load(url: string, cookie: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, headers: { cookie } });
}

interface Row {
  dialect: Dialect;
  kind: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Observations recorded while this row was measured. */
  writes: number;
}

const workerIndicators = indicatorIds.filter(
  (id) => catalog.indicators[id].level === 'worker' && catalog.indicators[id].kind === 'likert',
);

/** Records one observation for one PSW every `WRITE_EVERY_MS` through the services until stopped. */
function startWriter(url: string, actor: Actor): { stop(): Promise<number> } {
  let writes = 0;
  let running = true;
  const done = (async () => {
    const handle = await openDatabase({ url });
    try {
      while (running) {
        const n = writes;
        await recordObservations(handle.db, actor, {
          workerId: `bench-w${String(n % WORKERS).padStart(2, '0')}`,
          observations: [
            {
              indicator: workerIndicators[n % workerIndicators.length] ?? 'exhaustion',
              value: 1 + (n % 5),
              observedAt: new Date().toISOString().slice(0, 10),
              source: 'supervision',
            },
          ],
        });
        writes++;
        await new Promise((resolve) => setTimeout(resolve, WRITE_EVERY_MS));
      }
    } finally {
      await handle.destroy();
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return writes;
    },
  };
}

interface CaseloadBody {
  workers?: { workerId: string; observationsInWindow: number }[];
  result?: { data: { workers: { workerId: string; observationsInWindow: number }[] } };
}

async function readCaseload(target: string, cookie: string) {
  const response = await fetch(target, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
  const body = (await response.json()) as CaseloadBody;
  return body.workers ?? body.result?.data.workers ?? [];
}

async function benchDialect(dialect: Dialect, url: string): Promise<Row[]> {
  const handle = await openDatabase({ url });
  const supervisorId = await seedBenchData(handle);
  await handle.destroy();
  const actor: Actor = { userId: supervisorId, organizationId: 'bench-org', roles: ['supervisor'] };

  const trpc = await startChild('trpc', dialect, url);
  const signIn = await fetch(`${trpc.base}/api/auth/sign-in/email`, {
    method: 'POST',
    // Production mode: better-auth wants the browser's Origin header on sign-in.
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1' },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  const cookie = (signIn.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  if (signIn.status !== 200 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
  // The caseload is read while it is open (ADR 0009): one audited POST, then the measured GETs write nothing.
  const opened = await fetch(`${trpc.base}/trpc/supervision.openCaseload`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1', cookie },
    body: '{}',
  });
  if (opened.status !== 200) throw new Error(`opening the caseload failed: ${opened.status}`);
  const floor = await startChild('floor', dialect, url);
  const trpcUrl = `${trpc.base}/trpc/supervision.caseload`;
  const floorUrl = `${floor.base}/caseload`;

  // Sanity: both answer 200 with every PSW, and a write is seen by the very next read.
  for (const target of [floorUrl, trpcUrl]) {
    const n = (await readCaseload(target, cookie)).length;
    if (n !== WORKERS) throw new Error(`expected ${WORKERS} PSWs from ${target}, got ${n}`);
  }
  const count = async () =>
    (await readCaseload(trpcUrl, cookie)).find((w) => w.workerId === 'bench-w00')?.observationsInWindow ?? 0;
  const before = await count();
  const writer = await openDatabase({ url });
  await recordObservations(writer.db, actor, {
    workerId: 'bench-w00',
    observations: [
      {
        indicator: 'exhaustion',
        value: 3,
        observedAt: new Date().toISOString().slice(0, 10),
        source: 'supervision',
      },
    ],
  });
  await writer.destroy();
  if ((await count()) !== before + 1)
    throw new Error('the caseload read right after a write did not show it');

  const rows: Row[] = [];
  const measure = async (kind: string, target: string, writer: boolean) => {
    await load(target, cookie, WARMUP_S);
    const w = writer ? startWriter(url, actor) : null;
    const result = await load(target, cookie, DURATION_S);
    const writes = w ? await w.stop() : 0;
    rows.push({
      dialect,
      kind,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      writes,
    });
  };
  await measure('floor, precomputed rows', floorUrl, false);
  await stopChild(floor.child);
  await measure('tRPC caseload, warm', trpcUrl, false);
  await measure('tRPC caseload, with writes', trpcUrl, true);
  await stopChild(trpc.child);
  return rows;
}

async function main(): Promise<void> {
  const [mode, kind, dialect, url] = process.argv.slice(2);
  if (mode === '--serve') return serveChild(kind as Kind, dialect as Dialect, url ?? '');

  console.log(
    `caseload: ${WORKERS} PSWs x ~${OBSERVATIONS_PER_WORKER} observations, ${CONNECTIONS} connections, ${DURATION_S} s\n`,
  );
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'peerbridge-bench-'));
  try {
    for (const row of await benchDialect('sqlite', join(dir, 'bench.db'))) rows.push(row);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startPostgresServer();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    for (const row of await benchDialect('postgres', server.url.replace(/\/postgres$/, '/bench')))
      rows.push(row);
  } finally {
    await server.stop();
  }

  console.log(
    'dialect   server                            req/s    p50 ms   p99 ms   non-2xx  errors  writes',
  );
  for (const r of rows) {
    console.log(
      `${r.dialect.padEnd(9)} ${r.kind.padEnd(32)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.non2xx).padStart(9)} ${String(r.errors).padStart(7)} ${String(r.writes).padStart(7)}`,
    );
  }
  console.log('');
  let ok = true;
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const floor = rows.find((r) => r.dialect === dialect && r.kind.startsWith('floor'));
    if (!floor) continue;
    for (const ours of rows.filter((r) => r.dialect === dialect && r.kind.startsWith('tRPC'))) {
      const p99Ok = ours.p99 < P99_TARGET_MS;
      const clean = ours.non2xx === 0 && ours.errors === 0;
      ok &&= p99Ok && clean;
      console.log(
        `${dialect} ${ours.kind}: p99 ${ours.p99} ms (target < ${P99_TARGET_MS} ms; floor ${floor.p99} ms): ${p99Ok ? 'met' : 'MISSED'}; ${((ours.rps / floor.rps) * 100).toFixed(0)}% of the floor's throughput`,
      );
      if (!clean) console.log(`${dialect} ${ours.kind}: some requests failed (non-2xx or errors)`);
    }
  }
  // A missed target is reported, not thrown: `pnpm bench` runs every package's benchmark in turn.
  console.log(ok ? '\nAll targets met.' : '\nSome targets were missed (see above).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
