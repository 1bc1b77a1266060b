/**
 * Amending and voiding sessions (ADR 0010): the original stays retrievable and the evidence follows the
 * new content; a stale revision, a voided session and a retry change nothing; a voided session leaves
 * the assessment and "last supervision" but stays listed; only the assigned supervisor may do either.
 */
import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { listCaseload } from '../caseload/list-caseload';
import { addDays } from '../dates';
import { ServiceError } from '../errors';
import { computeTeamSnapshot } from '../team/team-snapshot';
import { aMember } from '../test-support/member';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { getWorkerAssessment } from '../workers/get-worker-assessment';
import { amendSession } from './amend-session';
import { listSessionRevisions } from './list-session-revisions';
import { listSessions } from './list-sessions';
import { recordSession } from './record-session';
import { revealNotes } from './reveal-notes';
import { voidSession } from './void-session';

describe.each(testDialects())('amending and voiding sessions on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let otherSupervisor: Actor;

  /** Everything an amendment or void could touch, to compare before and after a refusal or a retry. */
  const state = async () => {
    const db = mdb.handle.db;
    return {
      sessions: await db.selectFrom('supervision_session').selectAll().orderBy('id').execute(),
      revisions: await db.selectFrom('supervision_session_revision').selectAll().orderBy('id').execute(),
      observations: await db.selectFrom('observation').selectAll().orderBy('id').execute(),
      audit: (await db.selectFrom('audit_event').select('id').execute()).length,
      orgRevision: (await db.selectFrom('organization').select('revision').executeTakeFirstOrThrow())
        .revision,
    };
  };
  const refusal = async (call: Promise<unknown>) => {
    try {
      await call;
    } catch (error) {
      if (error instanceof ServiceError) return error;
      throw error;
    }
    throw new Error('expected a refusal');
  };
  const assessmentText = async (workerId: string) =>
    JSON.stringify(
      (await getWorkerAssessment(mdb.handle.db, org.supervisor, { workerId, asOf: TODAY })).assessment,
    );
  const caseloadEntry = async (workerId: string) =>
    (await listCaseload(mdb.handle.db, org.supervisor, { asOf: TODAY })).workers.find(
      (w) => w.workerId === workerId,
    );

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(mdb.handle.db, { workers: 3 });
    await aMember(mdb.handle.db, 'org-1', 'u-sup2', 'supervisor', 'Second Supervisor');
    otherSupervisor = { userId: 'u-sup2', organizationId: 'org-1', roles: ['supervisor'] };
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('keeps the original of an amendment retrievable, and the evidence uses the new content', async () => {
    const workerId = org.workerIds[0]!;
    const first = await recordSession(mdb.handle.db, org.supervisor, {
      workerId,
      heldOn: addDays(TODAY, -3),
      minutes: 30,
      privateNotes: 'Synthetic original note',
      observations: [{ indicator: 'after_hours_client_contact', value: 13 }],
    });
    const oldObservation = first.observationIds[0]!;
    expect(await assessmentText(workerId)).toContain(oldObservation);

    const amended = await amendSession(mdb.handle.db, org.supervisor, {
      requestId: randomUUID(),
      workerId,
      sessionId: first.sessionId,
      revision: 1,
      reason: 'Count was a duplicate entry',
      heldOn: addDays(TODAY, -2),
      minutes: 45,
      privateNotes: 'Synthetic corrected note',
      observations: [{ indicator: 'after_hours_client_contact', value: 12 }],
    });
    expect(amended.revision).toBe(2);
    expect(amended.changed).toEqual(['heldOn', 'minutes', 'privateNotes', 'observations']);

    // The evidence: the new observation counts, the old one is gone from every evidence read.
    const text = await assessmentText(workerId);
    expect(text).toContain(amended.observationIds[0]!);
    expect(text).not.toContain(oldObservation);
    const stored = await mdb.handle.db
      .selectFrom('observation')
      .select(['id', 'value', 'observed_at'])
      .where('session_id', '=', first.sessionId)
      .execute();
    expect(stored).toEqual([{ id: amended.observationIds[0], value: 12, observed_at: addDays(TODAY, -2) }]);
    expect((await caseloadEntry(workerId))?.lastSessionOn).toBe(addDays(TODAY, -2));

    // The original: listed as revision 1 with who, when, why and its observation, notes only by reveal.
    const { items: history, nextCursor } = await listSessionRevisions(mdb.handle.db, org.supervisor, {
      workerId,
      sessionId: first.sessionId,
    });
    expect(history).toHaveLength(1);
    expect(nextCursor).toBeNull();
    expect(history[0]).toMatchObject({
      revision: 1,
      change: 'amend',
      reason: 'Count was a duplicate entry',
      changedByUserId: 'u-sup',
      previous: {
        heldOn: addDays(TODAY, -3),
        minutes: 30,
        hasNotes: true,
        observations: [{ id: oldObservation, indicator: 'after_hours_client_contact', value: 13 }],
      },
    });
    expect(JSON.stringify(history)).not.toContain('Synthetic original note');
    const revealed = await revealNotes(mdb.handle.db, org.supervisor, {
      workerId,
      sessionIds: [first.sessionId],
      revisionIds: [history[0]!.id],
    });
    expect(revealed.notes[0]?.privateNotes).toBe('Synthetic corrected note');
    expect(revealed.revisionNotes[0]?.privateNotes).toBe('Synthetic original note');
    const read = await mdb.handle.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'session_notes.read')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(read.details)).toEqual({ sessions: [first.sessionId], revisions: [history[0]!.id] });
    const amendEvent = await mdb.handle.db
      .selectFrom('audit_event')
      .select(['details', 'entity_id'])
      .where('action', '=', 'session.amend')
      .executeTakeFirstOrThrow();
    expect(amendEvent.entity_id).toBe(first.sessionId);
    expect(JSON.parse(amendEvent.details)).toMatchObject({
      reason: 'Count was a duplicate entry',
      revision: 2,
    });

    const [listed] = (await listSessions(mdb.handle.db, org.supervisor, { workerId })).items;
    expect(listed).toMatchObject({
      id: first.sessionId,
      revision: 2,
      revisionCount: 1,
      voided: null,
      minutes: 45,
    });
  });

  it('refuses a stale revision naming what changed, and changes nothing', async () => {
    const workerId = org.workerIds[0]!;
    const [session] = (await listSessions(mdb.handle.db, org.supervisor, { workerId })).items;
    const before = await state();
    const error = await refusal(
      amendSession(mdb.handle.db, org.supervisor, {
        requestId: randomUUID(),
        workerId,
        sessionId: session!.id,
        revision: 1,
        reason: 'Edited in a second tab',
        heldOn: addDays(TODAY, -3),
        minutes: 20,
      }),
    );
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('since revision 1');
    expect(error.message).toContain('now revision 2');
    expect(error.message).toContain('amended by u-sup');
    expect(error.message).toContain('changed: heldOn, minutes, privateNotes, observations');
    const voidError = await refusal(
      voidSession(mdb.handle.db, org.supervisor, {
        workerId,
        sessionId: session!.id,
        revision: 1,
        reason: 'Stale void',
      }),
    );
    expect(voidError.code).toBe('conflict');
    expect(await state()).toEqual(before);
  });

  it('writes nothing on a retry with the same request id, for amend and for void', async () => {
    const workerId = org.workerIds[1]!;
    const { sessionId } = await recordSession(mdb.handle.db, org.supervisor, {
      workerId,
      heldOn: addDays(TODAY, -1),
      observations: [{ indicator: 'stress', value: 4 }],
    });
    const amend = {
      requestId: randomUUID(),
      workerId,
      sessionId,
      revision: 1,
      reason: 'Stress was a 3',
      heldOn: addDays(TODAY, -1),
      observations: [{ indicator: 'stress' as const, value: 3 }],
    };
    const once = await amendSession(mdb.handle.db, org.supervisor, amend);
    const afterFirst = await state();
    const again = await amendSession(mdb.handle.db, org.supervisor, amend);
    expect(again).toEqual(once);
    expect(await state()).toEqual(afterFirst);

    const voiding = {
      requestId: randomUUID(),
      workerId,
      sessionId,
      revision: 2,
      reason: 'Recorded for the wrong PSW',
    };
    const voided = await voidSession(mdb.handle.db, org.supervisor, voiding);
    const afterVoid = await state();
    expect(await voidSession(mdb.handle.db, org.supervisor, voiding)).toEqual(voided);
    expect(await state()).toEqual(afterVoid);
    // The same id with other content is refused, and so is a second void or an amendment of a voided session.
    expect(
      (await refusal(voidSession(mdb.handle.db, org.supervisor, { ...voiding, reason: 'Other' }))).code,
    ).toBe('conflict');
    const twice = await refusal(
      voidSession(mdb.handle.db, org.supervisor, { ...voiding, requestId: randomUUID(), revision: 3 }),
    );
    expect(twice.message).toContain('already voided');
    const amendVoided = await refusal(
      amendSession(mdb.handle.db, org.supervisor, { ...amend, requestId: randomUUID(), revision: 3 }),
    );
    expect(amendVoided.message).toContain('voided');
    expect(await state()).toEqual(afterVoid);
    // The history a page at a time: one amendment and one void, each once, oldest first.
    const first = await listSessionRevisions(mdb.handle.db, org.supervisor, {
      workerId,
      sessionId,
      limit: 1,
    });
    const second = await listSessionRevisions(mdb.handle.db, org.supervisor, {
      workerId,
      sessionId,
      limit: 1,
      cursor: first.nextCursor,
    });
    expect([...first.items, ...second.items].map((r) => [r.revision, r.change])).toEqual([
      [1, 'amend'],
      [2, 'void'],
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it('takes a voided session and its observations out of the assessment and "last supervision", and lists it as voided', async () => {
    const workerId = org.workerIds[2]!;
    await recordSession(mdb.handle.db, org.supervisor, {
      workerId,
      heldOn: addDays(TODAY, -50),
      minutes: 40,
    });
    const overdue = await caseloadEntry(workerId);
    expect(overdue?.lastSessionOn).toBe(addDays(TODAY, -50));
    expect(overdue?.need.supervision.state).toBe('overdue');
    const recent = await recordSession(mdb.handle.db, org.supervisor, {
      workerId,
      heldOn: addDays(TODAY, -1),
      observations: [{ indicator: 'after_hours_client_contact', value: 9 }],
    });
    const fresh = await caseloadEntry(workerId);
    expect(fresh?.lastSessionOn).toBe(addDays(TODAY, -1));
    expect(fresh?.need.supervision.state).toBe('ok');
    expect(await assessmentText(workerId)).toContain(recent.observationIds[0]!);
    // A team snapshot of November computed now counts the PSW as supervised that month.
    const supervisedInNovember = async () => {
      const cohort = {
        period: TODAY.slice(0, 7),
        frozenAt: `${TODAY}T00:00:00.000Z`,
        members: [{ workerId, unitId: org.unitId, setting: 'inpatient', startedOn: '2024-01-10' }],
        supervisors: new Map([['u-sup', [workerId]]]),
      };
      const snapshot = await computeTeamSnapshot(mdb.handle.db, 'org-1', cohort, { k: 3, cadenceDays: 28 });
      return snapshot.organization.groups.find((g) => g.id === 'all')?.supervised;
    };
    expect(await supervisedInNovember()).toBe(1);

    const voided = await voidSession(mdb.handle.db, org.supervisor, {
      requestId: randomUUID(),
      workerId,
      sessionId: recent.sessionId,
      revision: 1,
      reason: 'Session did not take place',
    });
    expect(voided.observationsWithdrawn).toBe(1);
    const after = await caseloadEntry(workerId);
    expect(after?.lastSessionOn).toBe(addDays(TODAY, -50));
    expect(after?.need.supervision).toMatchObject({ state: 'overdue', daysSinceLast: 50 });
    expect(await assessmentText(workerId)).not.toContain(recent.observationIds[0]!);
    expect(await supervisedInNovember()).toBe(0);

    const listed = (await listSessions(mdb.handle.db, org.supervisor, { workerId })).items;
    expect(listed.map((s) => s.id)).toHaveLength(2);
    expect(listed[0]).toMatchObject({
      id: recent.sessionId,
      revision: 2,
      revisionCount: 1,
      observationCount: 0,
      voided: {
        at: voided.voidedAt,
        byUserId: 'u-sup',
        byName: 'u-sup',
        reason: 'Session did not take place',
      },
    });
    const {
      items: [kept],
    } = await listSessionRevisions(mdb.handle.db, org.supervisor, {
      workerId,
      sessionId: recent.sessionId,
    });
    expect(kept).toMatchObject({
      change: 'void',
      previous: { observations: [{ id: recent.observationIds[0], value: 9 }] },
    });
    const event = await mdb.handle.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'session.void')
      .where('entity_id', '=', recent.sessionId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.details)).toMatchObject({
      reason: 'Session did not take place',
      observations: 1,
    });
  });

  it('keeps the observations and notes an amendment leaves out, and refuses one that would leave nothing', async () => {
    const workerId = org.workerIds[1]!;
    const { sessionId, observationIds } = await recordSession(mdb.handle.db, org.supervisor, {
      workerId,
      heldOn: addDays(TODAY, -6),
      privateNotes: 'Synthetic kept note',
      observations: [{ indicator: 'stress', value: 2 }],
    });
    const kept = await amendSession(mdb.handle.db, org.supervisor, {
      workerId,
      sessionId,
      revision: 1,
      reason: 'Wrong day and kind',
      heldOn: addDays(TODAY, -5),
      kind: 'group',
    });
    expect(kept).toMatchObject({ revision: 2, observationIds, changed: ['heldOn', 'kind'] });
    const rows = await mdb.handle.db
      .selectFrom('observation')
      .select(['id', 'observed_at'])
      .where('session_id', '=', sessionId)
      .execute();
    expect(rows).toEqual([{ id: observationIds[0], observed_at: addDays(TODAY, -5) }]);
    const { notes } = await revealNotes(mdb.handle.db, org.supervisor, { workerId, sessionIds: [sessionId] });
    expect(notes[0]?.privateNotes).toBe('Synthetic kept note');

    const before = await state();
    const empty = await refusal(
      amendSession(mdb.handle.db, org.supervisor, {
        workerId,
        sessionId,
        revision: 2,
        reason: 'Clearing everything',
        heldOn: addDays(TODAY, -5),
        privateNotes: '',
        observations: [],
      }),
    );
    expect(empty.issues.map((i) => i.path)).toEqual(['nothingToRecord']);
    const emptyAgainstStored = await refusal(
      amendSession(mdb.handle.db, org.supervisor, {
        workerId,
        sessionId,
        revision: 2,
        reason: 'Clearing the notes only',
        heldOn: addDays(TODAY, -5),
        privateNotes: '',
        nothingToRecord: true,
      }),
    );
    expect(emptyAgainstStored.issues.map((i) => i.path)).toEqual(['nothingToRecord']);
    expect(await state()).toEqual(before);
  });

  it('refuses a reason without visible characters, naming the field, and writes nothing', async () => {
    const workerId = org.workerIds[0]!;
    const [session] = (await listSessions(mdb.handle.db, org.supervisor, { workerId })).items;
    const before = await state();
    for (const reason of ['', '   \n\t', '\u200b\u200b\u200b\u200b', 'ok']) {
      const error = await refusal(
        voidSession(mdb.handle.db, org.supervisor, { workerId, sessionId: session!.id, revision: 2, reason }),
      );
      expect(error.code).toBe('invalid_input');
      expect(error.issues.map((i) => i.path)).toEqual(['reason']);
    }
    expect(await state()).toEqual(before);
  });

  it('gives a supervisor not assigned NOT_FOUND and an admin FORBIDDEN, and changes nothing', async () => {
    const workerId = org.workerIds[0]!;
    const [session] = (await listSessions(mdb.handle.db, org.supervisor, { workerId })).items;
    const before = await state();
    const amend = {
      workerId,
      sessionId: session!.id,
      revision: 2,
      reason: 'Not mine to change',
      heldOn: TODAY,
      minutes: 10,
    };
    const voiding = { workerId, sessionId: session!.id, revision: 2, reason: 'Not mine to void' };
    for (const [actor, code] of [
      [otherSupervisor, 'not_found'],
      [org.admin, 'forbidden'],
    ] as const) {
      expect((await refusal(amendSession(mdb.handle.db, actor, amend))).code).toBe(code);
      expect((await refusal(voidSession(mdb.handle.db, actor, voiding))).code).toBe(code);
      expect(
        (await refusal(listSessionRevisions(mdb.handle.db, actor, { workerId, sessionId: session!.id })))
          .code,
      ).toBe(code);
    }
    // The assigned supervisor naming a session of another of their PSWs: the same NOT_FOUND.
    expect(
      (await refusal(amendSession(mdb.handle.db, org.supervisor, { ...amend, workerId: org.workerIds[1]! })))
        .code,
    ).toBe('not_found');
    expect(await state()).toEqual(before);
  });
});
