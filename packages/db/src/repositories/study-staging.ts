/**
 * Staging for SQLite imports (ADR 0014): a large import reads and plans its rows into a private
 * temporary SQLite file, holding no lock on the shared database, then copies them in one short
 * transaction (`INSERT ... SELECT` from the attached file). Writers of the api wait milliseconds,
 * not the length of the read. On PostgreSQL, which locks rows rather than the file, there is no
 * staging: rows go straight into the import's transaction.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import Sqlite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';
import { sqliteBatchInsert } from './sqlite-batch-insert';
import { rawSqliteOf, type StudyRowWriter, type StudyTable } from './study-row-writer';

/** Tables in the order their rows can be copied (parents before children). */
const copyOrder: readonly StudyTable[] = [
  'participant',
  'code',
  'document',
  'coded_segment',
  'study_observation',
  'study_project',
  'study_user',
  'study_selection',
  'study_note',
  'study_note_ref',
  'study_set',
  'study_set_member',
];

export interface StudyStaging {
  /** Writes rows into the staging file. */
  readonly writer: StudyRowWriter;
  /** Rows staged so far. */
  readonly rows: number;
  /**
   * Copy every staged row into the shared database inside `write`'s transaction, then remove the
   * staging file. `write` receives the open transaction and a function that copies the rows.
   */
  commit<T>(write: (copy: (trx: Kysely<Database>) => Promise<void>) => Promise<T>): Promise<T>;
  /** Drop the staging file without copying (an error or an interrupt). */
  discard(): void;
}

/** A staging file for `db`, or null when `db` is not SQLite (PostgreSQL needs none). */
export function openStudyStaging(db: Kysely<Database>): StudyStaging | null {
  const main = rawSqliteOf(db);
  if (!main) return null;
  const dir = mkdtempSync(join(tmpdir(), 'peerbridge-import-'));
  const path = join(dir, 'staging.sqlite');
  const staging: BetterSqlite3.Database = new Sqlite(path);
  staging.pragma('journal_mode = OFF');
  staging.pragma('synchronous = OFF');
  staging.exec('begin');
  const columnsOf = new Map<StudyTable, readonly string[]>();
  const insert = sqliteBatchInsert(staging);
  let rows = 0;
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    if (staging.open) staging.close();
    rmSync(dir, { recursive: true, force: true });
  };
  const writer: StudyRowWriter = {
    async insert(table, columns, batch) {
      const known = columnsOf.get(table);
      if (!known) {
        staging.exec(`create table "${table}" (${columns.map((c) => `"${c}"`).join(',')})`);
        columnsOf.set(table, columns);
      } else if (known.join() !== columns.join()) {
        // One import writes each table with one column list; a second list is a programming error.
        throw new Error(`staging: ${table} written with two column lists`);
      }
      rows += insert(table, columns, batch);
      return batch.length;
    },
  };
  return {
    writer,
    get rows() {
      return rows;
    },
    async commit(write) {
      staging.exec('commit');
      staging.close();
      // One copy at a time per database handle: every staging file is attached under the one name
      // `staging`, so a second import committing at once in this process would find the name taken
      // (SQLite takes one writer at a time anyway, so waiting here costs nothing).
      return oneCopyAtATime(main, async () => {
        // ATTACH is refused inside a transaction, so it comes first; DETACH follows the commit or rollback.
        await sql`attach database ${path} as staging`.execute(db);
        try {
          return await write(async (trx) => {
            for (const table of copyOrder) {
              const columns = columnsOf.get(table);
              if (!columns) continue;
              const list = columns.map((c) => `"${c}"`).join(',');
              await sql
                .raw(
                  `insert into main."${table}" (${list}) select ${list} from staging."${table}" order by rowid`,
                )
                .execute(trx);
            }
          });
        } finally {
          await sql`detach database staging`.execute(db).catch(() => undefined);
          close();
        }
      });
    },
    discard: close,
  };
}

/** The last staged copy queued on each raw SQLite handle: each waits for the one before it. */
const copies = new WeakMap<BetterSqlite3.Database, Promise<unknown>>();

function oneCopyAtATime<T>(handle: BetterSqlite3.Database, copy: () => Promise<T>): Promise<T> {
  const previous = copies.get(handle) ?? Promise.resolve();
  const next = previous.then(copy, copy);
  copies.set(
    handle,
    next.catch(() => undefined),
  );
  return next;
}
