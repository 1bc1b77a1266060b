/**
 * The audit screen's list (issue 9) on both dialects: each filter narrows to exactly the events it
 * names and they combine; pages never repeat or skip an event while events are written between page
 * reads; a non-admin is refused; bad filters are refused naming the field; PSW names are resolved, also
 * for an event about one of the PSW's sessions, and never across organisations.
 */
import { testDialects } from '@peerbridge/testing';
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../errors';
import { recordSession } from '../sessions/record-session';
import { anotherOrganization, type SeededEvent, seedEvent } from '../test-support/audit-events';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { type AuditLogRow, listAuditLog } from './audit-log';

async function allPages(
  run: (cursor: string | null) => Promise<{ items: AuditLogRow[]; nextCursor: string | null }>,
): Promise<AuditLogRow[]> {
  const rows: AuditLogRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await run(cursor);
    for (const r of page.items) rows.push(r);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}

describe.each(testDialects())('the audit log list on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let seeded: SeededEvent[];
  let sessionId: string;
  let w1: string;
  let w2: string;
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db, { workers: 2 });
    [w1, w2] = org.workerIds as [string, string];
    const other = await anotherOrganization(mdb.handle.db);
    ({ sessionId } = await recordSession(mdb.handle.db, org.supervisor, {
      workerId: w1,
      heldOn: '2026-11-20',
      nothingToRecord: true,
    }));
    seeded = [];
    const actors = ['u-admin', 'u-sup'];
    const actions = ['worker_record.view', 'worker.update', 'session_notes.read'];
    for (let i = 0; i < 18; i++) {
      seeded.push(
        await seedEvent(mdb.handle.db, 'org-1', {
          actorUserId: actors[i % 2] as string,
          action: actions[i % 3] as string,
          entityType: 'peer_worker',
          entityId: i % 4 < 2 ? w1 : w2,
          // Three days, the last of them ending one millisecond before midnight.
          at: `2026-11-${String(10 + (i % 3)).padStart(2, '0')}T${i % 3 === 2 ? '23:59:59.999' : '08:00:00.000'}Z`,
        }),
      );
    }
    // The same PSW id and the same actor id in another organisation: never part of org-1's log.
    await seedEvent(mdb.handle.db, 'org-2', {
      actorUserId: 'u-admin',
      action: 'worker_record.view',
      entityType: 'peer_worker',
      entityId: w1,
      at: '2026-11-11T08:00:00.000Z',
    });
    await seedEvent(mdb.handle.db, 'org-2', {
      actorUserId: other.admin.userId,
      action: 'worker_record.view',
      entityType: 'peer_worker',
      entityId: other.workerId,
      at: '2026-11-11T08:00:00.000Z',
    });
  });
  afterAll(async () => {
    await mdb.close();
  });

  const list = (input: Parameters<typeof listAuditLog>[2]) =>
    allPages((cursor) => listAuditLog(mdb.handle.db, org.admin, { ...input, cursor, limit: 5 }));

  it('narrows by actor, by action (one or several), by PSW and by inclusive UTC days, and combines them', async () => {
    // The truth to compare with: the whole unfiltered log, filtered here in plain code.
    const everything = await list({});
    expect(everything.length).toBeGreaterThan(seeded.length);
    const byActor = await list({ actorUserId: 'u-sup' });
    expect(ids(byActor)).toEqual(ids(everything.filter((e) => e.actorUserId === 'u-sup')));
    expect(byActor.length).toBeLessThan(everything.length);

    const oneAction = await list({ actions: ['worker.update'] });
    expect(ids(oneAction)).toEqual(ids(everything.filter((e) => e.action === 'worker.update')));
    const twoActions = await list({ actions: ['worker.update', 'session_notes.read'] });
    expect(ids(twoActions)).toEqual(
      ids(everything.filter((e) => e.action === 'worker.update' || e.action === 'session_notes.read')),
    );
    expect(twoActions.length).toBeGreaterThan(oneAction.length);

    // Day 12 includes its 23:59:59.999 events; day 11 alone excludes both neighbours.
    const lastDay = await list({ from: '2026-11-12', to: '2026-11-12' });
    expect(ids(lastDay)).toEqual(ids(everything.filter((e) => e.at.startsWith('2026-11-12'))));
    expect(lastDay.length).toBe(6);
    const middle = await list({ from: '2026-11-11', to: '2026-11-11' });
    expect(ids(middle)).toEqual(ids(everything.filter((e) => e.at.startsWith('2026-11-11'))));
    const fromOnly = await list({ from: '2026-11-11' });
    expect(ids(fromOnly)).toEqual(ids(everything.filter((e) => e.at >= '2026-11-11')));

    const combined = await list({
      actorUserId: 'u-admin',
      workerId: w2,
      actions: ['worker_record.view'],
      to: '2026-11-10',
    });
    const expected = seeded.filter(
      (e) =>
        e.actorUserId === 'u-admin' &&
        e.entityId === w2 &&
        e.action === 'worker_record.view' &&
        e.at < '2026-11-11',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(combined)).toEqual(ids(expected));
  });

  it('follows a PSW into their sessions and names them, and leaves out the other PSW and organisation', async () => {
    const rows = await list({ workerId: w1 });
    const session = rows.find((r) => r.entityType === 'supervision_session');
    expect(session?.entityId).toBe(sessionId);
    expect(session?.action).toBe('session.create');
    expect(ids(rows.filter((r) => r.entityType === 'peer_worker'))).toEqual(
      ids(seeded.filter((e) => e.entityId === w1)),
    );
    expect(rows.every((r) => r.workerId === w1 && r.workerName === 'Peer 1')).toBe(true);
    const w2Rows = await list({ workerId: w2 });
    expect(w2Rows.every((r) => r.workerName === 'Peer 2')).toBe(true);
    expect(w2Rows.some((r) => r.entityId === sessionId)).toBe(false);
    // Stored actor name and a label key for the action.
    expect(rows[0]?.actorName).toMatch(/^Name of u-|^u-sup$/);
    expect(w2Rows[0]?.labelKey).toBe(`auditActions.${w2Rows[0]?.action}`);
    // org-2's event about the same id is not in org-1's log.
    const everything = await list({});
    expect(everything.some((r) => r.entityId === 'w-org2')).toBe(false);
    expect(everything.filter((r) => r.at === '2026-11-11T08:00:00.000Z' && r.entityId === w1).length).toBe(
      seeded.filter((e) => e.at === '2026-11-11T08:00:00.000Z' && e.entityId === w1).length,
    );
  });

  it('pages newest first and never repeats or skips an event while events are written between page reads', async () => {
    const before = await list({});
    const seen: AuditLogRow[] = [];
    let cursor: string | null = null;
    let written = 0;
    do {
      const page: Awaited<ReturnType<typeof listAuditLog>> = await listAuditLog(mdb.handle.db, org.admin, {
        cursor,
        limit: 4,
      });
      for (const r of page.items) seen.push(r);
      cursor = page.nextCursor;
      // New events between reads, some dated in the past (an `at` is no promise of order).
      await seedEvent(mdb.handle.db, 'org-1', {
        actorUserId: 'u-admin',
        action: 'worker_record.view',
        entityType: 'peer_worker',
        entityId: w1,
        at: written % 2 === 0 ? '2026-11-10T00:00:00.000Z' : new Date().toISOString(),
      });
      written++;
    } while (cursor !== null);
    expect(written).toBeGreaterThan(3);
    expect(seen.map((r) => r.id)).toEqual(before.map((r) => r.id));
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.seq).toBeLessThan(seen[i - 1]!.seq);
  });

  it('refuses a non-admin, a page over 200, a bad cursor, a bad action code and from after to', async () => {
    const codeOf = async (call: Promise<unknown>) => {
      try {
        await call;
        return 'ok';
      } catch (error) {
        return error instanceof ServiceError ? `${error.code}:${error.message}` : String(error);
      }
    };
    expect(await codeOf(listAuditLog(mdb.handle.db, org.supervisor, {}))).toMatch(/^forbidden/);
    expect(await codeOf(listAuditLog(mdb.handle.db, org.admin, { limit: 201 }))).toMatch(
      /invalid_input.*limit/,
    );
    expect(await codeOf(listAuditLog(mdb.handle.db, org.admin, { cursor: 'nope' }))).toMatch(
      /invalid_input.*cursor/,
    );
    expect(await codeOf(listAuditLog(mdb.handle.db, org.admin, { actions: ['DROP TABLE'] }))).toMatch(
      /invalid_input.*actions/,
    );
    expect(
      await codeOf(listAuditLog(mdb.handle.db, org.admin, { from: '2026-11-12', to: '2026-11-11' })),
    ).toMatch(/invalid_input.*to/);
    for (let i = 0; i < 40; i++) {
      await seedEvent(mdb.handle.db, 'org-1', {
        actorUserId: 'u-admin',
        action: 'worker.update',
        entityType: 'peer_worker',
        entityId: w2,
        at: new Date().toISOString(),
      });
    }
    const firstPage = await listAuditLog(mdb.handle.db, org.admin, {});
    expect(firstPage.items).toHaveLength(50);
    expect(firstPage.nextCursor).not.toBeNull();
    expect((await listAuditLog(mdb.handle.db, org.admin, { limit: 200 })).items.length).toBeGreaterThan(50);
  });
});

