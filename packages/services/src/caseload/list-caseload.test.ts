import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { updateOrganization } from '../admin/organization-settings';
import { recordUnitObservations, updateUnit } from '../admin/units';
import { createUser } from '../admin/users';
import { assignSupervisor, updateWorker } from '../admin/workers';
import { answerCard } from '../cards/answer-card';
import { recordObservations } from '../observations/record-observations';
import { recordSession } from '../sessions/record-session';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { type CaseloadCache, createCaseloadCache } from './caseload-cache';
import { type Caseload, listCaseload } from './list-caseload';

describe.each(testDialects())('cached caseload on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let cache: CaseloadCache;

  const db = () => mdb.handle.db;
  const cached = (actor: Actor = org.supervisor) => listCaseload(db(), actor, { asOf: TODAY }, { cache });
  const fresh = (actor: Actor = org.supervisor) => listCaseload(db(), actor, { asOf: TODAY });
  const entry = (caseload: Caseload, workerId: string) =>
    caseload.workers.find((w) => w.workerId === workerId);

  /** The cached answer must be exactly what a cache-less computation gives now. */
  async function expectCurrent(actor: Actor = org.supervisor): Promise<Caseload> {
    const fromCache = await cached(actor);
    expect(fromCache).toEqual(await fresh(actor));
    return fromCache;
  }

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 3, flagged: 1 });
    cache = createCaseloadCache(10);
  });
  afterAll(() => mdb.close());

  it('serves a repeat read from the cache, identical to a fresh computation', async () => {
    const first = await expectCurrent();
    expect(first.workers).toHaveLength(3);
    expect(await cached()).toBe(first);
    expect(cache.size).toBe(1);
    // Shared between requests, so frozen: a caller cannot corrupt what the next one gets.
    expect(Object.isFrozen(first.workers[0])).toBe(true);
  });

  it('really caches: an unaudited write behind its back is not seen until an audited one', async () => {
    const before = await cached();
    const workerId = org.workerIds[1]!;
    await db()
      .insertInto('observation')
      .values({
        id: 'sneaky-1',
        organization_id: 'org-1',
        peer_worker_id: workerId,
        unit_id: null,
        indicator: 'exhaustion',
        value: 4,
        observed_at: TODAY,
        source: 'supervision',
        source_ref: null,
        recorded_by: 'u-sup',
        note: null,
        session_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    expect(await cached()).toBe(before);
    expect(entry(await fresh(), workerId)?.observationsInWindow).toBe(
      (entry(before, workerId)?.observationsInWindow ?? 0) + 1,
    );
    await recordObservations(db(), org.supervisor, {
      workerId,
      observations: [{ indicator: 'exhaustion', value: 3, observedAt: TODAY, source: 'supervision' }],
    });
    const after = await expectCurrent();
    expect(entry(after, workerId)?.observationsInWindow).toBe(
      (entry(before, workerId)?.observationsInWindow ?? 0) + 2,
    );
  });

  it('sees a recorded session', async () => {
    const workerId = org.workerIds[2]!;
    expect(entry(await expectCurrent(), workerId)?.lastSessionOn).toBeNull();
    await recordSession(db(), org.supervisor, { workerId, heldOn: TODAY, kind: 'individual', minutes: 30 });
    expect(entry(await expectCurrent(), workerId)?.lastSessionOn).toBe(TODAY);
  });

  it('sees an answered card (a new open action)', async () => {
    const workerId = org.workerIds[0]!;
    expect(entry(await expectCurrent(), workerId)?.openActions).toBe(0);
    await answerCard(db(), org.supervisor, {
      workerId,
      asOf: TODAY,
      cardId: 'supervision_focus_team_position',
      decision: 'accepted',
      dueOn: '2026-12-15',
    });
    expect(entry(await expectCurrent(), workerId)?.openActions).toBe(1);
  });

  it('sees admin changes to workers, units, unit evidence and settings', async () => {
    const workerId = org.workerIds[0]!;
    await expectCurrent();
    await updateWorker(db(), org.admin, { workerId, displayName: 'Renamed Peer' });
    expect(entry(await expectCurrent(), workerId)?.displayName).toBe('Renamed Peer');

    await updateUnit(db(), org.admin, { unitId: org.unitId, name: 'Ward D' });
    expect(entry(await expectCurrent(), workerId)?.unit.name).toBe('Ward D');

    const before = entry(await expectCurrent(), workerId)?.observationsInWindow ?? 0;
    await recordUnitObservations(db(), org.admin, {
      unitId: org.unitId,
      observations: [{ indicator: 'invited_to_team_meetings', value: true, observedAt: TODAY }],
    });
    expect(entry(await expectCurrent(), workerId)?.observationsInWindow).toBe(before + 1);

    await updateWorker(db(), org.admin, { workerId, status: 'left' });
    expect(entry(await expectCurrent(), workerId)).toBeUndefined();

    await updateOrganization(db(), org.admin, { supervisionCadenceDays: 7 });
    await expectCurrent();
  });

  it("never serves one supervisor's caseload to another", async () => {
    const { userId } = await createUser(db(), org.admin, {
      name: 'Second Supervisor',
      email: 'second-supervisor@example.test',
      password: 'a-long-enough-password',
      roles: ['supervisor'],
    });
    const second: Actor = { userId, organizationId: 'org-1', roles: ['supervisor'] };
    expect((await expectCurrent(second)).workers).toEqual([]);
    await assignSupervisor(db(), org.admin, { workerId: org.workerIds[1]!, supervisorUserId: userId });
    const theirs = await expectCurrent(second);
    const mine = await expectCurrent();
    expect(theirs.workers.map((w) => w.workerId)).toEqual([org.workerIds[1]]);
    expect(mine.workers.map((w) => w.workerId)).toEqual([org.workerIds[1], org.workerIds[2]]);
    // Same organisation, same revision, same day: only the user id tells the entries apart.
    expect(await cached(second)).toBe(theirs);
    expect(await cached()).toBe(mine);
  });
});

describe('caseload cache bounds', () => {
  const caseload = (asOf: string): Caseload => ({ asOf, workers: [] });
  const key = (asOf: string) => ({ organizationId: 'o', supervisorUserId: 'u', asOf, revision: 1 });

  it('drops the least recently used entry beyond its size', () => {
    const cache = createCaseloadCache(2);
    cache.set(key('2026-01-01'), caseload('2026-01-01'));
    cache.set(key('2026-01-02'), caseload('2026-01-02'));
    expect(cache.get(key('2026-01-01'))?.asOf).toBe('2026-01-01');
    cache.set(key('2026-01-03'), caseload('2026-01-03'));
    expect(cache.size).toBe(2);
    expect(cache.get(key('2026-01-02'))).toBeUndefined();
    expect(cache.get(key('2026-01-01'))?.asOf).toBe('2026-01-01');
    expect(cache.get({ ...key('2026-01-01'), revision: 2 })).toBeUndefined();
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => createCaseloadCache(0)).toThrow(/positive integer, got 0/);
  });
});
