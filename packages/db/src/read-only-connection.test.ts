/** The worker's read-only connection (issue 10): it reads what the server wrote and can write nothing. */
import { existsSync } from 'node:fs';
import { createTestDatabase, testDialects } from '@peerbridge/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MigratedTestDatabase, openMigratedTestDatabase } from './migrated-test-database';
import { openReadOnlyDatabase, type ReadOnlyDatabase } from './read-only-connection';

describe.each(testDialects())('a read-only connection on %s', (dialect) => {
  let main: MigratedTestDatabase;
  let reader: ReadOnlyDatabase;

  beforeAll(async () => {
    main = await openMigratedTestDatabase(dialect);
    await main.db
      .insertInto('organization')
      .values({ id: 'org-ro', name: 'Synthetic Care Trust', created_at: '2026-12-01T08:00:00.000Z' })
      .execute();
    reader = await openReadOnlyDatabase(main.handle.url);
  });
  afterAll(async () => {
    await reader?.destroy();
    await main?.close();
  });

  it('reads what the server committed, including writes made after it opened', async () => {
    await main.db
      .insertInto('organization')
      .values({ id: 'org-later', name: 'Later Trust', created_at: '2026-12-01T09:00:00.000Z' })
      .execute();
    const rows = await reader.db.selectFrom('organization').select('id').orderBy('id').execute();
    expect(rows.map((r) => r.id)).toEqual(['org-later', 'org-ro']);
  });

  it('refuses every write and leaves the data as it was', async () => {
    await expect(
      reader.db
        .insertInto('organization')
        .values({ id: 'org-x', name: 'Intruder', created_at: '2026-12-01T10:00:00.000Z' })
        .execute(),
    ).rejects.toThrow(/read.?only/i);
    await expect(
      reader.db.updateTable('organization').set({ name: 'Renamed' }).where('id', '=', 'org-ro').execute(),
    ).rejects.toThrow(/read.?only/i);
    await expect(sql`delete from organization`.execute(reader.db)).rejects.toThrow(/read.?only/i);
    // Even a transaction that asks to write cannot.
    await expect(
      reader.db.transaction().execute((trx) => trx.deleteFrom('organization').execute()),
    ).rejects.toThrow(/read.?only/i);
    const rows = await main.db.selectFrom('organization').select(['id', 'name']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'org-later', name: 'Later Trust' },
      { id: 'org-ro', name: 'Synthetic Care Trust' },
    ]);
  });
});

describe('a read-only connection to a database that is not there', () => {
  it('names the SQLite file and creates nothing', async () => {
    const tdb = await createTestDatabase('sqlite');
    try {
      await expect(openReadOnlyDatabase(`${tdb.url}.missing`)).rejects.toThrow(
        /Cannot open the SQLite file .*test\.db\.missing read-only/,
      );
      expect(existsSync(`${tdb.url}.missing`)).toBe(false);
      await expect(openReadOnlyDatabase(':memory:')).rejects.toThrow(/needs a SQLite file/);
    } finally {
      await tdb.drop();
    }
  });

  it('names the PostgreSQL server with the password hidden', async () => {
    await expect(openReadOnlyDatabase('postgres://app:secret@127.0.0.1:1/none')).rejects.toThrow(
      /Cannot connect to PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/none/,
    );
  });
});
