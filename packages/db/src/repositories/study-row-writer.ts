/**
 * The one writer of imported study rows: tuples in a fixed column order, inside the caller's transaction.
 * On SQLite it runs prepared multi-row statements on the raw better-sqlite3 handle (`sqliteBatchInsert`,
 * several times faster than building SQL text); on PostgreSQL, and outside a transaction, it uses the
 * multi-row `insertInChunks`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { insertInChunks } from './bulk-insert';
import { sqliteBatchInsert } from './sqlite-batch-insert';

export type RowScalar = string | number | null;

/** The tables an import writes. */
export type StudyTable =
  | 'participant'
  | 'document'
  | 'code'
  | 'coded_segment'
  | 'study_observation'
  | 'study_project'
  | 'study_user'
  | 'study_selection'
  | 'study_note'
  | 'study_note_ref'
  | 'study_set'
  | 'study_set_member';

export interface StudyRowWriter {
  /** Insert `rows` (values in `columns` order) into `table`; resolves to how many were written. */
  insert<T extends StudyTable>(
    table: T,
    columns: readonly (keyof Database[T] & string)[],
    rows: ReadonlyArray<ReadonlyArray<RowScalar>>,
  ): Promise<number>;
}

/**
 * Raw SQLite handles by the Kysely adapter they serve: a transaction shares its database's adapter, so
 * the fast path is found from the transaction the service holds. Filled by `openDatabase`.
 */
const rawSqlite = new WeakMap<object, BetterSqlite3.Database>();

export function registerRawSqlite(db: Kysely<Database>, sqlite: BetterSqlite3.Database): void {
  rawSqlite.set(db.getExecutor().adapter, sqlite);
}

/** The raw better-sqlite3 handle behind `db` (or one of its transactions), or undefined on PostgreSQL. */
export function rawSqliteOf(db: Kysely<Database>): BetterSqlite3.Database | undefined {
  return rawSqlite.get(db.getExecutor().adapter);
}

function sqliteWriter(sqlite: BetterSqlite3.Database): StudyRowWriter {
  const insert = sqliteBatchInsert(sqlite);
  return {
    async insert(table, columns, rows) {
      return insert(table, columns, rows);
    },
  };
}

function kyselyWriter(db: Kysely<Database>): StudyRowWriter {
  return {
    async insert(table, columns, rows) {
      const objects = rows.map((row) => {
        const object: Record<string, RowScalar> = {};
        columns.forEach((c, i) => {
          object[c] = row[i] ?? null;
        });
        return object;
      });
      // Column names come from our own code, typed against the schema by the caller.
      return insertInChunks(db, table, columns as never, objects as never);
    },
  };
}

/** The fastest writer for `trx`: raw prepared statements inside an open SQLite transaction, else multi-row inserts. */
export function studyRowWriter(trx: Kysely<Database>): StudyRowWriter {
  const sqlite = rawSqlite.get(trx.getExecutor().adapter);
  return sqlite && trx.isTransaction && sqlite.inTransaction ? sqliteWriter(sqlite) : kyselyWriter(trx);
}
