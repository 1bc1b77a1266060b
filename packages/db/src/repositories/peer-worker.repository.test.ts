import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anOrganization,
  type MigratedTestDatabase,
  openMigratedTestDatabase,
} from '../migrated-test-database';
import {
  createPeerWorker,
  deletePeerWorker,
  getPeerWorker,
  listPeerWorkers,
  updatePeerWorker,
} from './peer-worker.repository';
import { createUnit, deleteUnit, getUnit, listUnits, updateUnit } from './unit.repository';

describe.each(testDialects())('unit and peer worker repositories on %s', (dialect) => {
  let t: MigratedTestDatabase;
  let org: string;
  let otherOrg: string;

  beforeAll(async () => {
    t = await openMigratedTestDatabase(dialect);
    org = await anOrganization(t.db);
    otherOrg = await anOrganization(t.db);
  });
  afterAll(() => t.close());

  it('creates, renames, lists and deletes units within one organisation', async () => {
    const ward = await createUnit(t.db, org, { name: 'ward B', setting: 'inpatient' });
    await createUnit(t.db, org, { name: 'Community Team A', setting: 'community' });
    await createUnit(t.db, otherOrg, { name: 'Elsewhere', setting: 'other' });
    expect((await listUnits(t.db, org)).map((u) => u.name)).toEqual(['Community Team A', 'ward B']);
    expect(await getUnit(t.db, otherOrg, ward.id)).toBeNull();
    expect(await updateUnit(t.db, otherOrg, ward.id, { name: 'Hijacked' })).toBeNull();
    const renamed = await updateUnit(t.db, org, ward.id, { name: 'Ward B' });
    expect(renamed).toEqual({ ...ward, name: 'Ward B' });
    const spare = await createUnit(t.db, org, { name: 'Spare', setting: 'other' });
    expect(await deleteUnit(t.db, otherOrg, spare.id)).toBe(false);
    expect(await deleteUnit(t.db, org, spare.id)).toBe(true);
  });

  it('creates a worker with defaults and the unit setting joined in', async () => {
    const unit = await createUnit(t.db, org, { name: 'Ward C', setting: 'inpatient' });
    const worker = await createPeerWorker(t.db, org, {
      unitId: unit.id,
      displayName: 'Peer Ruby',
      startedOn: '2026-07-01',
    });
    expect(worker).toMatchObject({
      organizationId: org,
      unitId: unit.id,
      setting: 'inpatient',
      displayName: 'Peer Ruby',
      startedOn: '2026-07-01',
      workingFraction: 1,
      status: 'active',
    });
    expect(await getPeerWorker(t.db, org, worker.id)).toEqual(worker);
    expect(await getPeerWorker(t.db, otherOrg, worker.id)).toBeNull();
  });

  it("refuses a worker in another organisation's unit", async () => {
    const foreign = await createUnit(t.db, otherOrg, { name: 'Foreign', setting: 'community' });
    await expect(
      createPeerWorker(t.db, org, { unitId: foreign.id, displayName: 'X', startedOn: '2026-01-01' }),
    ).rejects.toThrow(`Unit ${foreign.id} does not exist in organization ${org}`);
  });

  it('updates, filters and deletes workers', async () => {
    const unit = await createUnit(t.db, org, { name: 'Team D', setting: 'community' });
    const a = await createPeerWorker(t.db, org, {
      unitId: unit.id,
      displayName: 'Peer Amber',
      startedOn: '2025-03-01',
      workingFraction: 0.5,
    });
    const b = await createPeerWorker(t.db, org, {
      unitId: unit.id,
      displayName: 'peer basil',
      startedOn: '2024-01-01',
    });
    const updated = await updatePeerWorker(t.db, org, b.id, { status: 'on_leave', workingFraction: 0.75 });
    expect(updated).toMatchObject({ status: 'on_leave', workingFraction: 0.75 });
    expect((await listPeerWorkers(t.db, org, { unitId: unit.id })).map((w) => w.displayName)).toEqual([
      'Peer Amber',
      'peer basil',
    ]);
    expect(
      (await listPeerWorkers(t.db, org, { unitId: unit.id, status: 'active' })).map((w) => w.id),
    ).toEqual([a.id]);
    await expect(updatePeerWorker(t.db, org, a.id, { workingFraction: 1.5 })).rejects.toThrow(
      /peer_worker_fraction_range/,
    );
    expect(await deletePeerWorker(t.db, otherOrg, a.id)).toBe(false);
    expect(await deletePeerWorker(t.db, org, a.id)).toBe(true);
    expect(await getPeerWorker(t.db, org, a.id)).toBeNull();
  });
});
