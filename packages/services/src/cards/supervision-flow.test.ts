import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeAction, listActions } from '../actions/action-items';
import { listAuditLog } from '../audit/audit-log';
import { ServiceError } from '../errors';
import { listSessions } from '../sessions/list-sessions';
import { recordSession } from '../sessions/record-session';
import { revealNotes } from '../sessions/reveal-notes';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { getWorkerAssessment } from '../workers/get-worker-assessment';
import { answerCard } from './answer-card';

describe.each(testDialects())('supervision flow on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db);
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('records a session with its check-in observations, and the assessment sees them', async () => {
    const workerId = org.workerIds[0]!;
    const { sessionId, observationIds } = await recordSession(mdb.handle.db, org.supervisor, {
      workerId,
      heldOn: '2026-11-20',
      privateNotes: 'Synthetic note about the week',
      observations: [
        { indicator: 'exhaustion', value: 4 },
        { indicator: 'phone_off_after_hours', value: true, source: 'self_report' },
      ],
    });
    expect(observationIds).toHaveLength(2);
    const stored = await mdb.handle.db
      .selectFrom('observation')
      .selectAll()
      .where('session_id', '=', sessionId)
      .orderBy('indicator')
      .execute();
    expect(stored.map((o) => [o.indicator, o.value, o.source, o.observed_at])).toEqual([
      ['exhaustion', 4, 'supervision', '2026-11-20'],
      ['phone_off_after_hours', 1, 'self_report', '2026-11-20'],
    ]);
    const { assessment } = await getWorkerAssessment(mdb.handle.db, org.supervisor, {
      workerId,
      asOf: TODAY,
    });
    expect(assessment.strain.level).not.toBe('unknown');
    const audit = (await listAuditLog(mdb.handle.db, org.admin, { actions: ['session.create'] })).items;
    expect(audit.map((e) => e.entityId)).toContain(sessionId);
  });

  it('lists sessions without note text and audits revealing the notes, once per reveal', async () => {
    const workerId = org.workerIds[0]!;
    const { items: sessions } = await listSessions(mdb.handle.db, org.supervisor, { workerId });
    expect(sessions[0]).not.toHaveProperty('privateNotes');
    expect(sessions[0]?.hasNotes).toBe(true);
    expect(
      (await listAuditLog(mdb.handle.db, org.admin, { actions: ['session_notes.read'] })).items,
    ).toHaveLength(0);
    const { notes } = await revealNotes(mdb.handle.db, org.supervisor, {
      workerId,
      sessionIds: sessions.map((s) => s.id),
    });
    expect(notes[0]?.privateNotes).toBe('Synthetic note about the week');
    const reads = (await listAuditLog(mdb.handle.db, org.admin, { actions: ['session_notes.read'] })).items;
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actorUserId: 'u-sup', entityType: 'peer_worker', entityId: workerId });
    expect(reads[0]?.details).toEqual({ sessions: sessions.map((s) => s.id) });
  });

  it('turns an accepted card into an action item, completes it once, and refuses a second completion', async () => {
    const workerId = org.workerIds[0]!;
    const { assessment } = await getWorkerAssessment(mdb.handle.db, org.supervisor, {
      workerId,
      asOf: TODAY,
    });
    const card = assessment.cards.find((c) => c.id === 'supervision_focus_team_position');
    expect(card).toBeDefined();
    const answered = await answerCard(mdb.handle.db, org.supervisor, {
      workerId,
      asOf: TODAY,
      cardId: 'supervision_focus_team_position',
      decision: 'accepted',
      dueOn: '2026-12-15',
    });
    const { items: open } = await listActions(mdb.handle.db, org.supervisor, { workerId });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      id: answered.actionItemId,
      ownerUserId: 'u-sup',
      dueOn: '2026-12-15',
      status: 'open',
      // No title is stored in one language: the card id gives it, in the viewer's.
      cardId: 'supervision_focus_team_position',
      title: null,
    });
    const after = await getWorkerAssessment(mdb.handle.db, org.supervisor, { workerId, asOf: TODAY });
    expect(after.answeredCards.supervision_focus_team_position?.decision).toBe('accepted');

    const done = await completeAction(mdb.handle.db, org.supervisor, {
      actionId: answered.actionItemId!,
      outcome: 'done',
    });
    expect(done.status).toBe('done');
    const again = await completeAction(mdb.handle.db, org.supervisor, {
      actionId: answered.actionItemId!,
      outcome: 'done',
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ServiceError);
    expect((again as ServiceError).code).toBe('conflict');
  });

  it('keeps the audit log append-only', async () => {
    await expect(mdb.handle.db.deleteFrom('audit_event').execute()).rejects.toThrow(/append-only/);
  });
});
