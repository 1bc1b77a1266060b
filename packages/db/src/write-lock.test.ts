/**
 * Concurrent writers on one database: a second writer waits for the first instead of failing, a
 * read-then-write transaction never hits SQLITE_BUSY_SNAPSHOT, and waiting never freezes the process.
 */
import { createTestDatabase, type TestDatabase, testDialects } from '@peerbridge/testing';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './connection';
import { DatabaseBusyError, isDatabaseBusy } from './database-busy';

interface CounterDb {
  counter: { id: number; value: number };
}

const opened: DatabaseHandle[] = [];
const databases: TestDatabase[] = [];

afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.destroy();
  for (const tdb of databases.splice(0)) await tdb.drop();
});

async function twoHandles(dialect: 'sqlite' | 'postgres', busyTimeoutMs?: number) {
  const tdb = await createTestDatabase(dialect);
  databases.push(tdb);
  const first = await openDatabase({ url: tdb.url, busyTimeoutMs });
  const second = await openDatabase({ url: tdb.url, busyTimeoutMs });
  opened.push(first, second);
  await sql`create table counter (id integer primary key, value integer not null)`.execute(first.db);
  await sql`insert into counter (id, value) values (1, 0)`.execute(first.db);
  return {
    first: first.db as unknown as Kysely<CounterDb>,
    second: second.db as unknown as Kysely<CounterDb>,
  };
}

async function readValue(db: Kysely<CounterDb>): Promise<number> {
  const row = await db.selectFrom('counter').select('value').where('id', '=', 1).executeTakeFirstOrThrow();
  return row.value;
}

/** Read, then write what was read plus one: loses updates or fails unless the lock is taken up front. */
function increment(db: Kysely<CounterDb>, pause: () => Promise<void> = async () => {}) {
  return db.transaction().execute(async (trx) => {
    const value = await readValue(trx);
    await pause();
    await trx
      .updateTable('counter')
      .set({ value: value + 1 })
      .where('id', '=', 1)
      .execute();
  });
}

describe.each(testDialects())('two connections writing to one %s database', (dialect) => {
  it('lets the second writer wait for the first and keeps both writes', async () => {
    const { first, second } = await twoHandles(dialect);
    const writes = [];
    for (let i = 0; i < 20; i++) writes.push(increment(i % 2 === 0 ? first : second));
    await Promise.all(writes);
    // On PostgreSQL READ COMMITTED may lose updates (no error); SQLite's up-front lock serialises them.
    if (dialect === 'sqlite') expect(await readValue(first)).toBe(20);
    else expect(await readValue(first)).toBeGreaterThan(0);
  });
});

describe('the SQLite write lock', () => {
  it('is taken at BEGIN, so a read-then-write transaction never fails with a busy snapshot', async () => {
    const { first, second } = await twoHandles('sqlite');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first transaction reads, then pauses holding the lock while the second one starts.
    const slow = increment(first, () => held);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fast = increment(second);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(Promise.all([slow, fast])).resolves.toBeDefined();
    expect(await readValue(first)).toBe(2);
  });

  it('waits without freezing the process, and past the busy timeout throws DatabaseBusyError', async () => {
    const { first, second } = await twoHandles('sqlite', 300);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = increment(first, () => held);
    await new Promise((resolve) => setTimeout(resolve, 20));
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const error = await increment(second).catch((e: unknown) => e);
    clearInterval(ticker);
    release();
    await holder;
    expect(error).toBeInstanceOf(DatabaseBusyError);
    expect(isDatabaseBusy(error)).toBe(true);
    expect((error as Error).message).toMatch(/busy.*300 ms/);
    // Timers kept firing while the second writer waited: the event loop was never blocked.
    expect(ticks).toBeGreaterThan(5);
    // Nothing of the refused write landed; the holder's did.
    expect(await readValue(second)).toBe(1);
    // And the connection is usable again afterwards.
    await increment(second);
    expect(await readValue(first)).toBe(2);
  });

  it('tells busy errors from other errors', () => {
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' }))).toBe(true);
    expect(isDatabaseBusy(new Error('wrapped', { cause: { code: '40P01' } }))).toBe(true);
    expect(isDatabaseBusy(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT' }))).toBe(false);
    expect(isDatabaseBusy('SQLITE_BUSY')).toBe(false);
  });
});
