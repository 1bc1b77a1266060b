/** Test harness: a migrated, initialised database per test on each dialect, row counts, and the CLI run in process. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { openDatabase } from '@peerbridge/db';
import { createMigratedTestDatabase } from '@peerbridge/db/test-database';
import type { DialectName, TestDatabase } from '@peerbridge/testing';
import { initDatabase } from '../src/commands/init';
import { createTestContext } from '../src/context';
import type { CliEnv } from '../src/env';
import { StringSink } from '../src/output/terminal';
import { main } from '../src/program';

const cliDir = join(import.meta.dirname, '..');

export const testEnv: CliEnv = {
  databaseUrl: undefined,
  noColor: true,
  forceColor: false,
  initCwd: undefined,
  debug: false,
};

/** A fresh database with one organisation ("Test Org") and its admin. */
export async function initializedDatabase(dialect: DialectName): Promise<TestDatabase> {
  const database = await createMigratedTestDatabase(dialect);
  await initDatabase(
    {
      db: database.url,
      org: 'Test Org',
      email: 'admin@example.org',
      name: 'Ada Admin',
      passwordStdin: false,
    },
    createTestContext(),
  );
  return database;
}

export const studyTables = [
  'study',
  'import_run',
  'participant',
  'document',
  'code',
  'coded_segment',
  'study_observation',
  'audit_event',
] as const;

/** Rows per study table: compared before and after a failed import to prove nothing was written. */
export async function countRows(url: string): Promise<Record<string, number>> {
  const handle = await openDatabase({ url });
  try {
    const counts: Record<string, number> = {};
    for (const table of studyTables) {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    return counts;
  } finally {
    await handle.destroy();
  }
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `peerbridge <args>` in process, with captured output and no TTY. */
export async function runCli(
  args: string[],
  options: { stdin?: string; cwd?: string } = {},
): Promise<CliRun> {
  const stdout = new StringSink();
  const stderr = new StringSink();
  const code = await main(args, {
    stdout,
    stderr,
    env: testEnv,
    stdin: options.stdin === undefined ? undefined : Readable.from([options.stdin]),
    cwd: options.cwd ?? process.cwd(),
    progress: 'none',
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

/**
 * Run `peerbridge <args>` as a real child process (signals need one), with `env` added to the
 * environment, calling `watch` with the stderr so far and the signal sender after each chunk.
 */
export function cliInChild(
  args: ReadonlyArray<string>,
  watch: (stderr: string, signal: (name: NodeJS.Signals) => boolean) => void,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', ...args], {
      cwd: cliDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      watch(stderr, (name) => child.kill(name));
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `peerbridge --db <url> --progress lines import <file> --study <study>` in a child process (see cliInChild). */
export function importInChild(
  url: string,
  file: string,
  study: string,
  watch: (stderr: string, signal: (name: NodeJS.Signals) => boolean) => void,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return cliInChild(['--db', url, '--progress', 'lines', 'import', file, '--study', study], watch);
}

/**
 * Run `peerbridge <args>` in a child held at `phase` by the test hook (PEERBRIDGE_TEST_PAUSE_AT), send
 * `signal` once it says it is paused there, and return the run. `onPaused` sees the paused moment (for
 * example the partial files on disk).
 */
export async function interruptAtPhase(
  args: ReadonlyArray<string>,
  phase: string,
  signal: NodeJS.Signals,
  onPaused: () => void = () => {},
): Promise<{ code: number | null; stdout: string; stderr: string; sent: boolean }> {
  let sent = false;
  const run = await cliInChild(
    args,
    (stderr, send) => {
      if (!sent && stderr.includes(`paused at ${phase} `)) {
        onPaused();
        sent = send(signal);
      }
    },
    { PEERBRIDGE_TEST_PAUSE_AT: phase },
  );
  return { ...run, sent };
}
