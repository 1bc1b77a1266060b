/** The one error for "the database is busy, try again shortly": write lock contention past the wait. */

/** SQLite result codes (better-sqlite3 `SqliteError.code`) that mean another connection holds a lock. */
const SQLITE_BUSY_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_LOCKED',
]);

/**
 * PostgreSQL SQLSTATEs for contention a retry resolves: serialization failure, deadlock, lock not
 * available. Our transactions run at READ COMMITTED, so these are rare, but they are not our bug.
 */
const POSTGRES_BUSY_CODES = new Set(['40001', '40P01', '55P03']);

/** Thrown when a write could not get the database's write lock within the busy timeout. */
export class DatabaseBusyError extends Error {
  override name = 'DatabaseBusyError';
  /** Seconds a client should wait before retrying (the `Retry-After` the api sends). */
  readonly retryAfterSeconds: number;
  constructor(message: string, options: { cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, { cause: options.cause });
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
  }
}

/** True for a DatabaseBusyError, a SQLite busy/locked error or a PostgreSQL contention error, at any depth of `cause`. */
export function isDatabaseBusy(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth++) {
    if (current instanceof DatabaseBusyError) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (SQLITE_BUSY_CODES.has(code) || POSTGRES_BUSY_CODES.has(code)))
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
