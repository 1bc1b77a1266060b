import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { aStudyRow, type MigratedTestDatabase, openMigratedTestDatabase } from '../migrated-test-database';
import { type RowScalar, studyRowWriter } from './study-row-writer';
import { openStudyStaging } from './study-staging';

const COLUMNS = ['id', 'study_id', 'guid', 'name', 'parent_id', 'indicator', 'is_codable'] as const;

/** 131 rows: two full multi-row statements of 64 and three single rows, with NULLs and odd text. */
const codeRows = (studyId: string): RowScalar[][] =>
  Array.from({ length: 131 }, (_, i) => [
    randomUUID(),
    studyId,
    `G-${i}`,
    i % 7 === 0 ? `Kód "${i}" ; drop table code; --` : `Code ${i}`,
    null,
    i % 3 === 0 ? null : `indicator-${i}`,
    i % 2,
  ]);

describe.each(testDialects())('study row writer on %s', (dialect) => {
  const opened: MigratedTestDatabase[] = [];
  afterAll(async () => {
    for (const m of opened) await m.close();
  });

  async function aStudy() {
    const m = await openMigratedTestDatabase(dialect);
    opened.push(m);
    return { m, studyId: await aStudyRow(m.db, 'Written') };
  }

  async function stored(m: MigratedTestDatabase, studyId: string): Promise<RowScalar[][]> {
    const rows = await m.db
      .selectFrom('code')
      .select([...COLUMNS])
      .where('study_id', '=', studyId)
      .execute();
    const byGuid = (a: RowScalar[], b: RowScalar[]) =>
      Number(String(a[2]).slice(2)) - Number(String(b[2]).slice(2));
    return rows
      .map((r) => COLUMNS.map((c) => (c === 'is_codable' ? Number(r[c]) : r[c]) as RowScalar))
      .sort(byGuid);
  }

  it('writes every row with exactly its values, in batches and singly, inside a transaction', async () => {
    const { m, studyId } = await aStudy();
    const rows = codeRows(studyId);
    await m.db.transaction().execute(async (trx) => {
      expect(await studyRowWriter(trx).insert('code', COLUMNS, rows)).toBe(131);
    });
    expect(await stored(m, studyId)).toEqual(rows);
  });

  it('a failing row rolls the whole transaction back, batched rows included', async () => {
    const { m, studyId } = await aStudy();
    const rows = codeRows(studyId);
    // The last row repeats the first one's id: the primary key refuses it after 130 rows went in.
    rows.push([rows[0]?.[0] as string, studyId, 'G-dup', 'Duplicate', null, null, 1]);
    await expect(
      m.db.transaction().execute(async (trx) => studyRowWriter(trx).insert('code', COLUMNS, rows)),
    ).rejects.toThrow();
    expect(await stored(m, studyId)).toEqual([]);
  });

  if (dialect === 'sqlite')
    it('staging refuses a row with the wrong number of values, naming the table', async () => {
      const { m, studyId } = await aStudy();
      const staging = openStudyStaging(m.db);
      if (!staging) throw new Error('expected a staging file on SQLite');
      try {
        const rows = codeRows(studyId);
        rows[70] = rows[70]?.slice(0, 6) as RowScalar[];
        await expect(staging.writer.insert('code', COLUMNS, rows)).rejects.toThrow(
          /code: a row has 6 values for 7 columns/,
        );
      } finally {
        staging.discard();
      }
      expect(await stored(m, studyId)).toEqual([]);
    });
});
