/**
 * "Who has seen this PSW's record" on both dialects: exactly the reads of that PSW (opened record,
 * revealed notes, an audit export filtered to them), with the stored name and roles, newest first and
 * paged; nothing about the PSW that is not a read, nothing of another PSW, nothing of another
 * organisation (even an event there naming the same id); admins only; another organisation's PSW is not found.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkerRecord } from '../access/record-views';
import { recordSession } from '../sessions/record-session';
import { revealNotes } from '../sessions/reveal-notes';
import { anotherOrganization, seedEvent } from '../test-support/audit-events';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { exportAuditCsv } from './export-audit-csv';
import { listRecordReads, type RecordRead } from './record-reads';

describe.each(testDialects())("who has seen a PSW's record on %s", (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let other: Awaited<ReturnType<typeof anotherOrganization>>;
  let w1: string;
  let w2: string;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db, { workers: 2 });
    [w1, w2] = org.workerIds as [string, string];
    other = await anotherOrganization(mdb.handle.db);
    const db = mdb.handle.db;
    // Reads of w1 through the real use cases, and things about w1 that are not reads.
    await openWorkerRecord(db, org.supervisor, { workerId: w1 });
    const { sessionId } = await recordSession(db, org.supervisor, {
      workerId: w1,
      heldOn: '2026-11-20',
      privateNotes: 'Synthetic note',
    });
    await revealNotes(db, org.supervisor, { workerId: w1, sessionIds: [sessionId] });
    await (await exportAuditCsv(db, org.admin, { workerId: w1 })).chunks.return(undefined);
    await seedEvent(db, 'org-1', {
      actorUserId: 'u-admin',
      action: 'worker.update',
      entityType: 'peer_worker',
      entityId: w1,
      at: new Date().toISOString(),
    });
    await seedEvent(db, 'org-1', {
      actorUserId: 'u-sup',
      action: 'access.refused',
      entityType: 'peer_worker',
      entityId: w1,
      at: new Date().toISOString(),
    });
    // Reads of w2, and a forged-looking read in org-2 naming w1's id.
    await openWorkerRecord(db, org.supervisor, { workerId: w2 });
    await seedEvent(db, 'org-2', {
      actorUserId: other.admin.userId,
      action: 'worker_record.view',
      entityType: 'peer_worker',
      entityId: w1,
      at: new Date().toISOString(),
    });
    for (let i = 0; i < 7; i++) await openWorkerRecord(db, org.supervisor, { workerId: w1 });
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('lists exactly the reads of that PSW, newest first, with who and when, across pages', async () => {
    const rows: RecordRead[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listRecordReads>> = await listRecordReads(
        mdb.handle.db,
        org.admin,
        {
          workerId: w1,
          cursor,
          limit: 3,
        },
      );
      expect(page.worker).toEqual({ id: w1, name: 'Peer 1' });
      for (const r of page.items) rows.push(r);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBe(4);
    const truth = await mdb.handle.db
      .selectFrom('audit_event')
      .select(['id', 'action'])
      .where('chain', '=', 'org-1')
      .where('entity_type', '=', 'peer_worker')
      .where('entity_id', '=', w1)
      .where('action', 'in', ['worker_record.view', 'session_notes.read', 'audit.export'])
      .orderBy('seq', 'desc')
      .execute();
    expect(rows.map((r) => r.id)).toEqual(truth.map((t) => t.id));
    expect(rows.map((r) => r.action).filter((a) => a !== 'worker_record.view')).toEqual([
      'audit.export',
      'session_notes.read',
    ]);
    expect(rows.filter((r) => r.action === 'worker_record.view')).toHaveLength(8);
    expect(rows.every((r) => r.actorName !== null && r.actorRoles.length > 0 && r.at !== '')).toBe(true);
    const supervisorRead = rows.find((r) => r.action === 'session_notes.read');
    expect(supervisorRead).toMatchObject({
      actorUserId: 'u-sup',
      actorName: 'u-sup',
      actorRoles: ['supervisor'],
    });
    expect(rows.find((r) => r.action === 'audit.export')?.actorUserId).toBe('u-admin');
    expect(rows.some((r) => r.actorUserId === other.admin.userId)).toBe(false);
  });

  it("refuses a non-admin and treats another organisation's PSW as not found", async () => {
    await expect(listRecordReads(mdb.handle.db, org.supervisor, { workerId: w1 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      listRecordReads(mdb.handle.db, org.admin, { workerId: other.workerId }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    const theirs = await listRecordReads(mdb.handle.db, other.admin, { workerId: other.workerId });
    expect(theirs.items).toEqual([]);
    await expect(listRecordReads(mdb.handle.db, other.admin, { workerId: w1 })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
