import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOrganization,
  aUser,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from '../migrated-test-database';
import {
  appendAuditEvent,
  appendAuditEvents,
  getOrganizationRevision,
  listAuditEvents,
} from './audit.repository';

describe.each(testDialects())('audit repository on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let org: string;
  let otherOrg: string;
  let actor: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    org = await anOrganization(t.db);
    otherOrg = await anOrganization(t.db);
    actor = await aUser(t.db);
  });
  afterAll(() => t.close());

  it('appends events with JSON details and reads them back newest first', async () => {
    const one = await appendAuditEvent(t.db, org, {
      actorUserId: actor,
      action: 'session.notes.read',
      entityType: 'supervision_session',
      entityId: 's-1',
      details: { reason: 'preparing supervision', count: 2, nested: { ok: true } },
      at: '2026-11-01T10:00:00.000Z',
    });
    await appendAuditEvent(t.db, otherOrg, {
      actorUserId: actor,
      action: 'x',
      entityType: 'y',
      at: '2026-11-02T10:00:00.000Z',
    });
    await appendAuditEvent(t.db, null, { actorUserId: null, action: 'auth.failed', entityType: 'user' });
    const page = await listAuditEvents(t.db, org);
    expect(page).toEqual({ events: [one], nextCursor: null });
    expect(page.events[0]?.details).toEqual({
      reason: 'preparing supervision',
      count: 2,
      nested: { ok: true },
    });
  });

  it('pages through a long log with a cursor, newest first, without gaps or repeats', async () => {
    const events = Array.from({ length: 25 }, (_, i) => ({
      actorUserId: actor,
      action: 'worker.read',
      entityType: 'peer_worker',
      entityId: `w-${i}`,
      // Pairs share a timestamp, so the id has to break ties.
      at: `2026-11-10T10:00:${String(Math.floor(i / 2)).padStart(2, '0')}.000Z`,
    }));
    await appendAuditEvents(t.db, org, events);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listAuditEvents(t.db, org, { limit: 10, before: cursor, entityType: 'peer_worker' });
      for (const e of page.events) seen.push(e.at + e.id);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.length).toBe(25);
    expect(new Set(seen).size).toBe(25);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('refuses a cursor it did not make', async () => {
    await expect(listAuditEvents(t.db, org, { before: 'garbage' })).rejects.toThrow(/Invalid audit cursor/);
  });

  it('bumps the organisation revision once per append call, in the transaction of the change', async () => {
    const fresh = await anOrganization(t.db);
    const bystander = await anOrganization(t.db);
    expect(await getOrganizationRevision(t.db, fresh)).toBe(0);
    await appendAuditEvent(t.db, fresh, { actorUserId: actor, action: 'unit.create', entityType: 'unit' });
    expect(await getOrganizationRevision(t.db, fresh)).toBe(1);
    // Three events in one call are one write: one bump.
    await appendAuditEvents(t.db, fresh, [
      { actorUserId: actor, action: 'a', entityType: 'x' },
      { actorUserId: actor, action: 'b', entityType: 'x' },
      { actorUserId: actor, action: 'c', entityType: 'x' },
    ]);
    expect(await getOrganizationRevision(t.db, fresh)).toBe(2);
    // Events outside an organisation bump nothing; other organisations keep their revision.
    await appendAuditEvent(t.db, null, { actorUserId: null, action: 'auth.failed', entityType: 'user' });
    expect(await getOrganizationRevision(t.db, fresh)).toBe(2);
    expect(await getOrganizationRevision(t.db, bystander)).toBe(0);
    // A rolled-back change takes its event and its bump with it.
    await expect(
      t.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, fresh, { actorUserId: actor, action: 'doomed', entityType: 'x' });
        expect(await getOrganizationRevision(trx, fresh)).toBe(3);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await getOrganizationRevision(t.db, fresh)).toBe(2);
    expect(await getOrganizationRevision(t.db, 'no-such-organization')).toBeNull();
  });
});
