/**
 * Benchmark of the PSW page (`pnpm --filter @peerbridge/api bench`): the calls apps/web's worker page
 * makes (openWorker, then assessment, 6-month history, first page of sessions, first page of
 * observations, open actions, in parallel as the browser does) over HTTP against the api in a child
 * process, for a PSW with a long history (5,000 sessions, 50,000 observations) and one with a short one
 * (50 sessions, 500 observations), on SQLite and PostgreSQL. Both have the same evidence in the last
 * year, so the assessment windows hold the same; the short PSW is the floor measured in the same run:
 * the long one's page should cost the same, whatever its history.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { type DatabaseHandle, openDatabase } from '@peerbridge/db';
import { catalog, indicatorIds } from '@peerbridge/domain';
import { refreshStaleAssessments } from '@peerbridge/services';
import { startPostgresServer } from '@peerbridge/testing';
import pg from 'pg';
import { createApp } from '../src/app';
import { parseEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { BENCH_EMAIL, BENCH_PASSWORD, seedBenchData } from './bench-data';

const SECRET = 'bench-secret-bench-secret-bench-secret-42';
const DURATION_S = Number(process.env.BENCH_DURATION ?? 6);
const ORIGIN = 'http://127.0.0.1';
type Dialect = 'sqlite' | 'postgres';

const workerIndicators = indicatorIds.filter((id) => catalog.indicators[id].level === 'worker');
const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The two PSWs: the same last year of evidence; the long one has 4,950 sessions and 49,500 observations before it. */
const PSWS = [
  { id: 'page-short', sessions: 50, observations: 500 },
  { id: 'page-long', sessions: 5000, observations: 50_000 },
] as const;
const RECENT = { sessions: 50, observations: 500, days: 360 };
const OLDER_DAYS = 3600;

async function seedPageWorkers(handle: DatabaseHandle, supervisorId: string): Promise<void> {
  const db = handle.db;
  const now = new Date().toISOString();
  for (const psw of PSWS) {
    await db
      .insertInto('peer_worker')
      .values({
        id: psw.id,
        organization_id: 'bench-org',
        unit_id: 'bench-ward',
        display_name: `Peer ${psw.id}`,
        started_on: day(RECENT.days + OLDER_DAYS + 10),
        created_at: now,
      })
      .execute();
    await db
      .insertInto('supervisor_assignment')
      .values({
        organization_id: 'bench-org',
        supervisor_user_id: supervisorId,
        peer_worker_id: psw.id,
        since: day(RECENT.days + OLDER_DAYS),
      })
      .execute();
    // Recent evidence identical for both (same dates and values); the rest spread over the years before.
    const dateOf = (i: number, recent: number, total: number) =>
      i < recent
        ? day(Math.floor((i * RECENT.days) / recent))
        : day(RECENT.days + 1 + Math.floor(((i - recent) * OLDER_DAYS) / Math.max(1, total - recent)));
    const sessions = [];
    for (let s = 0; s < psw.sessions; s++)
      sessions.push({
        id: `${psw.id}-s${s}`,
        organization_id: 'bench-org',
        peer_worker_id: psw.id,
        supervisor_user_id: supervisorId,
        held_on: dateOf(s, RECENT.sessions, psw.sessions),
        kind: 'individual' as const,
        minutes: 50,
        private_notes: null,
        created_at: now,
      });
    for (let i = 0; i < sessions.length; i += 500)
      await db
        .insertInto('supervision_session')
        .values(sessions.slice(i, i + 500))
        .execute();
    const observations = [];
    for (let o = 0; o < psw.observations; o++) {
      const indicator = workerIndicators[o % workerIndicators.length] ?? 'exhaustion';
      const kind = catalog.indicators[indicator].kind;
      observations.push({
        id: `${psw.id}-o${o}`,
        organization_id: 'bench-org',
        peer_worker_id: psw.id,
        unit_id: null,
        indicator,
        value: kind === 'bool' ? o % 2 : kind === 'event' ? o % 4 : 1 + (o % 5),
        observed_at: dateOf(o, RECENT.observations, psw.observations),
        source: 'supervision' as const,
        source_ref: null,
        recorded_by: supervisorId,
        note: null,
        session_id: null,
        created_at: now,
      });
    }
    for (let i = 0; i < observations.length; i += 500)
      await db
        .insertInto('observation')
        .values(observations.slice(i, i + 500))
        .execute();
  }
  await refreshStaleAssessments(db);
}

