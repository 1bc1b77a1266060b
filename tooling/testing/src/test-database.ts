/**
 * A fresh, empty database per test file on each dialect: a new SQLite file in a temporary folder, or
 * a new database in the run's throwaway PostgreSQL server.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
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

/**
 * A state many test databases start from (e.g. every migration applied), built once and then copied:
 * once per worker process for SQLite (a file copy), once per run's server for PostgreSQL
 * (`CREATE DATABASE ... TEMPLATE`), which is far cheaper than replaying every migration per file.
 */
export interface DatabaseTemplate {
  /** Names the template: letters, digits and underscores. */
  readonly key: string;
  /** Brings the empty database at `url` to the template's state, closing every connection it opens. */
  prepare(url: string): Promise<void>;
}

/** A fresh database: empty, or a copy of `template`. */
export async function createTestDatabase(
  dialect: DialectName,
  template?: DatabaseTemplate,
): Promise<TestDatabase> {
  if (template && !/^[a-z0-9_]+$/.test(template.key)) throw new Error(`Bad template key ${template.key}`);
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'peerbridge-sqlite-'));
    const url = join(dir, 'test.db');
    if (template) copySqliteFile(await sqliteTemplate(template), url);
    return {
      dialect,
      url,
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('No PostgreSQL server in this test run');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const urlOf = (database: string) => adminUrl.replace(/\/postgres$/, `/${database}`);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    if (template) await createFromPostgresTemplate(admin, name, template, urlOf);
    else await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = urlOf(name);
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

/** SQLite templates of this process, by key: the file every copy is taken from. */
const sqliteTemplates = new Map<string, Promise<string>>();

function sqliteTemplate(template: DatabaseTemplate): Promise<string> {
  let file = sqliteTemplates.get(template.key);
  if (!file) {
    const dir = mkdtempSync(join(tmpdir(), `peerbridge-template-${template.key}-`));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'template.db');
    file = template.prepare(path).then(() => path);
    // A failed preparation is not kept: the next file tries again and reports its own error.
    file.catch(() => sqliteTemplates.delete(template.key));
    sqliteTemplates.set(template.key, file);
  }
  return file;
}

/** Copies a closed SQLite database, with its write-ahead log if one was left behind. */
function copySqliteFile(from: string, to: string): void {
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/**
 * `CREATE DATABASE name TEMPLATE tpl_<key>`, building the template first if this server has none. An advisory
 * lock makes the workers of a run build it once; it is built under another name and renamed when complete,
 * so a worker killed half-way leaves no half-built template behind.
 */
async function createFromPostgresTemplate(
  admin: pg.Client,
  name: string,
  template: DatabaseTemplate,
  urlOf: (database: string) => string,
): Promise<void> {
  const ready = `tpl_${template.key}`;
  const building = `${ready}_building`;
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [ready]);
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [ready]);
    if (found.rows.length === 0) {
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      await template.prepare(urlOf(building));
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${ready}`);
    }
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${ready}`);
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [ready]);
  }
}
