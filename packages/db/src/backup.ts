/** Online backup of the SQLite database (safe while the app runs), verified by reopening the copy. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DatabaseHandle } from './connection';

export interface BackupReport {
  readonly outFile: string;
  readonly totalPages: number;
  /** `ok` when SQLite's integrity_check passed on the copy (anything else throws). */
  readonly integrity: 'ok';
}

/** Pages copied per step: small enough that other connections get their turn between steps. */
export const PAGES_PER_STEP = 100;

export interface BackupOptions {
  /**
   * Called between steps of the copy with the pages left; returns how many pages to copy next (0:
   * none this step; the default copies 100). Throwing stops the copy, and the partial file is removed.
   */
  readonly progress?: (progress: { totalPages: number; remainingPages: number }) => number;
}

/**
 * Copies a live SQLite database to `outFile` with SQLite's online backup API, then opens the copy
 * and runs `PRAGMA integrity_check`. `source` is an open handle or a database file path. On any
 * failure (a stopped copy, a failed check) the partial `outFile` is removed before the error is thrown.
 */
export async function backupSqlite(
  source: DatabaseHandle | string,
  outFile: string,
  options: BackupOptions = {},
): Promise<BackupReport> {
  const target = resolve(outFile);
  if (existsSync(target)) throw new Error(`Backup target ${target} already exists: choose a new file name`);
  mkdirSync(dirname(target), { recursive: true });

  let sqlite: Database.Database;
  let ownsSource = false;
  if (typeof source === 'string') {
    if (!existsSync(source)) throw new Error(`SQLite database ${source} does not exist`);
    sqlite = new Database(source, { readonly: true, fileMustExist: true });
    ownsSource = true;
  } else {
    if (!source.sqlite) {
      throw new Error(`backupSqlite works on SQLite only; this database is ${source.dialect} (use pg_dump)`);
    }
    sqlite = source.sqlite;
  }

  let totalPages = 0;
  try {
    try {
      const result = await sqlite.backup(target, { progress: options.progress ?? (() => PAGES_PER_STEP) });
      totalPages = result.totalPages;
    } finally {
      if (ownsSource) sqlite.close();
    }
    const copy = new Database(target, { fileMustExist: true });
    try {
      // A backup is one self-contained file: no -wal or -shm beside it (opening it again sets WAL).
      copy.pragma('journal_mode = DELETE');
      const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
      const verdict = rows.map((r) => r.integrity_check).join('; ');
      if (verdict !== 'ok') throw new Error(`Backup ${target} failed its integrity check: ${verdict}`);
    } finally {
      copy.close();
    }
  } catch (error) {
    removePartialCopy(target);
    throw error;
  }
  return { outFile: target, totalPages, integrity: 'ok' };
}

/** The copy and any journal SQLite left beside it. */
export function removePartialCopy(target: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
}
