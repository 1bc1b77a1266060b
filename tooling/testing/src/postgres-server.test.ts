import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { findPostgresBinaries, startPostgresServer } from './postgres-server';

describe('throwaway PostgreSQL server', () => {
  it('starts from the installed binaries, answers queries, and is gone after stop', async () => {
    const binDir = findPostgresBinaries();
    if (!binDir && process.env.CI !== 'true') {
      console.warn('PostgreSQL binaries missing: cannot test the throwaway server here');
      return;
    }
    const server = await startPostgresServer(binDir);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ answer: number }>('select 40 + 2 as answer');
    await client.end();
    expect(rows[0]?.answer).toBe(42);
    await server.stop();
    const after = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 1000 });
    await expect(after.connect()).rejects.toThrow();
  }, 30_000);
});
