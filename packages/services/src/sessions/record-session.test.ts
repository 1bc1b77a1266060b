import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCaseload } from '../caseload/list-caseload';
import { ServiceError } from '../errors';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { recordSession } from './record-session';

describe.each(testDialects())('a session holds something, on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const sessions = async () =>
    Number(
      (
        await mdb.handle.db
          .selectFrom('supervision_session')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const refusal = async (input: Parameters<typeof recordSession>[2]) => {
    try {
      await recordSession(mdb.handle.db, org.supervisor, input);
    } catch (error) {
      if (error instanceof ServiceError) return error;
      throw error;
    }
    throw new Error('expected the session to be refused');
  };

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db, { workers: 2 });
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('refuses an empty session with a clear message, writes nothing, and leaves "last supervision" alone', async () => {
    const workerId = org.workerIds[0]!;
    const before = await sessions();
    for (const input of [
      { workerId, heldOn: TODAY },
      { workerId, heldOn: TODAY, minutes: 0, privateNotes: '  \n\t ', observations: [] },
      { workerId, heldOn: TODAY, nothingToRecord: false },
    ]) {
      const error = await refusal(input);
      expect(error.code).toBe('invalid_input');
      expect(error.issues.map((i) => i.path)).toEqual(['nothingToRecord']);
      expect(error.message).toContain('observations, minutes, notes, or nothingToRecord: true');
    }
    expect(await sessions()).toBe(before);
    const caseload = await listCaseload(mdb.handle.db, org.supervisor, { asOf: TODAY });
    expect(caseload.workers.find((w) => w.workerId === workerId)?.lastSessionOn).toBeNull();
  });

  it('refuses "nothing to record" together with observations or notes', async () => {
    const workerId = org.workerIds[0]!;
    const before = await sessions();
    const error = await refusal({
      workerId,
      heldOn: TODAY,
      nothingToRecord: true,
      privateNotes: 'Talked about the rota',
    });
    expect(error.issues.map((i) => i.path)).toEqual(['nothingToRecord']);
    expect(await sessions()).toBe(before);
  });

  it('accepts each kind of content on its own', async () => {
    const workerId = org.workerIds[1]!;
    const before = await sessions();
    await recordSession(mdb.handle.db, org.supervisor, { workerId, heldOn: TODAY, nothingToRecord: true });
    await recordSession(mdb.handle.db, org.supervisor, { workerId, heldOn: TODAY, minutes: 45 });
    await recordSession(mdb.handle.db, org.supervisor, {
      workerId,
      heldOn: TODAY,
      privateNotes: 'Short chat',
    });
    await recordSession(mdb.handle.db, org.supervisor, {
      workerId,
      heldOn: TODAY,
      observations: [{ indicator: 'stress', value: 2 }],
    });
    expect(await sessions()).toBe(before + 4);
    const held = await mdb.handle.db
      .selectFrom('supervision_session')
      .select('nothing_to_record')
      .where('peer_worker_id', '=', workerId)
      .execute();
    expect(held.map((r) => Number(r.nothing_to_record)).sort()).toEqual([0, 0, 0, 1]);
  });
});
