/**
 * Opening records and recording refusals, on both dialects: one event per open, not_found before any
 * event for a PSW one does not supervise, the open window, and that these read-side events leave the
 * organisation's revision alone (cached caseloads survive a page view) while a real write moves it.
 */
import { getOrganizationRevision } from '@peerbridge/db';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { recordObservations } from '../observations/record-observations';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { recordRefusal } from './record-refusal';
import { hasOpenView, openCaseload, openWorkerRecord, RECORD_VIEW_MINUTES } from './record-views';

describe.each(testDialects())('opening records on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db, { workers: 2 });
  });
  afterAll(async () => {
    await mdb.close();
  });

  const views = async (action: string) =>
    mdb.handle.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'entity_type', 'entity_id'])
      .where('action', '=', action)
      .execute();
  const revision = () => getOrganizationRevision(mdb.handle.db, org.admin.organizationId);

  it('writes one view event per open, and leaves the revision alone', async () => {
    const before = await revision();
    const workerId = org.workerIds[0]!;
    const opened = await openWorkerRecord(mdb.handle.db, org.supervisor, { workerId });
    expect(Date.parse(opened.validUntil) - Date.parse(opened.viewedAt)).toBe(RECORD_VIEW_MINUTES * 60_000);
    await openCaseload(mdb.handle.db, org.supervisor);
    await recordRefusal(mdb.handle.db, org.supervisor, {
      procedure: 'supervision.assessment',
      outcome: 'NOT_FOUND',
      target: { field: 'workerId', entityType: 'peer_worker', entityId: 'guess' },
    });
    expect(await views('worker_record.view')).toEqual([
      { actor_user_id: org.supervisor.userId, entity_type: 'peer_worker', entity_id: workerId },
    ]);
    expect(await views('caseload.view')).toEqual([
      { actor_user_id: org.supervisor.userId, entity_type: 'caseload', entity_id: org.supervisor.userId },
    ]);
    expect(await revision()).toBe(before);
    await recordObservations(mdb.handle.db, org.supervisor, {
      workerId,
      observations: [{ indicator: 'stress', value: 2, observedAt: TODAY }],
    });
    expect(await revision()).toBe((before ?? 0) + 1);
  });

  it('answers whether a record is open per actor and per PSW, and refuses what the actor may not read', async () => {
    const [opened, other] = org.workerIds as [string, string];
    expect(await hasOpenView(mdb.handle.db, org.supervisor, { kind: 'worker', workerId: opened })).toBe(true);
    expect(await hasOpenView(mdb.handle.db, org.supervisor, { kind: 'worker', workerId: other })).toBe(false);
    const colleague: Actor = {
      userId: 'u-other',
      organizationId: org.admin.organizationId,
      roles: ['supervisor'],
    };
    await expect(
      hasOpenView(mdb.handle.db, colleague, { kind: 'worker', workerId: opened }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(hasOpenView(mdb.handle.db, org.admin, { kind: 'caseload' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(openWorkerRecord(mdb.handle.db, colleague, { workerId: opened })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await views('worker_record.view')).toHaveLength(1);
  });
});
