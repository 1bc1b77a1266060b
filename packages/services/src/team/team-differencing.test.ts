/**
 * The differencing attack (ADR 0013): an admin reads every aggregate, changes one PSW's status, unit
 * or supervisor, reads again and puts it back. For every PSW of the demo and of a synthetic
 * organisation of 40 PSWs in 6 units, nothing an admin or a supervisor can see changes, and the
 * change reaches the view only with the next period's cohort.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { assignSupervisor, unassignSupervisor, updateWorker } from '../admin/workers';
import type { Db } from '../db';
import { todayIso } from '../db';
import { seedDemo } from '../demo/seed-demo';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSyntheticOrganization } from '../test-support/synthetic-organization';
import { addMonths, firstDayOf, periodOf } from './periods';
import { publishOrganizationSnapshots } from './publish-snapshots';
import { teamOverview } from './team-overview';

interface Target {
  organizationId: string;
  admin: Actor;
  supervisors: Actor[];
}

async function demoTarget(db: Db, today: string): Promise<Target> {
  const report = await seedDemo(db, { today });
  const members = await db
    .selectFrom('membership')
    .select(['user_id', 'role'])
    .where('organization_id', '=', report.organizationId)
    .execute();
  const actor = (userId: string, role: 'admin' | 'supervisor'): Actor => ({
    userId,
    organizationId: report.organizationId,
    roles: [role],
  });
  return {
    organizationId: report.organizationId,
    admin: actor(members.find((m) => m.role === 'admin')!.user_id, 'admin'),
    supervisors: members.filter((m) => m.role === 'supervisor').map((m) => actor(m.user_id, 'supervisor')),
  };
}

/** Everything the admin and each supervisor can read of the team view: every period, every unit. */
async function everythingVisible(db: Db, t: Target): Promise<string> {
  const views: unknown[] = [];
  for (const actor of [t.admin, ...t.supervisors]) {
    const head = await teamOverview(db, actor);
    views.push(head);
    for (const period of head.periods.slice(1)) views.push(await teamOverview(db, actor, { period }));
    for (const unit of head.units) views.push(await teamOverview(db, actor, { unitId: unit.unitId }));
  }
  return JSON.stringify(views);
}

describe.each(testDialects())('differencing over edits on %s', (dialect) => {
  const opened: MigratedDatabase[] = [];
  afterAll(async () => {
    for (const m of opened) await m.close();
  });

  for (const fixture of ['demo', 'synthetic'] as const) {
    it(`changes nothing visible when any ${fixture} PSW's status, unit or supervisor changes and changes back`, async () => {
      const mdb = await openMigratedDatabase(dialect);
      opened.push(mdb);
      const db = mdb.handle.db;
      const today = todayIso();
      const target =
        fixture === 'demo'
          ? await demoTarget(db, today)
          : await (async () => {
              const org = await aSyntheticOrganization(db, today);
              await publishOrganizationSnapshots(db, org.organizationId, today);
              return { organizationId: org.organizationId, admin: org.admin, supervisors: org.supervisors };
            })();
      const baseline = await everythingVisible(db, target);
      // The attack must have something to find: some supervision-derived count is shown.
      expect(baseline).toMatch(/"tone":"some"/);
      const workers = await db
        .selectFrom('peer_worker')
        .select(['id', 'unit_id'])
        .where('organization_id', '=', target.organizationId)
        .orderBy('id')
        .execute();
      const units = await db
        .selectFrom('unit')
        .select('id')
        .where('organization_id', '=', target.organizationId)
        .execute();
      const assignments = await db
        .selectFrom('supervisor_assignment')
        .select(['peer_worker_id', 'supervisor_user_id'])
        .where('organization_id', '=', target.organizationId)
        .execute();
      // Each head view holds every unit's counts, the prevalence table and the six-period trend; the
      // unit views of the PSW's two units hold the unit cards. Everything is read again at the end.
      const headsOf = async (unitIds: string[]) => {
        const views: unknown[] = [];
        for (const actor of [target.admin, ...target.supervisors]) views.push(await teamOverview(db, actor));
        for (const unitId of unitIds) views.push(await teamOverview(db, target.admin, { unitId }));
        return JSON.stringify(views);
      };
      let steps = 0;
      let heads = '';
      let headUnits: string[] = [];
      const check = async (what: string, unitIds: string[]) => {
        steps += 1;
        if (unitIds.join() !== headUnits.join()) {
          headUnits = unitIds;
          heads = '';
        }
        const now = await headsOf(unitIds);
        if (heads === '') heads = now;
        expect(now, what).toBe(heads);
      };
      for (const w of workers) {
        const other = units.find((u) => u.id !== w.unit_id)!;
        const touched = [w.unit_id, other.id];
        headUnits = [];
        await check(`${w.id} before`, touched);
        await updateWorker(db, target.admin, { workerId: w.id, status: 'left' });
        await check(`${w.id} left`, touched);
        await updateWorker(db, target.admin, { workerId: w.id, status: 'active' });
        await updateWorker(db, target.admin, { workerId: w.id, unitId: other.id });
        await check(`${w.id} moved to ${other.id}`, touched);
        await updateWorker(db, target.admin, { workerId: w.id, unitId: w.unit_id });
        const own = assignments.find((a) => a.peer_worker_id === w.id);
        if (own) {
          await unassignSupervisor(db, target.admin, {
            workerId: w.id,
            supervisorUserId: own.supervisor_user_id,
          });
          await check(`${w.id} unassigned`, touched);
          await assignSupervisor(db, target.admin, {
            workerId: w.id,
            supervisorUserId: own.supervisor_user_id,
            requestId: crypto.randomUUID(),
          });
        }
      }
      expect(steps).toBeGreaterThanOrEqual(workers.length * 3);
      expect(await everythingVisible(db, target), 'after every change was undone').toBe(baseline);
    }, 120_000);
  }

  it('applies a change at the next period: the current cohort was frozen before it', async () => {
    const mdb = await openMigratedDatabase(dialect);
    opened.push(mdb);
    const db = mdb.handle.db;
    const today = todayIso();
    const org = await aSyntheticOrganization(db, today);
    await publishOrganizationSnapshots(db, org.organizationId, today);
    await updateWorker(db, org.admin, { workerId: org.workerIds[0]!, status: 'left' });
    const current = periodOf(today);
    // The month of the change ends: its snapshot still counts the PSW who left during it.
    await publishOrganizationSnapshots(db, org.organizationId, firstDayOf(addMonths(current, 1)));
    const during = await teamOverview(db, org.admin, { period: current });
    expect(during.workerCount).toBe(40);
    // The month after is the first whose cohort has the change.
    await publishOrganizationSnapshots(db, org.organizationId, firstDayOf(addMonths(current, 2)));
    const after = await teamOverview(db, org.admin, { period: addMonths(current, 1) });
    expect(after.workerCount).toBe(39);
  });
});
