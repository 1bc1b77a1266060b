import { compareNeed } from '@peerbridge/domain';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerCard } from '../cards/answer-card';
import { recordObservations } from '../observations/record-observations';
import { recordSession } from '../sessions/record-session';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { listCaseload } from './list-caseload';

describe.each(testDialects())('caseload by need on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 3, flagged: 0 });
  });
  afterAll(() => mdb.close());

  it('counts only open actions due before asOf as overdue, and says so', async () => {
    const [late, reporting, calm] = org.workerIds as [string, string, string];
    // Everyone was supervised recently, so supervision is not what sets them apart.
    for (const workerId of org.workerIds)
      await recordSession(db(), org.supervisor, {
        workerId,
        heldOn: '2026-11-20',
        kind: 'individual',
        minutes: 45,
      });
    // Every PSW of this ward (no team meetings) gets equal_working_conditions.
    await answerCard(db(), org.supervisor, {
      workerId: late,
      cardId: 'equal_working_conditions',
      asOf: TODAY,
      decision: 'accepted',
      dueOn: '2026-11-27',
    });
    await recordObservations(db(), org.supervisor, {
      workerId: reporting,
      observations: [{ indicator: 'stress', value: 2, observedAt: '2026-11-24', source: 'self_report' }],
    });
    const caseload = await listCaseload(db(), org.supervisor, { asOf: '2026-11-30' });
    const row = (id: string) => caseload.workers.find((w) => w.workerId === id);
    expect(row(late)).toMatchObject({ openActions: 1, overdueActions: 1 });
    // Due 2026-11-27, so three days late on 2026-11-30.
    expect(row(late)?.need.reasons).toContainEqual({ code: 'actions_overdue', count: 1, daysLate: 3 });
    expect(row(late)?.need.rank.daysLate).toBe(3);
    expect(row(reporting)?.need.reasons).toContainEqual({ code: 'new_self_reports', count: 1 });
    // The ward's missing team meetings make everyone's staff/expert conflict severe; only the extras differ.
    expect(row(calm)?.need.reasons.map((r) => r.code)).toEqual(['conflict_severe']);
    const calmNeed = row(calm)?.need;
    const lateNeed = row(late)?.need;
    if (calmNeed === undefined || lateNeed === undefined) throw new Error('both rows expected');
    expect(compareNeed(lateNeed, calmNeed)).toBeLessThan(0);
    // The default order of the caseload is by need: the late one first.
    expect(caseload.workers.map((w) => w.workerId).indexOf(late)).toBe(0);
    // A self-report before the last session is not new.
    const before = await listCaseload(db(), org.supervisor, { asOf: '2026-11-23' });
    expect(before.workers.find((w) => w.workerId === reporting)?.need.reasons).not.toContainEqual(
      expect.objectContaining({ code: 'new_self_reports' }),
    );
  });
});
