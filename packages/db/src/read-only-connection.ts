/**
 * A read-only connection to the application database, for a worker thread that reads a study by
 * itself (issue 10, ADR 0015): better-sqlite3 opened `readonly` on SQLite (the file must exist; WAL
 * lets it read beside the server's writer), a small pg pool whose sessions are read-only on
 * PostgreSQL. Neither can write, whatever query it is given. Migrations are never run here.
 */
import { Kysely, SqliteDialect } from 'kysely';
import { type DialectName, dialectOfUrl, redactUrl } from './connection';
import { NativeSqliteError, openSqliteFile } from './native-sqlite';
import { createPostgresConnection } from './postgres-dialect';
import type { Database } from './schema';
import { DEFAULT_BUSY_TIMEOUT_MS } from './sqlite-dialect';

export interface ReadOnlyDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  destroy(): Promise<void>;
}

export interface ReadOnlyDatabaseOptions {
  /** Pool size on PostgreSQL (default 2; ignored on SQLite). */
  maxConnections?: number;
}

export async function openReadOnlyDatabase(
  url: string,
  options: ReadOnlyDatabaseOptions = {},
): Promise<ReadOnlyDatabase> {
  const dialect = dialectOfUrl(url);
  if (dialect === 'postgres') {
    const { dialect: pgDialect, pool } = createPostgresConnection(url, options.maxConnections ?? 2, {
      // Every transaction of these sessions is read-only: the server refuses any write.
      options: '-c default_transaction_read_only=on',
      idleTimeoutMillis: 10_000,
    });
    const db = new Kysely<Database>({ dialect: pgDialect });
    try {
      await pool.query('select 1');
    } catch (error) {
      await db.destroy();
      throw new Error(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    return { db, dialect, destroy: () => db.destroy() };
  }
  if (url === ':memory:') throw new Error('A read-only connection needs a SQLite file, not :memory:');
  let sqlite: ReturnType<typeof openSqliteFile>;
  try {
    sqlite = openSqliteFile(url, { readonly: true, fileMustExist: true });
  } catch (error) {
    if (error instanceof NativeSqliteError) throw error;
    throw new Error(`Cannot open the SQLite file ${url} read-only: ${(error as Error).message}`, {
      cause: error,
    });
  }
  // A checkpoint by the writer may hold a lock for a moment.
  sqlite.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect, destroy: () => db.destroy() };
}
