import { createTestDatabase, testDialects } from '@peerbridge/testing';
import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from './connection';
import { MigrationError, migrateToLatest, migrationStatus } from './migrate';
import { migrations } from './migrations';

describe.each(testDialects())('migrations on %s', (dialect) => {
  let drop: () => Promise<void>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    const tdb = await createTestDatabase(dialect);
    drop = tdb.drop;
    handle = await openDatabase({ url: tdb.url });
  });
  afterAll(async () => {
    await handle.destroy();
    await drop();
  });

  it('applies every migration to an empty database, in order', async () => {
    const report = await migrateToLatest(handle);
    expect(report.applied).toEqual(Object.keys(migrations));
    expect(handle.dialect).toBe(dialect);
  });

  it('is a no-op the second time', async () => {
    const report = await migrateToLatest(handle.db);
    expect(report.applied).toEqual([]);
    const status = await migrationStatus(handle);
    expect(status.every((m) => m.executedAt !== null)).toBe(true);
  });

  it('creates the application, auth and study tables', async () => {
    const tables = await handle.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    for (const table of [
      'user',
      'session',
      'account',
      'verification',
      'rateLimit',
      'organization',
      'membership',
      'unit',
      'peer_worker',
      'peer_worker_account',
      'supervisor_assignment',
      'supervision_session',
      'supervision_session_revision',
      'session_comment',
      'check_in',
      'own_check_in_answer',
      'planned_session',
      'observation',
      'card_response',
      'action_item',
      'action_item_event',
      'audit_event',
      'study',
      'import_run',
      'participant',
      'document',
      'code',
      'coded_segment',
      'study_observation',
      'study_project',
      'study_user',
      'study_selection',
      'study_note',
      'study_note_ref',
      'study_set',
      'study_set_member',
      'notification',
      'notification_read',
      'digest_sent',
      'team_action',
      'team_action_event',
    ]) {
      expect(names).toContain(table);
    }
  });

  it('gives better-auth the column types its own generator would', async () => {
    const tables = await handle.db.introspection.getTables();
    const user = tables.find((t) => t.name === 'user');
    const emailVerified = user?.columns.find((c) => c.name === 'emailVerified');
    const createdAt = user?.columns.find((c) => c.name === 'createdAt');
    if (dialect === 'postgres') {
      expect(emailVerified?.dataType).toBe('bool');
      expect(createdAt?.dataType).toBe('timestamptz');
    } else {
      expect(emailVerified?.dataType.toLowerCase()).toBe('integer');
      expect(createdAt?.dataType.toLowerCase()).toBe('date');
    }
  });

  if (dialect === 'sqlite') {
    it('turns on WAL, foreign keys, a busy timeout and NORMAL sync', async () => {
      const pragma = async (name: string) => {
        const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(handle.db);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('synchronous')).toBe(1);
    });
  }
});

describe.each(testDialects())('a failing migration on %s', (dialect) => {
  let drop: () => Promise<void>;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    const tdb = await createTestDatabase(dialect);
    drop = tdb.drop;
    handle = await openDatabase({ url: tdb.url });
  });
  afterAll(async () => {
    await handle.destroy();
    await drop();
  });

  it('names the failed migration, leaves none of it behind, and can be retried', async () => {
    // A stray table with a name migration 002 creates half-way through makes it fail there.
    await sql`create table unit (stray integer)`.execute(handle.db);
    const failure = await migrateToLatest(handle).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).message).toMatch(
      /^Database migration 2026-11-26-002-organization failed: /,
    );
    const names = (await handle.db.introspection.getTables()).map((t) => t.name);
    expect(names).not.toContain('organization');
    expect(names).not.toContain('membership');
    await sql`drop table unit`.execute(handle.db);
    const report = await migrateToLatest(handle);
    expect(report.applied.length).toBeGreaterThan(0);
    expect((await migrationStatus(handle)).every((m) => m.executedAt !== null)).toBe(true);
  });

  it('runs every down migration back to an empty schema and up again', async () => {
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    const left = (await handle.db.introspection.getTables()).map((t) => t.name);
    expect(left).toEqual([]);
    expect((await migrateToLatest(handle)).applied).toEqual(Object.keys(migrations));
  });
});
