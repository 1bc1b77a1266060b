/**
 * A held session's one-page summary (ADR 0036), on both dialects: opening it by session id is the
 * audited view of the PSW's record; the summary holds the shared text, the session's observations, the
 * open actions and the next plan, never the private notes; a colleague who does not supervise the PSW,
 * or a session of another PSW named under this one, gets NOT_FOUND and leaves no view.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { addDays } from '../dates';
import { todayIso } from '../db';
import { codeOf } from '../test-support/code-of';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization } from '../test-support/small-organization';
import { recordSession } from './record-session';
import { openSessionSummary, sessionSummary } from './session-summary';

describe.each(testDialects())('the session summary on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const db = () => mdb.handle.db;
  const today = todayIso();
  const colleague: Actor = { userId: 'u-sup2', organizationId: 'org-1', roles: ['supervisor'] };
  let sessionId: string;
  let otherSessionId: string;
  const views = async () =>
    db()
      .selectFrom('audit_event')
      .select(['actor_user_id', 'entity_id'])
      .where('action', '=', 'worker_record.view')
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2 });
    const recorded = await recordSession(db(), org.supervisor, {
      workerId: org.workerIds[0]!,
      heldOn: today,
      minutes: 45,
      privateNotes: 'Synthetic private note that never prints',
      sharedSummary: 'We agreed on a boundary plan.',
      observations: [{ indicator: 'after_hours_client_contact', value: 3 }],
      next: { plannedOn: addDays(today, 14), plannedTime: '13:00' },
    });
    sessionId = recorded.sessionId;
    otherSessionId = (
      await recordSession(db(), org.supervisor, { workerId: org.workerIds[1]!, heldOn: today, minutes: 20 })
    ).sessionId;
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('opens the PSW record by session id (one audited view) and reads the summary without the private notes', async () => {
    const before = (await views()).length;
    const opened = await openSessionSummary(db(), org.supervisor, { sessionId });
    expect(opened.workerId).toBe(org.workerIds[0]);
    const after = await views();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toEqual({ actor_user_id: 'u-sup', entity_id: org.workerIds[0] });

    const summary = await sessionSummary(db(), org.supervisor, { workerId: opened.workerId, sessionId });
    expect(summary.session).toMatchObject({
      id: sessionId,
      heldOn: today,
      minutes: 45,
      sharedSummary: 'We agreed on a boundary plan.',
      voided: false,
    });
    expect(summary.observations.map((o) => [o.indicator, o.value])).toEqual([
      ['after_hours_client_contact', 3],
    ]);
    expect(summary.nextSession).toMatchObject({ plannedOn: addDays(today, 14), plannedTime: '13:00' });
    expect(JSON.stringify(summary)).not.toContain('Synthetic private note');
  });

  it('answers NOT_FOUND to a colleague, to another organisation and to a session named under the wrong PSW, leaving no view', async () => {
    const before = (await views()).length;
    expect(await codeOf(openSessionSummary(db(), colleague, { sessionId }))).toBe('not_found');
    expect(
      await codeOf(openSessionSummary(db(), { ...org.supervisor, organizationId: 'org-2' }, { sessionId })),
    ).toBe('not_found');
    expect(await codeOf(openSessionSummary(db(), org.supervisor, { sessionId: 'no-such-session' }))).toBe(
      'not_found',
    );
    expect(
      await codeOf(
        sessionSummary(db(), org.supervisor, { workerId: org.workerIds[0]!, sessionId: otherSessionId }),
      ),
    ).toBe('not_found');
    expect(await codeOf(sessionSummary(db(), colleague, { workerId: org.workerIds[0]!, sessionId }))).toBe(
      'not_found',
    );
    expect(await codeOf(openSessionSummary(db(), org.admin, { sessionId }))).toBe('forbidden');
    expect(await views()).toHaveLength(before);
  });
});
