/** Opens the application database from a URL: a SQLite file path or a postgres:// URL. */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { createPostgresConnection } from './postgres-dialect';
import { registerRawSqlite } from './repositories/study-row-writer';
import type { Database } from './schema';
import { createSqliteConnection } from './sqlite-dialect';

export type DialectName = 'sqlite' | 'postgres';

export const DEFAULT_DATABASE_URL = './data/peerbridge.db';

export interface OpenDatabaseOptions {
  /** A SQLite file path (default `./data/peerbridge.db`), `:memory:`, or a `postgres://` URL. */
  url?: string | undefined;
  /** Pool size on PostgreSQL (ignored on SQLite, which has one connection). */
  maxConnections?: number | undefined;
  /**
   * SQLite: how long a write waits for the write lock (held by another writer or process) before it
   * fails with DatabaseBusyError; default 5000 ms. Ignored on PostgreSQL.
   */
  busyTimeoutMs?: number | undefined;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly url: string;
  /** The raw better-sqlite3 handle on SQLite (backups, bulk paths); null on PostgreSQL. */
  readonly sqlite: BetterSqlite3.Database | null;
  /** Closes the pool or the file. */
  destroy(): Promise<void>;
}

export function dialectOfUrl(url: string): DialectName {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/**
 * Opens the database. Migrations are not applied here: call `migrateToLatest(handle)`.
 * @example const handle = await openDatabase({ url: process.env.DATABASE_URL });
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const url = options.url?.trim() || DEFAULT_DATABASE_URL;
  const dialect = dialectOfUrl(url);
  if (dialect === 'postgres') {
    const { dialect: pgDialect, pool } = createPostgresConnection(url, options.maxConnections);
    const db = new Kysely<Database>({ dialect: pgDialect });
    try {
      await pool.query('select 1');
    } catch (error) {
      await db.destroy();
      throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return { db, dialect, url, sqlite: null, destroy: () => db.destroy() };
  }
  const { dialect: sqliteDialect, sqlite } = createSqliteConnection(url, options.busyTimeoutMs);
  const db = new Kysely<Database>({ dialect: sqliteDialect });
  registerRawSqlite(db, sqlite);
  return { db, dialect, url, sqlite, destroy: () => db.destroy() };
}

/** The same function under the name the services and API use for it. */
export const createDatabase = openDatabase;

/** Hides the password in a connection URL before it goes into an error message or a log. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