/** Child mode: the api on a free port. */
async function serveChild(url: string): Promise<void> {
  const handle = await openDatabase({ url });
  const env = parseEnv({
    NODE_ENV: 'production',
    DATABASE_URL: url,
    BETTER_AUTH_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT: 'off',
    PUBLIC_URL: ORIGIN,
  });
  const app = createApp({ handle, env, logger: createLogger(env) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
    process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
  });
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function startChild(url: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--serve', url],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`api exited early (${code})`)));
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

const CALLS = ['openWorker', 'assessment', 'history', 'sessions', 'observations', 'actions', 'page'] as const;
type Call = (typeof CALLS)[number];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function benchDialect(url: string) {
  const handle = await openDatabase({ url });
  const supervisorId = await seedBenchData(handle);
  await seedPageWorkers(handle, supervisorId);
  await handle.destroy();
  const api = await startChild(url);
  const signIn = await fetch(`${api.base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  const cookie = (signIn.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  if (signIn.status !== 200 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);

  const timed = async (call: Call, request: () => Promise<Response>, into: Map<Call, number[]>) => {
    const start = performance.now();
    const response = await request();
    const body = await response.text();
    const ms = performance.now() - start;
    if (response.status !== 200)
      throw new Error(`${call} answered ${response.status}: ${body.slice(0, 200)}`);
    into.get(call)?.push(ms);
    return body;
  };
  const get = (procedure: string, input: unknown) => () =>
    fetch(`${api.base}/trpc/supervision.${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { cookie },
    });
  /** One page load as the browser does it: the audited open, then the reads in parallel. */
  const loadPage = async (workerId: string, into: Map<Call, number[]>) => {
    const start = performance.now();
    await timed(
      'openWorker',
      () =>
        fetch(`${api.base}/trpc/supervision.openWorker`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN, cookie },
          body: JSON.stringify({ workerId }),
        }),
      into,
    );
    const [, , sessions, observations] = await Promise.all([
      timed('assessment', get('assessment', { workerId }), into),
      timed('history', get('history', { workerId, months: 6 }), into),
      timed('sessions', get('sessions', { workerId }), into),
      timed('observations', get('observations', { workerId }), into),
      timed('actions', get('actions', { workerId }), into),
    ]);
    into.get('page')?.push(performance.now() - start);
    return { sessions, observations };
  };

  const samples = new Map(PSWS.map((p) => [p.id, new Map(CALLS.map((c) => [c, [] as number[]]))]));
  // Sanity and warm-up: both pages answer, and their first pages are full (cursor-paged lists).
  for (const psw of PSWS) {
    const first = await loadPage(psw.id, new Map());
    if (!first.sessions.includes('nextCursor') || !first.observations.includes('nextCursor'))
      throw new Error(`the lists of ${psw.id} are not paged`);
  }
  // Alternate the two PSWs so noise on the shared machine hits both alike.
  const until = performance.now() + DURATION_S * 1000;
  while (performance.now() < until)
    for (const psw of PSWS) {
      const into = samples.get(psw.id);
      if (into) await loadPage(psw.id, into);
    }
  await stopChild(api.child);
  return samples;
}

async function main(): Promise<void> {
  const [mode, url] = process.argv.slice(2);
  if (mode === '--serve') return serveChild(url ?? '');
  console.log(
    `PSW page: ${PSWS.map((p) => `${p.id} (${p.sessions} sessions, ${p.observations} observations)`).join(' vs ')}, sequential page loads for ${DURATION_S} s\n`,
  );
  const results: [Dialect, Awaited<ReturnType<typeof benchDialect>>][] = [];
  const dir = mkdtempSync(join(tmpdir(), 'peerbridge-page-bench-'));
  try {
    results.push(['sqlite', await benchDialect(join(dir, 'bench.db'))]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = await startPostgresServer();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    results.push(['postgres', await benchDialect(server.url.replace(/\/postgres$/, '/bench'))]);
  } finally {
    await server.stop();
  }
  console.log('dialect   call           short p50  short p99   long p50   long p99   long/short p50');
  let ok = true;
  for (const [dialect, samples] of results) {
    for (const call of CALLS) {
      const short = [...(samples.get('page-short')?.get(call) ?? [])].sort((a, b) => a - b);
      const long = [...(samples.get('page-long')?.get(call) ?? [])].sort((a, b) => a - b);
      const ratio = percentile(long, 50) / percentile(short, 50);
      // "As fast": within 1.5x of the short history's page, measured in the same run.
      if (call === 'page') ok &&= ratio <= 1.5;
      console.log(
        `${dialect.padEnd(9)} ${call.padEnd(13)} ${percentile(short, 50).toFixed(1).padStart(10)} ${percentile(short, 99).toFixed(1).padStart(10)} ${percentile(long, 50).toFixed(1).padStart(10)} ${percentile(long, 99).toFixed(1).padStart(10)} ${ratio.toFixed(2).padStart(16)}`,
      );
    }
    console.log(`${dialect}: ${samples.get('page-short')?.get('page')?.length ?? 0} page loads per PSW`);
  }
  console.log(
    ok
      ? '\nThe long history loads within 1.5x of the short one (p50 of the whole page): met.'
      : '\nThe long history is more than 1.5x slower than the short one: MISSED.',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
