/**
 * A fresh, empty database per test file on each dialect: a new SQLite file in a temporary folder, or
 * a new database in the run's throwaway PostgreSQL server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

/** What the global setup hands to every test file. */
declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}

export type DialectName = 'sqlite' | 'postgres';

export interface TestDatabase {
  readonly dialect: DialectName;
  /** A SQLite file path or a `postgres://` URL, in the form `DATABASE_URL` takes. */
  readonly url: string;
  drop(): Promise<void>;
}

/** The dialects this run tests: both, or SQLite only when PostgreSQL is missing outside CI. */
export function testDialects(): DialectName[] {
  return inject('postgresAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

export async function createTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'peerbridge-sqlite-'));
    return {
      dialect,
      url: join(dir, 'test.db'),
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('No PostgreSQL server in this test run');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  return {
    dialect,
    url,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
