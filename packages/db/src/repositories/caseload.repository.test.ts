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
import { createActionItem, setActionItemStatus } from './action-item.repository';
import {
  assignSupervisor,
  isSupervisorOf,
  listAssignmentsOfSupervisor,
  listSupervisorsOfWorker,
  unassignSupervisor,
} from './assignment.repository';
import { listCaseloadRows } from './caseload.repository';
import { recordSupervisionSession } from './supervision-session.repository';

describe.each(testDialects())('assignments and caseload on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let org: string;
  let otherOrg: string;
  let sup1: string;
  let sup2: string;
  let ward: string;
  let team: string;
  let wA: string;
  let wB: string;
  let wC: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    org = await anOrganization(t.db);
    otherOrg = await anOrganization(t.db);
    sup1 = await aUser(t.db, { name: 'Supervisor One' });
    sup2 = await aUser(t.db, { name: 'Supervisor Two' });
    ward = await aUnit(t.db, org, { name: 'Ward 3', setting: 'inpatient' });
    team = await aUnit(t.db, org, { name: 'Outreach', setting: 'community' });
    wA = await aWorker(t.db, org, ward, { displayName: 'Peer Cedar' });
    wB = await aWorker(t.db, org, team, { displayName: 'Peer Aspen' });
    wC = await aWorker(t.db, org, team, { displayName: 'Peer Birch' });
  });
  afterAll(() => t.close());

  it('assigns several supervisors to one worker, idempotently', async () => {
    await assignSupervisor(t.db, org, { supervisorUserId: sup1, peerWorkerId: wA, since: '2026-01-01' });
    await assignSupervisor(t.db, org, { supervisorUserId: sup1, peerWorkerId: wA, since: '2026-02-01' });
    await assignSupervisor(t.db, org, { supervisorUserId: sup2, peerWorkerId: wA, since: '2026-03-01' });
    await assignSupervisor(t.db, org, { supervisorUserId: sup1, peerWorkerId: wB, since: '2026-01-01' });
    await assignSupervisor(t.db, org, { supervisorUserId: sup2, peerWorkerId: wC, since: '2026-01-01' });
    expect((await listSupervisorsOfWorker(t.db, org, wA)).map((a) => a.supervisorUserId).sort()).toEqual(
      [sup1, sup2].sort(),
    );
    expect((await listAssignmentsOfSupervisor(t.db, org, sup1)).map((a) => a.peerWorkerId).sort()).toEqual(
      [wA, wB].sort(),
    );
    expect(await isSupervisorOf(t.db, org, sup1, wA)).toBe(true);
    expect(await isSupervisorOf(t.db, org, sup1, wC)).toBe(false);
    expect(await isSupervisorOf(t.db, otherOrg, sup1, wA)).toBe(false);
  });

  it('refuses to assign a worker of another organisation', async () => {
    await expect(
      assignSupervisor(t.db, otherOrg, { supervisorUserId: sup1, peerWorkerId: wC, since: '2026-01-01' }),
    ).rejects.toThrow(/does not exist in organization/);
  });

  it('lists the caseload with unit, setting, last session (by anyone) and open actions', async () => {
    await recordSupervisionSession(t.db, org, {
      peerWorkerId: wA,
      supervisorUserId: sup2,
      heldOn: '2026-10-02',
      kind: 'individual',
    });
    await recordSupervisionSession(t.db, org, {
      peerWorkerId: wA,
      supervisorUserId: sup1,
      heldOn: '2026-09-01',
      kind: 'group',
    });
    const open1 = await createActionItem(t.db, org, {
      peerWorkerId: wA,
      title: 'Agree on a work phone',
      ownerUserId: sup1,
    });
    await createActionItem(t.db, org, { peerWorkerId: wA, title: 'Book team training', ownerUserId: sup2 });
    const done = await createActionItem(t.db, org, {
      peerWorkerId: wB,
      title: 'Monthly slot',
      ownerUserId: sup1,
    });
    await setActionItemStatus(t.db, org, done.id, 'done');
    expect(open1.status).toBe('open');

    const rows = await listCaseloadRows(t.db, org, sup1);
    expect(rows).toEqual([
      expect.objectContaining({
        workerId: wB,
        displayName: 'Peer Aspen',
        unitId: team,
        unitName: 'Outreach',
        setting: 'community',
        lastSessionOn: null,
        openActionCount: 0,
      }),
      expect.objectContaining({
        workerId: wA,
        displayName: 'Peer Cedar',
        unitName: 'Ward 3',
        setting: 'inpatient',
        lastSessionOn: '2026-10-02',
        openActionCount: 2,
      }),
    ]);
    expect(typeof rows[1]?.openActionCount).toBe('number');
    expect(await listCaseloadRows(t.db, otherOrg, sup1)).toEqual([]);
  });

  it('drops a worker from the caseload when unassigned', async () => {
    expect(await unassignSupervisor(t.db, org, sup1, wB)).toBe(true);
    expect((await listCaseloadRows(t.db, org, sup1)).map((r) => r.workerId)).toEqual([wA]);
  });
});
