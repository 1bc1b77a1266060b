/** Sessions come in capped pages by cursor without note text, writing nothing; revealing notes is audited with exactly the sessions revealed. */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { listSessions } from './list-sessions';
import { recordSession } from './record-session';
import { revealNotes } from './reveal-notes';

describe.each(testDialects())('listSessions pages on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const recorded: string[] = [];
  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db, { workers: 2 });
    // Seven sessions, two of them on one day (the cursor must tell them apart by id).
    for (const days of [1, 2, 2, 3, 5, 8, 13]) {
      const { sessionId } = await recordSession(mdb.handle.db, org.supervisor, {
        workerId: org.workerIds[0]!,
        heldOn: addDays(TODAY, -days),
        privateNotes: `Synthetic note ${days}`,
        observations: [{ indicator: 'exhaustion', value: 3 }],
      });
      recorded.push(sessionId);
    }
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('walks every session once, newest first, in pages of at most the limit, and writes nothing', async () => {
    const workerId = org.workerIds[0]!;
    const auditRows = async () =>
      (await mdb.handle.db.selectFrom('audit_event').select('id').execute()).length;
    const before = await auditRows();
    const seen: string[] = [];
    const heldOn: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listSessions>> = await listSessions(
        mdb.handle.db,
        org.supervisor,
        {
          workerId,
          limit: 3,
          cursor,
        },
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      expect(page.items.every((s) => s.observationCount === 1 && s.hasNotes)).toBe(true);
      expect(JSON.stringify(page)).not.toContain('Synthetic note');
      for (const s of page.items) {
        seen.push(s.id);
        heldOn.push(s.heldOn);
      }
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen)).toEqual(new Set(recorded));
    expect(seen).toHaveLength(recorded.length);
    expect(heldOn).toEqual([...heldOn].sort().reverse());
    expect(await auditRows()).toBe(before);
  });

  it('reveals the notes of the sessions named, with one audit event naming exactly them', async () => {
    const workerId = org.workerIds[0]!;
    const shown = recorded.slice(0, 2);
    const { notes } = await revealNotes(mdb.handle.db, org.supervisor, { workerId, sessionIds: shown });
    expect(notes.map((n) => n.sessionId)).toEqual(shown);
    expect(notes.every((n) => n.privateNotes?.startsWith('Synthetic note'))).toBe(true);
    const reads = await mdb.handle.db
      .selectFrom('audit_event')
      .select(['details', 'actor_user_id', 'entity_id'])
      .where('action', '=', 'session_notes.read')
      .execute();
    expect(reads.map((r) => [r.actor_user_id, r.entity_id, JSON.parse(r.details)])).toEqual([
      [org.supervisor.userId, workerId, { sessions: shown }],
    ]);
  });

  it('refuses to reveal a session of another PSW, and reveals and records nothing', async () => {
    const other = org.workerIds[1]!;
    await expect(
      revealNotes(mdb.handle.db, org.supervisor, { workerId: other, sessionIds: [recorded[0]!] }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const reads = await mdb.handle.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'session_notes.read')
      .execute();
    expect(reads).toHaveLength(1);
  });

  it('refuses a page size over the cap and a forged cursor, naming the field', async () => {
    const workerId = org.workerIds[0]!;
    await expect(listSessions(mdb.handle.db, org.supervisor, { workerId, limit: 201 })).rejects.toMatchObject(
      {
        code: 'invalid_input',
        issues: [{ path: 'limit' }],
      },
    );
    const forged = Buffer.from(JSON.stringify([1, 2])).toString('base64url');
    await expect(
      listSessions(mdb.handle.db, org.supervisor, { workerId, cursor: forged }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'cursor' }],
    });
  });
});
