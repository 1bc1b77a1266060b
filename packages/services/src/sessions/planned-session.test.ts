/**
 * The next supervision, planned (ADR 0036), on both dialects: scheduled, shown on the caseload, changed,
 * cancelled, planned while recording a session (which resolves the open plan); bad input names its
 * field and writes nothing; a colleague who does not supervise the PSW gets NOT_FOUND and writes
 * nothing; and a plan never moves the one overdue rule (ADR 0030).
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { listCaseload } from '../caseload/list-caseload';
import { addDays } from '../dates';
import { todayIso } from '../db';
import { ServiceError } from '../errors';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import {
  cancelPlannedSession,
  changePlannedSession,
  getPlannedSession,
  scheduleSession,
} from './planned-session';
import { recordSession } from './record-session';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected the call to be refused');
    },
    (e: unknown) => {
      if (!(e instanceof ServiceError)) throw e;
      return { code: e.code, fields: e.issues.map((i) => i.path), message: e.message };
    },
  );

describe.each(testDialects())('planning the next session on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  const colleague: Actor = { userId: 'u-sup2', organizationId: 'org-1', roles: ['supervisor'] };
  const today = todayIso();
  const plans = async () =>
    db().selectFrom('planned_session').selectAll().orderBy('created_at').orderBy('id').execute();
  const auditOf = async (action: string) =>
    db()
      .selectFrom('audit_event')
      .select(['actor_user_id', 'entity_id', 'details'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
  const caseloadRow = async (workerId: string) =>
    (await listCaseload(db(), org.supervisor)).workers.find((w) => w.workerId === workerId);

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 4 });
    await aMember(db(), 'org-1', 'u-sup2', 'supervisor', 'Second Supervisor');
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('stores a plan with its time and kind, audits it, and shows it on the caseload and the PSW page', async () => {
    const workerId = org.workerIds[0]!;
    const plannedOn = addDays(today, 9);
    const plan = await scheduleSession(db(), org.supervisor, {
      workerId,
      plannedOn,
      plannedTime: '14:30',
      kind: 'group',
    });
    expect(await getPlannedSession(db(), org.supervisor, { workerId })).toEqual(plan);
    expect(plan).toMatchObject({ plannedOn, plannedTime: '14:30', kind: 'group', plannedBy: 'u-sup' });
    expect((await caseloadRow(workerId))?.nextSessionOn).toBe(plannedOn);
    const audit = await auditOf('session_plan.create');
    expect(audit.map((a) => [a.actor_user_id, a.entity_id])).toEqual([['u-sup', plan.id]]);
    // The others have nothing planned.
    expect((await caseloadRow(org.workerIds[1]!))?.nextSessionOn).toBeNull();
  });

  it('refuses a second open plan for the same PSW (CONFLICT) and writes nothing', async () => {
    const before = await plans();
    const refused = await failure(
      scheduleSession(db(), org.supervisor, { workerId: org.workerIds[0]!, plannedOn: addDays(today, 3) }),
    );
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('already planned');
    expect(await plans()).toEqual(before);
  });

  it('names the bad field of a plan (past day, day over a year ahead, bad time, bad kind) and writes nothing', async () => {
    const workerId = org.workerIds[1]!;
    const before = await plans();
    const auditBefore = (await auditOf('session_plan.create')).length;
    for (const [input, field] of [
      [{ workerId, plannedOn: addDays(today, -1) }, 'plannedOn'],
      [{ workerId, plannedOn: addDays(today, 400) }, 'plannedOn'],
      [{ workerId, plannedOn: '2026-02-30' }, 'plannedOn'],
      [{ workerId, plannedOn: addDays(today, 2), plannedTime: '25:00' }, 'plannedTime'],
      [{ workerId, plannedOn: addDays(today, 2), plannedTime: '9:00' }, 'plannedTime'],
      [{ workerId, plannedOn: addDays(today, 2), kind: 'coffee' }, 'kind'],
    ] as const) {
      const refused = await failure(scheduleSession(db(), org.supervisor, input as never));
      expect(refused.code).toBe('invalid_input');
      expect(refused.fields).toEqual([field]);
    }
    expect(await plans()).toEqual(before);
    expect(await auditOf('session_plan.create')).toHaveLength(auditBefore);
  });

  it('moves and then cancels a plan, audited; the cancelled row stays and cannot be changed again', async () => {
    const workerId = org.workerIds[1]!;
    const plan = await scheduleSession(db(), org.supervisor, { workerId, plannedOn: addDays(today, 5) });
    const moved = await changePlannedSession(db(), org.supervisor, {
      planId: plan.id,
      plannedOn: addDays(today, 6),
      plannedTime: '09:15',
    });
    expect(moved).toMatchObject({
      id: plan.id,
      plannedOn: addDays(today, 6),
      plannedTime: '09:15',
      kind: null,
    });
    expect((await caseloadRow(workerId))?.nextSessionOn).toBe(addDays(today, 6));
    const update = (await auditOf('session_plan.update')).at(-1);
    expect(update?.entity_id).toBe(plan.id);

    await cancelPlannedSession(db(), org.supervisor, { planId: plan.id });
    expect(await getPlannedSession(db(), org.supervisor, { workerId })).toBeNull();
    expect((await caseloadRow(workerId))?.nextSessionOn).toBeNull();
    const row = (await plans()).find((p) => p.id === plan.id);
    expect(row?.cancelled_by).toBe('u-sup');
    expect(row?.planned_on).toBe(addDays(today, 6));
    expect((await auditOf('session_plan.cancel')).at(-1)?.entity_id).toBe(plan.id);
    expect(
      (
        await failure(
          changePlannedSession(db(), org.supervisor, { planId: plan.id, plannedOn: addDays(today, 7) }),
        )
      ).code,
    ).toBe('conflict');
    expect((await failure(cancelPlannedSession(db(), org.supervisor, { planId: plan.id }))).code).toBe(
      'conflict',
    );
    // Cancelled, the PSW can be planned again.
    const again = await scheduleSession(db(), org.supervisor, { workerId, plannedOn: addDays(today, 8) });
    expect(again.id).not.toBe(plan.id);
  });

  it('answers NOT_FOUND to a supervisor who does not supervise the PSW, and to an unknown plan, writing nothing', async () => {
    const workerId = org.workerIds[0]!;
    const plan = await getPlannedSession(db(), org.supervisor, { workerId });
    expect(plan).not.toBeNull();
    const before = await plans();
    for (const call of [
      () => scheduleSession(db(), colleague, { workerId: org.workerIds[2]!, plannedOn: addDays(today, 2) }),
      () => changePlannedSession(db(), colleague, { planId: plan!.id, plannedOn: addDays(today, 2) }),
      () => cancelPlannedSession(db(), colleague, { planId: plan!.id }),
      () => getPlannedSession(db(), colleague, { workerId }),
      () => cancelPlannedSession(db(), org.supervisor, { planId: 'no-such-plan' }),
      () => cancelPlannedSession(db(), { ...org.supervisor, organizationId: 'org-2' }, { planId: plan!.id }),
    ]) {
      expect((await failure(call())).code).toBe('not_found');
    }
    expect((await failure(scheduleSession(db(), org.admin, { workerId, plannedOn: today }))).code).toBe(
      'forbidden',
    );
    expect(await plans()).toEqual(before);
  });

  it('plans the next session while recording one: the open plan is resolved by it, the new one is open', async () => {
    const workerId = org.workerIds[0]!;
    const open = await getPlannedSession(db(), org.supervisor, { workerId });
    const recorded = await recordSession(db(), org.supervisor, {
      workerId,
      heldOn: today,
      minutes: 40,
      next: { plannedOn: addDays(today, 28), plannedTime: '10:00', kind: 'individual' },
    });
    const rows = await plans();
    const resolved = rows.find((p) => p.id === open!.id);
    expect(resolved?.held_session_id).toBe(recorded.sessionId);
    expect(resolved?.cancelled_at).toBeNull();
    const next = await getPlannedSession(db(), org.supervisor, { workerId });
    expect(next?.id).toBe(recorded.nextPlanId);
    expect(next).toMatchObject({ plannedOn: addDays(today, 28), plannedTime: '10:00', kind: 'individual' });
    expect((await caseloadRow(workerId))?.nextSessionOn).toBe(addDays(today, 28));
  });

  it('refuses a session whose next plan is in the past, naming next.plannedOn, and records neither', async () => {
    const workerId = org.workerIds[3]!;
    const sessions = async () =>
      (
        await db()
          .selectFrom('supervision_session')
          .select('id')
          .where('peer_worker_id', '=', workerId)
          .execute()
      ).length;
    const before = await plans();
    const refused = await failure(
      recordSession(db(), org.supervisor, {
        workerId,
        heldOn: today,
        minutes: 30,
        next: { plannedOn: addDays(today, -3) },
      }),
    );
    expect(refused).toMatchObject({ code: 'invalid_input', fields: ['next.plannedOn'] });
    expect(await sessions()).toBe(0);
    expect(await plans()).toEqual(before);
  });

  it('never moves "overdue": a plan leaves the last session and the need exactly as they were', async () => {
    const workerId = org.workerIds[3]!;
    const before = await caseloadRow(workerId);
    expect(before?.lastSessionOn).toBeNull();
    await scheduleSession(db(), org.supervisor, { workerId, plannedOn: today });
    const after = await caseloadRow(workerId);
    expect(after?.nextSessionOn).toBe(today);
    expect(after?.lastSessionOn).toBeNull();
    expect(after?.need).toEqual(before?.need);
    const { nextSessionOn: _n, ...restAfter } = after!;
    const { nextSessionOn: _b, ...restBefore } = before!;
    expect(restAfter).toEqual(restBefore);
  });
});
