/**
 * Benchmark floor: the rows the import wrote, inserted again with raw better-sqlite3 prepared
 * statements in one transaction into a fresh migrated database. Values are laid out before the clock
 * starts and the best of three runs counts, so the floor is as fast as raw inserts get here.
 */
import { rmSync } from 'node:fs';
import { migrateToLatest, openDatabase } from '@peerbridge/db';

const [source, target] = process.argv.slice(2) as [string, string];
const parents = ['organization', 'user', 'study'] as const;
const timed = ['participant', 'document', 'code', 'coded_segment', 'study_observation'] as const;

interface TableRows {
  columns: string[];
  values: unknown[][];
}

const from = await openDatabase({ url: source });
const rows = new Map<string, TableRows>();
for (const table of [...parents, ...timed]) {
  const list = from.sqlite?.prepare(`select * from "${table}"`).all() as Record<string, unknown>[];
  const columns = Object.keys(list[0] ?? {});
  rows.set(table, { columns, values: list.map((row) => columns.map((c) => row[c])) });
}
await from.destroy();

async function once(file: string): Promise<number> {
  const to = await openDatabase({ url: file });
  await migrateToLatest(to);
  const sqlite = to.sqlite;
  if (!sqlite) throw new Error('floor needs SQLite');
  const insertAll = (table: string) => {
    const { columns, values } = rows.get(table) as TableRows;
    if (values.length === 0) return;
    const statement = sqlite.prepare(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values (${columns.map(() => '?').join(',')})`,
    );
    for (const row of values) statement.run(row);
  };
  // Parents untimed: they are not part of what an import writes.
  sqlite.transaction(() => {
    for (const table of parents) insertAll(table);
  })();
  const started = performance.now();
  sqlite.transaction(() => {
    for (const table of timed) insertAll(table);
  })();
  const seconds = (performance.now() - started) / 1000;
  await to.destroy();
  return seconds;
}

const written = timed.reduce((n, t) => n + (rows.get(t)?.values.length ?? 0), 0);
// Best of three; one run is enough (and keeps the bench minutes shorter) past half a million rows.
const runs: number[] = [];
for (let i = 0; i < (written > 500_000 ? 1 : 3); i++) {
  runs.push(await once(`${target}.${i}`));
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}.${i}${suffix}`, { force: true });
}
process.stdout.write(
  `${JSON.stringify({ seconds: runs.reduce((a, b) => Math.min(a, b)), runs, rows: written, segments: rows.get('coded_segment')?.values.length ?? 0 })}\n`,
);
