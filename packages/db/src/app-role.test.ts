/**
 * The PostgreSQL app role against its own audit log: it can append and read, and nothing else. A real
 * throwaway server, an owner role that migrates and an app role that connects, as docs/deploying.md sets up.
 */
import { randomBytes } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { grantAppPrivileges, ownsAuditTable } from './app-role';
import { verifyAuditChain } from './audit-chain/verify-chain';
import { type DatabaseHandle, openDatabase } from './connection';
import { migrateToLatest } from './migrate';
import { appendAuditEvents } from './repositories/audit.repository';

describe.each(testDialects().filter((d) => d === 'postgres'))('the application role on %s', () => {
  const suffix = randomBytes(4).toString('hex');
  const name = `t_roles_${suffix}`;
  const ownerRole = `pb_owner_${suffix}`;
  const appRole = `pb_app_${suffix}`;
  let adminUrl: string;
  let owner: DatabaseHandle;
  let app: DatabaseHandle;
  let eventId: string;

  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  const urlAs = (role: string) =>
    adminUrl.replace(/\/\/[^@/]*@/, `//${role}:x@`).replace(/\/postgres$/, `/${name}`);

  beforeAll(async () => {
    adminUrl = inject('postgresAdminUrl') as string;
    await admin(`create role ${ownerRole} login password 'x'`);
    await admin(`create role ${appRole} login password 'x'`);
    await admin(`create database ${name} owner ${ownerRole}`);
    owner = await openDatabase({ url: urlAs(ownerRole) });
    await migrateToLatest(owner);
    await grantAppPrivileges(owner.db, appRole);
    app = await openDatabase({ url: urlAs(appRole) });
    await app.db
      .insertInto('organization')
      .values({ id: 'org-1', name: 'Synthetic Trust', created_at: '2026-12-02T10:00:00.000Z' })
      .execute();
    const events = await appendAuditEvents(app.db, 'org-1', [
      { actorUserId: null, action: 'worker.read', entityType: 'peer_worker', entityId: 'w-1' },
      { actorUserId: null, action: 'worker.read', entityType: 'peer_worker', entityId: 'w-2' },
    ]);
    eventId = events[0]?.id as string;
  });
  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`drop role if exists ${appRole}`);
    await admin(`drop role if exists ${ownerRole}`);
  });

  it('appends to and reads the audit log, and does the rest of its work', async () => {
    expect(await ownsAuditTable(app.db)).toBe(false);
    expect(await ownsAuditTable(owner.db)).toBe(true);
    const rows = await app.db.selectFrom('audit_event').select('id').where('chain', '=', 'org-1').execute();
    expect(rows.length).toBe(2);
    await app.db
      .updateTable('organization')
      .set({ name: 'Renamed Trust' })
      .where('id', '=', 'org-1')
      .execute();
    expect((await verifyAuditChain(app.db)).ok).toBe(true);
  });

  it.each([
    ['UPDATE', sql`update audit_event set action = 'nothing' where id = ${'ID'}`],
    ['DELETE', sql`delete from audit_event where id = ${'ID'}`],
    ['TRUNCATE', sql`truncate audit_event`],
    [
      'INSERT ... ON CONFLICT DO UPDATE',
      sql`insert into audit_event select * from audit_event where id = ${'ID'} on conflict (id) do update set action = 'nothing'`,
    ],
    ['DISABLE TRIGGER', sql`alter table audit_event disable trigger audit_event_append_only`],
    ['DISABLE TRIGGER ALL', sql`alter table audit_event disable trigger all`],
    ['DROP TRIGGER', sql`drop trigger audit_event_append_only on audit_event`],
    ['DROP FUNCTION of the trigger', sql`drop function audit_event_refuse_change() cascade`],
    ['DROP TABLE', sql`drop table audit_event`],
    ['ALTER TABLE ... OWNER', sql.raw(`alter table audit_event owner to ${appRole}`)],
    ['DELETE of a chain head', sql`delete from audit_chain_head`],
    ['TRUNCATE of the chain heads', sql`truncate audit_chain_head`],
    [
      'a new trigger on the audit table',
      sql`create trigger sneaky before insert on audit_event for each row execute function audit_event_refuse_change()`,
    ],
    ['changing the migration record', sql`delete from kysely_migration`],
  ])('is refused %s', async (_what, query) => {
    const compiled = query.compile(app.db);
    const params = compiled.parameters.map((p) => (p === 'ID' ? eventId : p));
    await expect(app.db.executeQuery({ ...compiled, parameters: params })).rejects.toThrow(
      /permission denied|must be owner|append-only/,
    );
    const still = await owner.db
      .selectFrom('audit_event')
      .select(['action'])
      .where('id', '=', eventId)
      .executeTakeFirst();
    expect(still).toEqual({ action: 'worker.read' });
  });

  it('cannot move a chain head backwards', async () => {
    await expect(
      app.db.updateTable('audit_chain_head').set({ seq: 0 }).where('chain', '=', 'org-1').execute(),
    ).rejects.toThrow(/only moves forward/);
    const report = await verifyAuditChain(owner.db);
    expect(report.ok).toBe(true);
    expect(report.missingGuards).toEqual([]);
  });
});
