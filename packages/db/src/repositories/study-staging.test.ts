import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import Sqlite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { aStudyRow, type MigratedTestDatabase, openMigratedTestDatabase } from '../migrated-test-database';
import { openStudyStaging } from './study-staging';

describe.each(testDialects())('import staging on %s', (dialect) => {
  const opened: MigratedTestDatabase[] = [];
  afterAll(async () => {
    for (const m of opened) await m.close();
  });

  async function aStudy() {
    const m = await openMigratedTestDatabase(dialect);
    opened.push(m);
    return { m, studyId: await aStudyRow(m.db, 'Staged') };
  }

  it(
    dialect === 'sqlite'
      ? 'stages rows without holding the write lock, then copies them in one transaction'
      : 'needs no staging: PostgreSQL locks rows, not the file',
    async () => {
      const { m, studyId } = await aStudy();
      const staging = openStudyStaging(m.db);
      if (dialect !== 'sqlite') {
        expect(staging).toBeNull();
        return;
      }
      if (!staging) throw new Error('expected a staging file on SQLite');
      const codes = Array.from({ length: 3000 }, (_, i) => [
        randomUUID(),
        studyId,
        `G-${i}`,
        `Code ${i}`,
        null,
        null,
        1,
      ]);
      await staging.writer.insert(
        'code',
        ['id', 'study_id', 'guid', 'name', 'parent_id', 'indicator', 'is_codable'],
        codes,
      );
      expect(staging.rows).toBe(3000);
      // While rows are staged, another connection takes the write lock at once: none is held.
      const other = new Sqlite(m.handle.sqlite!.name);
      other.pragma('busy_timeout = 0');
      other.exec('begin immediate');
      other.exec('rollback');
      other.close();
      expect(await count(m, studyId)).toBe(0);
      await staging.commit((copy) => m.db.transaction().execute(async (trx) => copy(trx)));
      expect(await count(m, studyId)).toBe(3000);
    },
  );

  // Staging exists only on SQLite; on PostgreSQL the first test shows there is none.
  if (dialect === 'sqlite')
    it('copies nothing when the transaction fails, and the connection works after', async () => {
      const { m, studyId } = await aStudy();
      const staging = openStudyStaging(m.db)!;
      await staging.writer.insert(
        'code',
        ['id', 'study_id', 'guid', 'name', 'parent_id', 'indicator', 'is_codable'],
        [[randomUUID(), studyId, 'G-1', 'One', null, null, 1]],
      );
      await expect(
        staging.commit((copy) =>
          m.db.transaction().execute(async (trx) => {
            await copy(trx);
            throw new Error('interrupted after the copy');
          }),
        ),
      ).rejects.toThrow(/interrupted/);
      expect(await count(m, studyId)).toBe(0);
      // The attachment is gone: the connection works as before.
      expect(await m.db.selectFrom('study').select('id').execute()).toHaveLength(1);
    });

  if (dialect === 'sqlite')
    it('commits two imports staged at once in one process, each whole (one attachment at a time)', async () => {
      const { m, studyId } = await aStudy();
      const other = await aStudyRow(m.db, 'Staged too');
      const stage = async (study: string, n: number) => {
        const staging = openStudyStaging(m.db)!;
        const rows = Array.from({ length: n }, (_, i) => [
          randomUUID(),
          study,
          `G-${i}`,
          `C ${i}`,
          null,
          null,
          1,
        ]);
        await staging.writer.insert(
          'code',
          ['id', 'study_id', 'guid', 'name', 'parent_id', 'indicator', 'is_codable'],
          rows,
        );
        return staging;
      };
      const [a, b] = await Promise.all([stage(studyId, 500), stage(other, 700)]);
      // Both commits start before either has attached its file.
      await Promise.all([
        a.commit((copy) => m.db.transaction().execute(async (trx) => copy(trx))),
        b.commit((copy) => m.db.transaction().execute(async (trx) => copy(trx))),
      ]);
      expect([await count(m, studyId), await count(m, other)]).toEqual([500, 700]);
    });
});

async function count(m: MigratedTestDatabase, studyId: string): Promise<number> {
  const r = await m.db
    .selectFrom('code')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('study_id', '=', studyId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
