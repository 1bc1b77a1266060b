/** Kysely dialect for scale-out: a pg Pool whose type parsers make results match SQLite's. */
import { PostgresDialect } from 'kysely';
import pg from 'pg';

/** PostgreSQL type oids whose default text parsing would differ from what SQLite returns. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Counts and sums come back as int8/numeric, which pg returns as strings to avoid precision loss.
 * Our counts stay far below 2^53, so numbers are the honest, dialect-identical answer.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresConnection {
  readonly dialect: PostgresDialect;
  readonly pool: pg.Pool;
}

export function createPostgresConnection(
  url: string,
  maxConnections = 10,
  extra: Pick<pg.PoolConfig, 'options' | 'idleTimeoutMillis'> = {},
): PostgresConnection {
  // The parsers are set per pool, not globally, so other pg users in the process are untouched.
  const pool = new pg.Pool({ connectionString: url, max: maxConnections, types, ...extra });
  // An idle client that loses its server emits 'error' on the pool; unhandled, that would crash the
  // process. The pool has already discarded that client and the next query reconnects; errors of
  // queries in flight still reach their callers.
  pool.on('error', () => {});
  return { dialect: new PostgresDialect({ pool }), pool };
}
