/** Kysely dialect for the embedded default: one better-sqlite3 file tuned for a small server. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteDialect } from 'kysely';

export interface SqliteConnection {
  readonly dialect: SqliteDialect;
  /** The raw better-sqlite3 handle, for the online backup API and fast bulk paths. */
  readonly sqlite: Database.Database;
}

/** Opens (creating folder and file if needed) a SQLite database with the pragmas we rely on. */
export function createSqliteConnection(file: string): SqliteConnection {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  // WAL lets readers run beside the one writer; NORMAL sync is safe with WAL and much faster.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (the CLI beside the API) may hold the write lock for a moment.
  sqlite.pragma('busy_timeout = 5000');
  return { dialect: new SqliteDialect({ database: sqlite }), sqlite };
}
