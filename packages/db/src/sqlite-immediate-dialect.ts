/**
 * A Kysely SQLite dialect whose transactions take the write lock up front (`BEGIN IMMEDIATE`) and wait
 * for it without blocking the event loop, up to the busy timeout; past it they throw DatabaseBusyError.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { DatabaseBusyError, isDatabaseBusy } from './database-busy';

/** Longest pause between two tries for the lock: short, so a freed lock is taken soon after. */
const MAX_PAUSE_MS = 20;

/**
 * Why not plain `BEGIN`: a deferred transaction that reads and then writes cannot wait for the lock
 * (SQLite answers SQLITE_BUSY_SNAPSHOT at once when another process committed in between). Why not
 * SQLite's own busy handler for the `BEGIN IMMEDIATE`: better-sqlite3 is synchronous, so it would
 * freeze every request of this process while it waits; here we wait with timers instead.
 */
async function beginImmediate(sqlite: Database.Database, busyTimeoutMs: number): Promise<void> {
  const deadline = performance.now() + busyTimeoutMs;
  let pause = 1;
  sqlite.pragma('busy_timeout = 0');
  try {
    for (;;) {
      try {
        sqlite.exec('BEGIN IMMEDIATE');
        return;
      } catch (error) {
        if (!isDatabaseBusy(error)) throw error;
        const left = deadline - performance.now();
        if (left <= 0) {
          throw new DatabaseBusyError(
            `The database is busy: another writer held its write lock for over ${busyTimeoutMs} ms`,
            { cause: error },
          );
        }
        await sleep(Math.min(left, pause * (0.5 + Math.random())));
        pause = Math.min(MAX_PAUSE_MS, pause * 2);
      }
    }
  } finally {
    // Statements outside transactions (single autocommit writes) still wait through SQLite's handler.
    sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #sqlite: Database.Database;
  readonly #busyTimeoutMs: number;

  constructor(config: SqliteDialectConfig, sqlite: Database.Database, busyTimeoutMs: number) {
    super(config);
    this.#sqlite = sqlite;
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  override async beginTransaction(_connection: DatabaseConnection): Promise<void> {
    // Kysely holds this process's one connection for us (its mutex) until commit or rollback.
    await beginImmediate(this.#sqlite, this.#busyTimeoutMs);
  }
}

/** SqliteDialect with `BEGIN IMMEDIATE` transactions that wait up to `busyTimeoutMs` for the lock. */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #sqlite: Database.Database;
  readonly #busyTimeoutMs: number;

  constructor(config: SqliteDialectConfig, sqlite: Database.Database, busyTimeoutMs: number) {
    super(config);
    this.#config = config;
    this.#sqlite = sqlite;
    this.#busyTimeoutMs = busyTimeoutMs;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#sqlite, this.#busyTimeoutMs);
  }
}
