import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSqlite } from './backup';
import { type DatabaseHandle, openDatabase } from './connection';
import { migrateToLatest } from './migrate';
import { anOrganization } from './migrated-test-database';

describe('backupSqlite', () => {
  let dir: string;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'peerbridge-backup-'));
    handle = await openDatabase({ url: join(dir, 'live.db') });
    await migrateToLatest(handle);
    await anOrganization(handle.db, { name: 'Backed Up Org' });
  });
  afterAll(async () => {
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a live database (WAL content included) and verifies the copy', async () => {
    const out = join(dir, 'copies', 'one.db');
    const report = await backupSqlite(handle, out);
    expect(report.integrity).toBe('ok');
    expect(report.totalPages).toBeGreaterThan(0);
    const copy = new Database(out, { readonly: true });
    const rows = copy.prepare('select name from organization').all();
    copy.close();
    expect(rows).toEqual([{ name: 'Backed Up Org' }]);
    // One self-contained file: the check left no -wal or -shm beside it.
    expect(existsSync(`${out}-wal`) || existsSync(`${out}-shm`)).toBe(false);
  });

  it('backs up from a file path too', async () => {
    const out = join(dir, 'two.db');
    await backupSqlite(join(dir, 'live.db'), out);
    expect(existsSync(out)).toBe(true);
  });

  it('refuses to overwrite an existing file', async () => {
    const out = join(dir, 'taken.db');
    writeFileSync(out, 'x');
    await expect(backupSqlite(handle, out)).rejects.toThrow(/already exists/);
  });

  it('refuses a missing source file with its name', async () => {
    await expect(backupSqlite(join(dir, 'missing.db'), join(dir, 'three.db'))).rejects.toThrow(
      /missing\.db does not exist/,
    );
  });

  it('removes the partial copy when the progress callback stops it part-way', async () => {
    const out = join(dir, 'stopped.db');
    let calls = 0;
    const stop = backupSqlite(handle, out, {
      progress: ({ totalPages, remainingPages }) => {
        calls += 1;
        // One page first, so a partial file exists on disk when the copy is stopped.
        if (totalPages === remainingPages) return 1;
        throw new Error('stop the copy');
      },
    });
    await expect(stop).rejects.toThrow('stop the copy');
    expect(calls).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}-journal`)).toBe(false);
    // The source is untouched and a backup to the same name works afterwards.
    expect((await backupSqlite(handle, out)).integrity).toBe('ok');
  });
});
