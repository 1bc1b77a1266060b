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
import { withTransaction } from '../transaction';
import {
  insertObservations,
  listObservationsForUnits,
  listObservationsForWorkers,
  type NewObservationInput,
} from './observation.repository';

describe.each(testDialects())('observation repository on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let org: string;
  let otherOrg: string;
  let unit: string;
  let w1: string;
  let w2: string;
  let foreignWorker: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    org = await anOrganization(t.db);
    otherOrg = await anOrganization(t.db);
    unit = await aUnit(t.db, org, { setting: 'inpatient' });
    w1 = await aWorker(t.db, org, unit);
    w2 = await aWorker(t.db, org, unit);
    foreignWorker = await aWorker(t.db, otherOrg, await aUnit(t.db, otherOrg));
    supervisor = await aUser(t.db);
  });
  afterAll(() => t.close());

  it('stores likert, bool and event values and reads them back in date, then id, order', async () => {
    await insertObservations(t.db, org, [
      {
        id: 'obs-2',
        workerId: w1,
        indicator: 'exhaustion',
        value: 4,
        observedAt: '2026-10-10',
        source: 'supervision',
        recordedBy: supervisor,
      },
      {
        id: 'obs-1',
        workerId: w1,
        indicator: 'private_number_shared',
        value: true,
        observedAt: '2026-10-10',
        source: 'self_report',
      },
      {
        id: 'obs-3',
        workerId: w1,
        indicator: 'after_hours_client_contact',
        value: 3,
        observedAt: '2026-09-01',
        source: 'supervision',
        note: 'three calls since last time',
      },
      {
        id: 'obs-4',
        workerId: w2,
        indicator: 'stress',
        value: 2,
        observedAt: '2026-10-11',
        source: 'supervision',
      },
      {
        id: 'obs-5',
        unitId: unit,
        indicator: 'invited_to_team_meetings',
        value: false,
        observedAt: '2026-08-01',
        source: 'import',
      },
    ]);
    const rows = await listObservationsForWorkers(t.db, org, [w1]);
    expect(rows.map((r) => [r.id, r.value, r.observedAt])).toEqual([
      ['obs-3', 3, '2026-09-01'],
      ['obs-1', 1, '2026-10-10'],
      ['obs-2', 4, '2026-10-10'],
    ]);
    expect(rows[0]).toMatchObject({
      workerId: w1,
      unitId: null,
      note: 'three calls since last time',
      sessionId: null,
    });
    expect(rows[2]?.recordedBy).toBe(supervisor);
    const units = await listObservationsForUnits(t.db, org, [unit]);
    expect(units.map((r) => [r.id, r.unitId, r.workerId, r.value])).toEqual([['obs-5', unit, null, 0]]);
  });

  it('bounds reads by an inclusive date range and by the workers asked for', async () => {
    const rows = await listObservationsForWorkers(t.db, org, [w1, w2], {
      from: '2026-10-10',
      to: '2026-10-10',
    });
    expect(rows.map((r) => r.id)).toEqual(['obs-1', 'obs-2']);
    expect(
      (await listObservationsForWorkers(t.db, org, [w2], { from: '2026-10-01' })).map((r) => r.id),
    ).toEqual(['obs-4']);
    expect(await listObservationsForWorkers(t.db, org, [])).toEqual([]);
  });

  it("never returns another organisation's evidence and refuses to write about its workers", async () => {
    expect(await listObservationsForWorkers(t.db, otherOrg, [w1])).toEqual([]);
    await expect(
      insertObservations(t.db, org, [
        {
          workerId: foreignWorker,
          indicator: 'stress',
          value: 3,
          observedAt: '2026-10-01',
          source: 'supervision',
        },
      ]),
    ).rejects.toThrow(`peer_worker ${foreignWorker} does not exist in organization ${org}`);
  });

  it('refuses a row naming both or neither of worker and unit, with its index', async () => {
    await expect(
      insertObservations(t.db, org, [
        { workerId: w1, indicator: 'stress', value: 3, observedAt: '2026-10-01', source: 'supervision' },
        {
          workerId: w1,
          unitId: unit,
          indicator: 'stress',
          value: 3,
          observedAt: '2026-10-01',
          source: 'supervision',
        },
      ]),
    ).rejects.toThrow('Observation 1 (stress): give exactly one of workerId and unitId');
  });

  it('writes a large batch in chunks, and nothing at all when one row fails inside a transaction', async () => {
    const many: NewObservationInput[] = Array.from({ length: 5000 }, (_, i) => ({
      workerId: w2,
      indicator: 'after_hours_client_contact',
      value: i % 4,
      observedAt: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
      source: 'import',
    }));
    await insertObservations(t.db, org, many);
    expect((await listObservationsForWorkers(t.db, org, [w2], { to: '2025-12-31' })).length).toBe(5000);

    const bad = [...many.slice(0, 3000), { ...many[0]!, observedAt: 'not a date' }];
    await expect(withTransaction(t.db, (trx) => insertObservations(trx, org, bad))).rejects.toThrow(
      /observation_observed_at_date/,
    );
    expect((await listObservationsForWorkers(t.db, org, [w2], { to: '2025-12-31' })).length).toBe(5000);
  });
});
