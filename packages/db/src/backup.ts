/** Online backup of the SQLite database (safe while the app runs), verified by reopening the copy. */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { DatabaseHandle } from './connection';

export interface BackupReport {
  readonly outFile: string;
  readonly totalPages: number;
  /** `ok` when SQLite's integrity_check passed on the copy (anything else throws). */
  readonly integrity: 'ok';
}

/**
 * Copies a live SQLite database to `outFile` with SQLite's online backup API, then opens the copy
 * and runs `PRAGMA integrity_check`. `source` is an open handle or a database file path.
 */
export async function backupSqlite(source: DatabaseHandle | string, outFile: string): Promise<BackupReport> {
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
    const result = await sqlite.backup(target);
    totalPages = result.totalPages;
  } finally {
    if (ownsSource) sqlite.close();
  }

  const copy = new Database(target, { readonly: true, fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const verdict = rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') throw new Error(`Backup ${target} failed its integrity check: ${verdict}`);
  } finally {
    copy.close();
  }
  return { outFile: target, totalPages, integrity: 'ok' };
}
