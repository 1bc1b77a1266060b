import { publishedCardIds } from '@peerbridge/domain';
import { testDialects } from '@peerbridge/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization } from '../test-support/small-organization';
import { publishOrganizationSnapshots } from './publish-snapshots';
import { teamOverview } from './team-overview';

// The small organisation's evidence is dated in November 2026; December's first days publish it.
const PUBLISH_DAY = '2026-12-02';

describe.each(testDialects())('team overview on %s', (dialect) => {
  const opened: MigratedDatabase[] = [];
  afterAll(async () => {
    for (const m of opened) await m.close();
  });
  const open = async () => {
    const mdb = await openMigratedDatabase(dialect);
    opened.push(mdb);
    return mdb.handle.db;
  };

  it('reads only published snapshots, and a read publishes nothing', async () => {
    const db = await open();
    const org = await aSmallOrganization(db, { workers: 6, flagged: 2, k: 5 });
    const before = await teamOverview(db, org.admin);
    expect(before).toMatchObject({ periods: [], period: null, workerCount: 0, cards: [] });
    const stored = await db.selectFrom('aggregate_period').select('period').execute();
    expect(stored).toEqual([]);
    expect(await publishOrganizationSnapshots(db, 'org-1', PUBLISH_DAY)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    // Publishing again is a no-op: the first snapshot of a period stays.
    expect(await publishOrganizationSnapshots(db, 'org-1', PUBLISH_DAY)).toEqual([]);
    const view = await teamOverview(db, org.admin);
    expect(view).toMatchObject({ scope: 'organization', period: '2026-11', asOf: '2026-11-30', k: 5 });
    expect(view.periods[0]).toBe('2026-11');
    expect(view.trend.map((t) => t.period)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });

  it('lists every card, hides counts under k and "all but under k", and never says "fewer than k of 1"', async () => {
    const db = await open();
    // Six PSWs on a ward without team meetings; two report self-stigma.
    const org = await aSmallOrganization(db, { workers: 6, flagged: 2, k: 5 });
    await publishOrganizationSnapshots(db, 'org-1', PUBLISH_DAY);
    const view = await teamOverview(db, org.admin);
    expect(view.workerCount).toBe(6);
    expect(view.cards.map((c) => c.id).sort()).toEqual([...publishedCardIds].sort());
    // 6 of 6 says something about every PSW, 2 of 6 too few: both hidden.
    const conditions = view.cards.find((c) => c.id === 'equal_working_conditions');
    expect(conditions).toMatchObject({ count: null, total: 6, tone: 'hidden' });
    const strain = view.cards.find((c) => c.id === 'wellbeing_check');
    expect(strain).toMatchObject({ count: null, tone: 'hidden' });
    expect(JSON.stringify(view)).not.toMatch(/fewer than \d+ of \d+/i);
    const row = view.prevalence.rows.indexOf('wellbeing_strain');
    expect(view.prevalence.columns).toEqual([{ setting: 'inpatient', size: 6 }]);
    expect(view.prevalence.cells[row]).toEqual([null]);
    expect(view.prevalence.totals[row]).toBeNull();
    // One group, one answer: the unit, its setting and the total agree on what is hidden.
    expect(view.units[0]?.counts.wellbeing_strain).toBeNull();
    // Unit conditions are facts about the unit and are shown in full.
    expect(view.units[0]?.conditions.invited_to_team_meetings).toBe(false);
    expect(view.units[0]?.conditions.has_own_workplace).toBeNull();
  });

  it('shows a team of 3 its unit conditions and participation, and no supervision-derived count at all', async () => {
    const db = await open();
    const org = await aSmallOrganization(db, { workers: 3, flagged: 0, k: 5 });
    await publishOrganizationSnapshots(db, 'org-1', PUBLISH_DAY);
    const view = await teamOverview(db, org.admin, { unitId: org.unitId });
    expect(view.cards.every((c) => c.tone === 'hidden' && c.count === null)).toBe(true);
    // Even a zero is hidden in a group under k: otherwise "hidden" would mean "at least one".
    expect(view.units[0]?.counts).toEqual(Object.fromEntries(view.prevalence.rows.map((r) => [r, null])));
    expect(view.units[0]).toMatchObject({ workerCount: 3, supervised: 0 });
    expect(view.trend.at(-1)?.units[0]).toMatchObject({ conditionsKnown: 1, conditionsMet: 0 });
    expect(view.cards[0]?.summary.en).toMatch(/Not shown: the group has fewer than 5 PSWs/);
  });

  it('shows a supervisor the caseload they had when the period was frozen', async () => {
    const db = await open();
    const org = await aSmallOrganization(db, { workers: 3 });
    await db.deleteFrom('supervisor_assignment').where('peer_worker_id', '=', org.workerIds[0]!).execute();
    await publishOrganizationSnapshots(db, 'org-1', PUBLISH_DAY);
    const view = await teamOverview(db, org.supervisor);
    expect(view.scope).toBe('caseload');
    expect(view.workerCount).toBe(2);
    const stranger = await teamOverview(db, { ...org.supervisor, userId: 'u-nobody' });
    expect(stranger.workerCount).toBe(0);
    expect(stranger.cards).toEqual([]);
  });

  it('refuses a malformed period and a unit of another organisation', async () => {
    const db = await open();
    const org = await aSmallOrganization(db, { workers: 3 });
    await expect(teamOverview(db, org.admin, { period: '2026-13' })).rejects.toThrow(/period/);
    await expect(teamOverview(db, org.admin, { unitId: 'unit-elsewhere' })).rejects.toThrow(/not found/i);
  });
});
