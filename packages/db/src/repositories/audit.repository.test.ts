import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOrganization,
  aUser,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from '../migrated-test-database';
import { appendAuditEvent, appendAuditEvents, listAuditEvents } from './audit.repository';

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
      seen.push(...page.events.map((e) => e.at + e.id));
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
});
