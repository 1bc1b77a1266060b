/**
 * The agenda of the next session (ADR 0036), on both dialects: open actions with the overdue first,
 * the indicators that changed since the last session (and not those that stayed), the catalog
 * questions for unknown indicators only, the PSW's self-reports since the last session (not before
 * it, not the supervisor's), and NOT_FOUND for a supervisor who does not supervise the PSW.
 */
import { getIndicator } from '@peerbridge/domain';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { addDays } from '../dates';
import { todayIso } from '../db';
import { recordObservations } from '../observations/record-observations';
import { scheduleSession } from '../sessions/planned-session';
import { recordSession } from '../sessions/record-session';
import { codeOf } from '../test-support/code-of';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { sessionAgenda } from './session-agenda';

describe.each(testDialects())('the agenda of the next session on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  const today = todayIso();
  const day = (n: number) => addDays(today, n);
  const colleague: Actor = { userId: 'u-sup2', organizationId: 'org-1', roles: ['supervisor'] };
  let workerId: string;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2 });
    workerId = org.workerIds[0]!;
    // Before the last session: a self-report that must not show as "since the last session".
    await recordObservations(db(), org.supervisor, {
      workerId,
      observations: [
        { indicator: 'private_number_shared', value: true, observedAt: day(-7), source: 'self_report' },
      ],
    });
    await recordSession(db(), org.supervisor, {
      workerId,
      heldOn: day(-5),
      minutes: 50,
      observations: [
        { indicator: 'self_stigma', value: 4 },
        { indicator: 'after_hours_client_contact', value: 2 },
      ],
    });
    // Since: the PSW's check-in (self_report), and one supervision observation.
    await recordObservations(db(), org.supervisor, {
      workerId,
      observations: [
        { indicator: 'self_stigma', value: 2, observedAt: day(-2), source: 'self_report' },
        { indicator: 'cooperates_in_team', value: 3, observedAt: day(-2), source: 'self_report' },
        { indicator: 'work_intrudes_personal_life', value: 4, observedAt: day(-2), source: 'self_report' },
        { indicator: 'after_hours_client_contact', value: 5, observedAt: day(-1), source: 'supervision' },
      ],
    });
    const now = new Date().toISOString();
    const action = (id: string, dueOn: string, status: 'open' | 'done') => ({
      id,
      organization_id: 'org-1',
      peer_worker_id: workerId,
      card_response_id: null,
      card_id: null,
      title: `Synthetic action ${id}`,
      owner_user_id: 'u-sup',
      owner_unit_id: null,
      due_on: dueOn,
      status,
      outcome: status === 'done' ? ('done' as const) : null,
      outcome_note: null,
      completed_at: status === 'done' ? now : null,
      completed_by: status === 'done' ? 'u-sup' : null,
      created_at: now,
    });
    await db()
      .insertInto('action_item')
      .values([
        action('a-later', day(10), 'open'),
        action('a-late', day(-3), 'open'),
        action('a-done', day(-9), 'done'),
      ])
      .execute();
    // Another PSW's action never shows.
    await db()
      .insertInto('action_item')
      .values({ ...action('a-other', day(-4), 'open'), peer_worker_id: org.workerIds[1]! })
      .execute();
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('lists the open actions, the overdue first, and neither closed ones nor another PSW’s', async () => {
    const agenda = await sessionAgenda(db(), org.supervisor, { workerId });
    expect(agenda.actions.map((a) => [a.id, a.dueOn])).toEqual([
      ['a-late', day(-3)],
      ['a-later', day(10)],
    ]);
    expect(agenda.lastSessionOn).toBe(day(-5));
    expect(agenda.since).toBe(day(-5));
    expect(agenda.plan).toBeNull();
  });

  it('names the indicators whose value changed since the last session, with before and now, and not the unchanged', async () => {
    const agenda = await sessionAgenda(db(), org.supervisor, { workerId });
    expect(agenda.changed).toEqual([
      {
        indicator: 'after_hours_client_contact',
        before: 2,
        now: 5,
        observedOn: day(-1),
        source: 'supervision',
      },
      { indicator: 'self_stigma', before: 4, now: 2, observedOn: day(-2), source: 'self_report' },
      {
        indicator: 'work_intrudes_personal_life',
        before: null,
        now: 4,
        observedOn: day(-2),
        source: 'self_report',
      },
    ]);
    // cooperates_in_team was 3 before (the fixture) and 3 now: not a change.
    expect(agenda.changed.map((c) => c.indicator)).not.toContain('cooperates_in_team');
  });

  it('shows the self-reports since the last session, newest first, and none from before it', async () => {
    const agenda = await sessionAgenda(db(), org.supervisor, { workerId });
    expect(agenda.selfReports.map((o) => [o.indicator, o.value, o.observedOn]).sort()).toEqual(
      [
        ['cooperates_in_team', 3, day(-2)],
        ['self_stigma', 2, day(-2)],
        ['work_intrudes_personal_life', 4, day(-2)],
      ].sort(),
    );
    expect(agenda.selfReports.map((o) => o.indicator)).not.toContain('private_number_shared');
    expect(agenda.selfReports.map((o) => o.indicator)).not.toContain('after_hours_client_contact');
  });

  it('asks the catalog questions for unknown indicators only, each once', async () => {
    const agenda = await sessionAgenda(db(), org.supervisor, { workerId });
    const recorded = new Set(
      (
        await db()
          .selectFrom('observation')
          .select('indicator')
          .where('peer_worker_id', '=', workerId)
          .execute()
      ).map((r) => r.indicator),
    );
    expect(agenda.questions.length).toBeGreaterThan(0);
    const ids = agenda.questions.map((q) => q.indicator);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of agenda.questions) {
      expect(recorded.has(q.indicator)).toBe(false);
      expect(q.question).toEqual(getIndicator(q.indicator).question);
    }
  });

  it('carries the planned session it prepares', async () => {
    const plan = await scheduleSession(db(), org.supervisor, {
      workerId,
      plannedOn: day(7),
      plannedTime: '11:00',
    });
    const agenda = await sessionAgenda(db(), org.supervisor, { workerId });
    expect(agenda.plan).toEqual(plan);
  });

  it('answers NOT_FOUND to a supervisor who does not supervise the PSW and to another organisation, FORBIDDEN to an admin', async () => {
    expect(await codeOf(sessionAgenda(db(), colleague, { workerId }))).toBe('not_found');
    expect(
      await codeOf(sessionAgenda(db(), { ...org.supervisor, organizationId: 'org-2' }, { workerId })),
    ).toBe('not_found');
    expect(await codeOf(sessionAgenda(db(), org.supervisor, { workerId: 'no-such-psw' }))).toBe('not_found');
    expect(await codeOf(sessionAgenda(db(), org.admin, { workerId }))).toBe('forbidden');
  });
});
