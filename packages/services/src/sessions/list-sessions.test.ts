/** Sessions come in capped pages by cursor; each page's read of the notes is audited with exactly its sessions. */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { listSessions } from './list-sessions';
import { recordSession } from './record-session';

describe.each(testDialects())('listSessions pages on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const recorded: string[] = [];
  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db);
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

  it('walks every session once, newest first, in pages of at most the limit, and audits each page', async () => {
    const workerId = org.workerIds[0]!;
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
      expect(page.items.every((s) => s.observationCount === 1)).toBe(true);
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

    const reads = await mdb.handle.db
      .selectFrom('audit_event')
      .select(['details', 'actor_user_id'])
      .where('action', '=', 'session_notes.read')
      .execute();
    expect(reads.every((e) => e.actor_user_id === org.supervisor.userId)).toBe(true);
    const audited = reads.map((e) => (JSON.parse(e.details) as { sessions: string[] }).sessions);
    expect(audited).toHaveLength(3);
    expect(audited.flat().sort()).toEqual([...seen].sort());
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
