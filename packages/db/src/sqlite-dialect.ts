/** Kysely dialect for the embedded default: one better-sqlite3 file tuned for a small server. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqliteFile } from './native-sqlite';
import { ImmediateSqliteDialect } from './sqlite-immediate-dialect';

export interface SqliteConnection {
  readonly dialect: ImmediateSqliteDialect;
  /** The raw better-sqlite3 handle, for the online backup API and fast bulk paths. */
  readonly sqlite: Database.Database;
}

/** How long a write waits for another writer (this or another process) by default, in milliseconds. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating folder and file if needed) a SQLite database with the pragmas we rely on. Write
 * transactions take the lock up front and wait up to `busyTimeoutMs` for it (ADR 0014).
 */
export function createSqliteConnection(
  file: string,
  busyTimeoutMs: number = DEFAULT_BUSY_TIMEOUT_MS,
): SqliteConnection {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = openSqliteFile(file);
  // WAL lets readers run beside the one writer; NORMAL sync is safe with WAL and much faster.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // Another process (the CLI beside the API) may hold the write lock for a moment.
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  const dialect = new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }, sqlite, busyTimeoutMs);
  return { dialect, sqlite };
}

/** How many prepared statements to keep per connection (the app has a few hundred distinct queries). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small indexed query.
 * Kysely runs one query at a time on the single connection and each `all`/`run` finishes synchronously,
 * so a statement is never in use twice at once and can be reused. SQLite re-prepares a reused statement
 * itself after a schema change. Bounded, least recently used first out.
 */
function withStatementCache(sqlite: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => {
      statements.clear();
      sqlite.close();
    },
    prepare: (sql: string): Database.Statement => {
      const cached = statements.get(sql);
      if (cached !== undefined) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}
