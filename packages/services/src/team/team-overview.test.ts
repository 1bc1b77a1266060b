import { testDialects } from '@peerbridge/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, TODAY } from '../test-support/small-organization';
import { teamOverview } from './team-overview';

describe.each(testDialects())('team overview on %s', (dialect) => {
  const opened: MigratedDatabase[] = [];
  afterAll(async () => {
    for (const m of opened) await m.close();
  });

  it('merges cards by id ("n of total") and suppresses private counts under k', async () => {
    const mdb = await openMigratedDatabase(dialect);
    opened.push(mdb);
    // Six PSWs on a ward without team meetings; two report self-stigma, under k = 5.
    const org = await aSmallOrganization(mdb.handle.db, { workers: 6, flagged: 2, k: 5 });
    const view = await teamOverview(mdb.handle.db, org.admin, { asOf: TODAY });
    expect(view.scope).toBe('organization');
    expect(view.workerCount).toBe(6);
    const conditions = view.overall.find((c) => c.id === 'equal_working_conditions');
    expect(conditions).toMatchObject({ count: 6, total: 6, suppressed: false });
    const strain = view.overall.find((c) => c.id === 'wellbeing_check');
    expect(strain?.suppressed).toBe(true);
    expect(strain?.count).toBeNull();
    expect(view.units).toHaveLength(1);
    const strainRow = view.prevalenceBySetting.rows.indexOf('wellbeing_strain');
    const inpatient = view.prevalenceBySetting.columns.indexOf('inpatient');
    expect(view.prevalenceBySetting.cells[strainRow]?.[inpatient]).toBeNull();
  });

  it('shows a supervisor only their own PSWs', async () => {
    const mdb = await openMigratedDatabase(dialect);
    opened.push(mdb);
    const org = await aSmallOrganization(mdb.handle.db, { workers: 3 });
    await mdb.handle.db
      .deleteFrom('supervisor_assignment')
      .where('peer_worker_id', '=', org.workerIds[0]!)
      .execute();
    const view = await teamOverview(mdb.handle.db, org.supervisor, { asOf: TODAY });
    expect(view.scope).toBe('caseload');
    expect(view.workerCount).toBe(2);
  });

  it('hides every merged count under k, not only those resting on private answers', async () => {
    const mdb = await openMigratedDatabase(dialect);
    opened.push(mdb);
    // Three PSWs on a ward without team meetings: a count of 3 is under k = 5.
    const org = await aSmallOrganization(mdb.handle.db, { workers: 3, k: 5 });
    const view = await teamOverview(mdb.handle.db, org.admin, { asOf: TODAY });
    const conditions = view.overall.find((c) => c.id === 'equal_working_conditions');
    expect(conditions).toMatchObject({ count: null, total: 3, suppressed: true });
    expect(JSON.stringify(view.units)).not.toMatch(/"count":[1-4],/);
  });
});
