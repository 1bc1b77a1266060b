/**
 * better-auth 1.7 core tables (user, session, account, verification, rateLimit) with its default
 * camelCase names. Column types are what better-auth's own migration generator emits per dialect:
 * SQLite stores booleans as integer and dates as `date` (the adapter converts), PostgreSQL uses
 * boolean and timestamptz. Frozen: never import app code here.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const bool = pg ? 'boolean' : 'integer';
  const ts = pg ? 'timestamptz' : 'date';
  // better-auth relies on a database default for some timestamps only on PostgreSQL.
  const nowDefault = sql`CURRENT_TIMESTAMP`;

  await db.schema
    .createTable('user')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('emailVerified', bool, (c) => c.notNull())
    .addColumn('image', 'text')
    .addColumn('createdAt', ts, (c) => (pg ? c.notNull().defaultTo(nowDefault) : c.notNull()))
    .addColumn('updatedAt', ts, (c) => (pg ? c.notNull().defaultTo(nowDefault) : c.notNull()))
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('expiresAt', ts, (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('createdAt', ts, (c) => (pg ? c.notNull().defaultTo(nowDefault) : c.notNull()))
    .addColumn('updatedAt', ts, (c) => c.notNull())
    .addColumn('ipAddress', 'text')
    .addColumn('userAgent', 'text')
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .execute();

  await db.schema
    .createTable('account')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('accountId', 'text', (c) => c.notNull())
    .addColumn('providerId', 'text', (c) => c.notNull())
    .addColumn('userId', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('accessToken', 'text')
    .addColumn('refreshToken', 'text')
    .addColumn('idToken', 'text')
    .addColumn('accessTokenExpiresAt', ts)
    .addColumn('refreshTokenExpiresAt', ts)
    .addColumn('scope', 'text')
    .addColumn('password', 'text')
    .addColumn('createdAt', ts, (c) => (pg ? c.notNull().defaultTo(nowDefault) : c.notNull()))
    .addColumn('updatedAt', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('verification')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expiresAt', ts, (c) => c.notNull())
    .addColumn('createdAt', ts, (c) => (pg ? c.notNull().defaultTo(nowDefault) : c.notNull()))
    .addColumn('updatedAt', ts, (c) => (pg ? c.notNull().defaultTo(nowDefault) : c.notNull()))
    .execute();

  await db.schema
    .createTable('rateLimit')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('lastRequest', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema.createIndex('session_userId_idx').on('session').column('userId').execute();
  await db.schema.createIndex('account_userId_idx').on('account').column('userId').execute();
  await db.schema
    .createIndex('verification_identifier_idx')
    .on('verification')
    .column('identifier')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['rateLimit', 'verification', 'account', 'session', 'user']) {
    await db.schema.dropTable(table).execute();
  }
}
