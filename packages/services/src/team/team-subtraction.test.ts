/**
 * The subtraction attack (ADR 0013): take every number the team view shows an admin or a
 * supervisor (cards, unit cells, setting columns, row totals, for everyone and for each unit), build
 * the linear system they form over the units' unknown counts, and solve it exactly. No hidden cell
 * may be determined: each must still admit two or more values.
 */
import { hiddenCellRanges, type ShownCell, testDialects } from '@peerbridge/testing';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { type Db, todayIso } from '../db';
import { seedDemo } from '../demo/seed-demo';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSyntheticOrganization } from '../test-support/synthetic-organization';
import { publishOrganizationSnapshots } from './publish-snapshots';
import { type TeamOverview, teamOverview } from './team-overview';

/** The linear system of one viewer, per measure: leaves are the units (0..PSWs in scope there). */
async function systemsOf(db: Db, actor: Actor) {
  const head = await teamOverview(db, actor);
  const unitViews = new Map<string, TeamOverview>();
  for (const u of head.units) unitViews.set(u.unitId, await teamOverview(db, actor, { unitId: u.unitId }));
  const leaves = head.units.map((u) => ({ id: u.unitId, max: u.workerCount }));
  const allUnits = head.units.map((u) => u.unitId);
  const systems = new Map<string, ShownCell[]>();
  const add = (measure: string, cell: ShownCell) => {
    const list = systems.get(measure) ?? [];
    list.push(cell);
    systems.set(measure, list);
  };
  head.prevalence.rows.forEach((row, r) => {
    const m = `row:${row}`;
    for (const u of head.units) add(m, { id: `${m}@${u.unitId}`, leaves: [u.unitId], value: u.counts[row] });
    head.prevalence.columns.forEach((c, ci) => {
      const inSetting = head.units.filter((u) => u.setting === c.setting).map((u) => u.unitId);
      add(m, { id: `${m}@${c.setting}`, leaves: inSetting, value: head.prevalence.cells[r]?.[ci] ?? null });
    });
    add(m, { id: `${m}@all`, leaves: allUnits, value: head.prevalence.totals[r] ?? null });
  });
  for (const card of head.cards)
    add(`card:${card.id}`, { id: `card:${card.id}@all`, leaves: allUnits, value: card.count });
  for (const [unitId, view] of unitViews)
    for (const card of view.cards)
      add(`card:${card.id}`, { id: `card:${card.id}@${unitId}`, leaves: [unitId], value: card.count });
  return { leaves, systems, head };
}

describe.each(testDialects())('subtraction across cells, totals, cards and units on %s', (dialect) => {
  const opened: MigratedDatabase[] = [];
  afterAll(async () => {
    for (const m of opened) await m.close();
  });

  for (const fixture of ['demo', 'synthetic'] as const) {
    it(`leaves every hidden cell of the ${fixture} organisation undetermined, for the admin and each supervisor`, async () => {
      const mdb = await openMigratedDatabase(dialect);
      opened.push(mdb);
      const db = mdb.handle.db;
      const today = todayIso();
      let viewers: Actor[];
      if (fixture === 'demo') {
        const report = await seedDemo(db, { today });
        const members = await db
          .selectFrom('membership')
          .select(['user_id', 'role'])
          .where('organization_id', '=', report.organizationId)
          .where('role', 'in', ['admin', 'supervisor'])
          .execute();
        viewers = members.map((m) => ({
          userId: m.user_id,
          organizationId: report.organizationId,
          roles: [m.role as 'admin' | 'supervisor'],
        }));
      } else {
        const org = await aSyntheticOrganization(db, today);
        await publishOrganizationSnapshots(db, org.organizationId, today);
        viewers = [org.admin, ...org.supervisors];
      }
      let hiddenCells = 0;
      let shownCells = 0;
      for (const viewer of viewers) {
        const { leaves, systems, head } = await systemsOf(db, viewer);
        // A card and the table never disagree about one group: the same number or the same "hidden".
        for (const u of head.units) expect(u.workerCount).toBeGreaterThan(0);
        for (const [measure, cells] of systems) {
          for (const c of cells)
            if (c.value === null) hiddenCells += 1;
            else shownCells += 1;
          for (const range of hiddenCellRanges(leaves, cells))
            expect(range.feasibleValues, `${viewer.userId} ${measure}: ${range.id}`).toBeGreaterThanOrEqual(
              2,
            );
        }
      }
      // The attack ran on a page with both hidden and shown numbers.
      expect(hiddenCells).toBeGreaterThan(0);
      expect(shownCells).toBeGreaterThan(0);
    }, 60_000);
  }

  it('the solver does find a cell that naive suppression gives away (the attack can succeed)', () => {
    // The old view: Ward B (5 PSWs) hidden, community shown as 0 and the organisation total shown.
    const leaves = [
      { id: 'ward-b', max: 5 },
      { id: 'community', max: 6 },
    ];
    const [range] = hiddenCellRanges(leaves, [
      { id: 'ward-b', leaves: ['ward-b'], value: null },
      { id: 'community', leaves: ['community'], value: 0 },
      { id: 'all', leaves: ['ward-b', 'community'], value: 5 },
    ]);
    expect(range).toMatchObject({ id: 'ward-b', min: 5, max: 5, feasibleValues: 1 });
  });
});
