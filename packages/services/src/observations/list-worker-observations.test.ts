import { testDialects } from '@peerbridge/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../dates';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, TODAY } from '../test-support/small-organization';
import { listWorkerObservations } from './list-worker-observations';
import { recordObservations } from './record-observations';

describe.each(testDialects())('listWorkerObservations on %s', (dialect) => {
  const opened: MigratedDatabase[] = [];
  afterAll(async () => {
    for (const m of opened) await m.close();
  });

  it("lists the PSW's own and their unit's observations of both windows, newest first, as domain observations", async () => {
    const mdb = await openMigratedDatabase(dialect);
    opened.push(mdb);
    const db = mdb.handle.db;
    const org = await aSmallOrganization(db, { workers: 2 });
    const [w1, w2] = org.workerIds as [string, string];
    await recordObservations(db, org.supervisor, {
      workerId: w1,
      observations: [
        {
          indicator: 'phone_off_after_hours',
          value: true,
          observedAt: addDays(TODAY, -2),
          note: 'work phone',
        },
        { indicator: 'stress', value: 2, observedAt: addDays(TODAY, -200) },
      ],
    });
    const { items: list, nextCursor } = await listWorkerObservations(db, org.supervisor, {
      workerId: w1,
      asOf: TODAY,
    });
    expect(nextCursor).toBeNull();
    expect(list.map((o) => o.indicator).sort()).toEqual([
      'cooperates_in_team',
      'invited_to_team_meetings',
      'phone_off_after_hours',
      'seen_as_former_patient',
      'self_stigma',
    ]);
    const dates = list.map((o) => o.observedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(list[0]).toMatchObject({ workerId: w1, value: true, source: 'supervision', note: 'work phone' });
    expect(list.find((o) => o.indicator === 'invited_to_team_meetings')).toMatchObject({
      unitId: org.unitId,
      value: false,
    });
    expect(list.some((o) => o.indicator === 'stress')).toBe(false); // older than two windows
    expect(list.some((o) => o.workerId === w2)).toBe(false);
    expect(list).toHaveLength(5);

    // The same list in pages of two: no row twice, none left out, same order, and an end.
    const paged = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listWorkerObservations>> = await listWorkerObservations(
        db,
        org.supervisor,
        { workerId: w1, asOf: TODAY, limit: 2, cursor },
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const item of page.items) paged.push(item);
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 10);
    expect(pages).toBe(3);
    expect(paged).toEqual(list);

    await expect(
      listWorkerObservations(db, org.supervisor, { workerId: w1, asOf: TODAY, cursor: 'not-a-cursor' }),
    ).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'cursor' }] });
    await expect(
      listWorkerObservations(db, org.supervisor, { workerId: w1, asOf: TODAY, limit: 501 }),
    ).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'limit' }] });
  });

  it('refuses a PSW the supervisor is not assigned to as not found', async () => {
    const mdb = await openMigratedDatabase(dialect);
    opened.push(mdb);
    const db = mdb.handle.db;
    const org = await aSmallOrganization(db, { workers: 1 });
    await db.deleteFrom('supervisor_assignment').execute();
    await expect(
      listWorkerObservations(db, org.supervisor, { workerId: org.workerIds[0]! }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