describe('the audit log query plan on sqlite', () => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  beforeAll(async () => {
    mdb = await openMigratedDatabase('sqlite');
    org = await aSmallOrganization(mdb.handle.db);
  });
  afterAll(async () => {
    await mdb.close();
  });

  // Bounded cost: each filter is a range scan of an index ending in seq, read backwards, never a sort
  // of the whole log. The plan is asked for the very statement the list runs (captured, not rewritten).
  it.each([
    [{}, 'audit_event_chain_seq_idx'],
    [{ actorUserId: 'u-sup' }, 'audit_event_chain_actor_seq_idx'],
    [{ actions: ['worker.update'] }, 'audit_event_chain_action_seq_idx'],
    [{ cursor: 'WzEwMF0' }, 'audit_event_chain_seq_idx'],
    // The PSW filter is an OR over the record and its sessions, card responses and action items: SQLite
    // walks the chain backwards and stops when the page is full (no sort), with each child list one
    // index lookup. A PSW with few events in a long log makes that walk long (see the ADR).
    [{ workerId: 'w-1' }, 'audit_event_chain_seq_idx'],
  ] as [Parameters<typeof listAuditLog>[2], string][])(
    'pages %j through %s without a sort',
    async (filters, index) => {
      const base = mdb.handle.db;
      const captured: CompiledQuery[] = [];
      const capturing = base.withPlugin({
        transformQuery(args) {
          captured.push(base.getExecutor().compileQuery(args.node, args.queryId));
          return args.node;
        },
        async transformResult(args) {
          return args.result;
        },
      });
      await listAuditLog(capturing, org.admin, filters);
      const page = captured.find((q) => /from "audit_event"/.test(q.sql));
      expect(page).toBeDefined();
      const plan = await base.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${page?.sql}`, [...(page?.parameters ?? [])]),
      );
      const details = plan.rows.map((r) => r.detail).join(' | ');
      expect(details).toContain(`USING INDEX ${index}`);
      expect(details).not.toMatch(/TEMP B-TREE|SCAN audit_event(?! USING)/);
    },
  );
});
