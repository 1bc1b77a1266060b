import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOrganization,
  aUnit,
  aUser,
  aWorker,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from '../migrated-test-database';
import {
  getSupervisionSessionWithNotes,
  listSessionsForWorkers,
  recordSupervisionSession,
} from './supervision-session.repository';

describe.each(testDialects())('supervision session repository on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let org: string;
  let otherOrg: string;
  let w1: string;
  let w2: string;
  let sup: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    org = await anOrganization(t.db);
    otherOrg = await anOrganization(t.db);
    const unit = await aUnit(t.db, org);
    w1 = await aWorker(t.db, org, unit);
    w2 = await aWorker(t.db, org, unit);
    sup = await aUser(t.db);
  });
  afterAll(() => t.close());

  it('records sessions and lists them oldest first without private notes', async () => {
    const s1 = await recordSupervisionSession(t.db, org, {
      peerWorkerId: w1,
      supervisorUserId: sup,
      heldOn: '2026-10-20',
      kind: 'individual',
      minutes: 50,
      privateNotes: 'Talked through evening calls.',
    });
    await recordSupervisionSession(t.db, org, {
      peerWorkerId: w1,
      supervisorUserId: sup,
      heldOn: '2026-09-22',
      kind: 'group',
    });
    await recordSupervisionSession(t.db, org, {
      peerWorkerId: w2,
      supervisorUserId: sup,
      heldOn: '2026-10-01',
      kind: 'informal',
    });

    const rows = await listSessionsForWorkers(t.db, org, [w1, w2]);
    expect(rows.map((r) => [r.peerWorkerId === w1 ? 'w1' : 'w2', r.heldOn, r.kind])).toEqual([
      ['w1', '2026-09-22', 'group'],
      ['w2', '2026-10-01', 'informal'],
      ['w1', '2026-10-20', 'individual'],
    ]);
    expect(rows[2]).not.toHaveProperty('privateNotes');
    expect(rows[2]?.minutes).toBe(50);
    expect(rows[0]?.minutes).toBeNull();

    const withNotes = await getSupervisionSessionWithNotes(t.db, org, s1.id);
    expect(withNotes).toEqual(s1);
    expect(await getSupervisionSessionWithNotes(t.db, otherOrg, s1.id)).toBeNull();
  });

  it('bounds the list by date range and organisation', async () => {
    expect(
      (await listSessionsForWorkers(t.db, org, [w1], { from: '2026-10-01' })).map((r) => r.heldOn),
    ).toEqual(['2026-10-20']);
    expect(await listSessionsForWorkers(t.db, otherOrg, [w1, w2])).toEqual([]);
  });

  it('refuses a session for a worker of another organisation and an unknown kind', async () => {
    await expect(
      recordSupervisionSession(t.db, otherOrg, {
        peerWorkerId: w1,
        supervisorUserId: sup,
        heldOn: '2026-10-01',
        kind: 'individual',
      }),
    ).rejects.toThrow(/does not exist in organization/);
    await expect(
      recordSupervisionSession(t.db, org, {
        peerWorkerId: w1,
        supervisorUserId: sup,
        heldOn: '2026-10-01',
        kind: 'coffee' as never,
      }),
    ).rejects.toThrow(/supervision_session_kind/);
  });
});
