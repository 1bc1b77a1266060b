/**
 * Ctrl-C during a backup tells the truth (issue 10): SIGINT or SIGTERM in each phase before the rename
 * removes the partial backup and its checkpoint, leaves the source database as it was and exits 130
 * saying so; one after the rename exits 0 with the report. Each phase is reached with the test hook
 * PEERBRIDGE_TEST_PAUSE_AT, in the real CLI as a child process. Backups copy SQLite only (PostgreSQL is
 * refused, writing nothing; pg_dump is its tool).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@peerbridge/testing';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initializedDatabase, interruptAtPhase, runCli } from '../../test/cli-harness';
import type { BackupPhase } from './backup';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-backup-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table, hashed: equal digests mean the database holds exactly the same data. */
function contentDigest(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      hash.update(table);
      for (const row of db.prepare(`select * from "${table}" order by rowid`).raw().iterate())
        hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

/** A fresh, empty folder for one run's backup. */
function outFolder(name: string): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  return folder;
}

describe('a backup interrupted on sqlite', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await initializedDatabase('sqlite');
  });
  afterAll(async () => {
    await database.drop();
  });

  const interrupted: Array<[BackupPhase, NodeJS.Signals, string[]]> = [
    ['checkpoint', 'SIGINT', []],
    // Part-way through the page copy: the partial copy is on disk when the signal comes.
    ['copying', 'SIGTERM', ['backup.db']],
    ['verified', 'SIGINT', ['backup.db']],
    ['checkpoint-written', 'SIGTERM', ['backup.db', 'backup.db.audit-checkpoint.json']],
  ];

  it.each(interrupted)(
    'at %s by %s: removes the partial files, leaves the database unchanged, exits 130 and says so',
    async (phase, signal, partialAtPause) => {
      const folder = outFolder(phase);
      const out = join(folder, 'backup.db');
      const before = contentDigest(database.url);
      let onDisk: Array<{ name: string; size: number }> = [];
      const run = await interruptAtPhase(
        ['--db', database.url, 'backup', '--out', out],
        phase,
        signal,
        () => {
          onDisk = readdirSync(folder).map((name) => ({ name, size: statSync(join(folder, name)).size }));
        },
      );
      expect(run.sent, run.stderr).toBe(true);
      // While paused only temporary names beside the targets were on disk (mid-copy, SQLite's journal of
      // the copy too), never the targets themselves.
      expect(
        onDisk.every((f) => /^\.backup\.db\..*\.tmp(-journal)?$/.test(f.name)),
        JSON.stringify(onDisk),
      ).toBe(true);
      for (const name of partialAtPause)
        expect(onDisk.some((f) => f.name.startsWith(`.${name}.`) && f.name.endsWith('.tmp'))).toBe(true);
      expect(onDisk.some((f) => f.size > 0) || partialAtPause.length === 0).toBe(true);
      expect(run.code, run.stderr).toBe(130);
      expect(run.stderr).toContain(
        `interrupted (${signal}) at ${phase}: the partial backup was removed, nothing was written to ${out}`,
      );
      expect(run.stderr).toMatch(/was only read and is unchanged/);
      expect(run.stdout).toBe('');
      expect(readdirSync(folder)).toEqual([]);
      expect(contentDigest(database.url)).toBe(before);
      // Nothing is in the way of the next backup to the same name.
      const again = await runCli(['--db', database.url, 'backup', '--out', out]);
      expect(again.code, again.stderr).toBe(0);
    },
    60_000,
  );

  it('after the rename: a signal hears that the backup is complete; exit 0 with the report', async () => {
    const folder = outFolder('done');
    const out = join(folder, 'backup.db');
    const before = contentDigest(database.url);
    const run = await interruptAtPhase(['--db', database.url, 'backup', '--out', out], 'done', 'SIGINT');
    expect(run.sent, run.stderr).toBe(true);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/SIGINT came after the work was committed; it is complete/);
    expect(run.stderr).not.toMatch(/nothing was written|removed/);
    expect(run.stdout).toMatch(/Backed up .* integrity ok/);
    expect(readdirSync(folder).sort()).toEqual(['backup.db', 'backup.db.audit-checkpoint.json']);
    expect(contentDigest(out)).toBe(before);
    const verify = await runCli([
      '--db',
      out,
      'audit',
      'verify',
      '--checkpoint',
      join(folder, 'backup.db.audit-checkpoint.json'),
    ]);
    expect(verify.code, verify.stderr).toBe(0);
  }, 60_000);
});

describe('a backup of a postgres database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database.drop();
  });

  it('is refused naming pg_dump, and writes nothing', async () => {
    const folder = outFolder('postgres');
    const run = await runCli(['--db', database.url, 'backup', '--out', join(folder, 'backup.db')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pg_dump/);
    expect(existsSync(join(folder, 'backup.db'))).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });
});
