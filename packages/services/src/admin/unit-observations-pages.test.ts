/**
 * A unit's observations a page at a time (issue 10), on both dialects: newest first, ties on the same
 * date by id, every row once across pages; another organisation's unit is NOT_FOUND and a supervisor is
 * refused, as for the rest of the admin screens.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { addDays } from '../dates';
import { ServiceError } from '../errors';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { listUnitObservations, unitIndicatorValues } from './units';

describe.each(testDialects())('a unit’s observations in pages on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  // Two observations share each date, so the order within a date is by id.
  const days = [-1, -1, -5, -5, -9, -9, -12];

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 1 });
    await db()
      .insertInto('observation')
      .values(
        days.map((d, i) => ({
          id: `unit-obs-p${i}`,
          organization_id: 'org-1',
          peer_worker_id: null,
          unit_id: 'unit-1',
          indicator: 'has_own_workplace',
          value: i % 2,
          observed_at: addDays(TODAY, d),
          source: 'supervision',
          source_ref: null,
          recorded_by: 'u-admin',
          note: null,
          session_id: null,
          created_at: new Date().toISOString(),
        })),
      )
      .execute();
  });
  afterAll(() => mdb.close());

  it('pages newest first, each observation once, the last page without a cursor', async () => {
    const all = await listUnitObservations(db(), org.admin, { unitId: 'unit-1', limit: 500 });
    // The seeded one (20 days back) is the oldest.
    expect(all.items.map((o) => o.id)).toEqual([
      'unit-obs-p1',
      'unit-obs-p0',
      'unit-obs-p3',
      'unit-obs-p2',
      'unit-obs-p5',
      'unit-obs-p4',
      'unit-obs-p6',
      'unit-obs-1',
    ]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listUnitObservations(db(), org.admin, { unitId: 'unit-1', limit: 3, cursor });
      for (const o of page.items) seen.push(o.id);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.items.map((o) => o.id));
  });

  it('gives what each unit indicator stands at: the latest date, on the same date the greater id', async () => {
    const values = await unitIndicatorValues(db(), org.admin, { unitId: 'unit-1' });
    expect(values.map((o) => [o.indicator, o.id, o.value])).toEqual([
      ['has_own_workplace', 'unit-obs-p1', true],
      ['invited_to_team_meetings', 'unit-obs-1', false],
    ]);
  });

  it('answers another organisation NOT_FOUND and a supervisor FORBIDDEN', async () => {
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'allowed',
        (e: unknown) => (e instanceof ServiceError ? e.code : String(e)),
      );
    const otherAdmin: Actor = { userId: 'u-x', organizationId: 'org-2', roles: ['admin'] };
    expect(await code(listUnitObservations(db(), otherAdmin, { unitId: 'unit-1' }))).toBe('not_found');
    expect(await code(listUnitObservations(db(), org.supervisor, { unitId: 'unit-1' }))).toBe('forbidden');
    expect(await code(unitIndicatorValues(db(), otherAdmin, { unitId: 'unit-1' }))).toBe('not_found');
    expect(await code(unitIndicatorValues(db(), org.supervisor, { unitId: 'unit-1' }))).toBe('forbidden');
  });
});
