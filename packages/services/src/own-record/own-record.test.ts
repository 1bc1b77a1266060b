/**
 * A PSW's own record on both dialects (ADR 0031): their own sessions with only the shared summary (the
 * private notes appear nowhere in the record or the download), their actions, their picture in the
 * supervisor's words, one audit event per read; another PSW's session id, another role, and a
 * supervisor's own-record call are refused as for any record the caller may not see.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { answerCard } from '../cards/answer-card';
import { todayIso } from '../db';
import { listSessions } from '../sessions/list-sessions';
import { recordSession } from '../sessions/record-session';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aPeerWorkerAccount } from '../test-support/peer-worker-account';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { exportOwnRecord, getOwnSession, openOwnRecord, printOwnRecord } from './own-record';
import { commentOnOwnSession } from './session-comments';

const PRIVATE = 'Private supervisor note: synthetic worry about the night shifts';
const SHARED = 'We agreed you take the Tuesday team meeting slot.';

describe.each(testDialects())('a PSW reading their own record on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let olga: Actor;
  let pavel: Actor;
  let olgaSession: string;
  let pavelSession: string;
  const db = () => mdb.handle.db;
  const events = (action: string) =>
    db()
      .selectFrom('audit_event')
      .select(['actor_user_id', 'entity_type', 'entity_id'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 2 });
    const [olgaWorker, pavelWorker] = org.workerIds as [string, string];
    olga = await aPeerWorkerAccount(db(), org.admin, olgaWorker, {
      name: 'Olga Synthetic',
      email: 'olga@example.test',
    });
    pavel = await aPeerWorkerAccount(db(), org.admin, pavelWorker, {
      name: 'Pavel Synthetic',
      email: 'pavel@example.test',
    });
    olgaSession = (
      await recordSession(db(), org.supervisor, {
        workerId: olgaWorker,
        heldOn: TODAY,
        minutes: 45,
        privateNotes: PRIVATE,
        sharedSummary: SHARED,
      })
    ).sessionId;
    await recordSession(db(), org.supervisor, {
      workerId: olgaWorker,
      heldOn: TODAY,
      minutes: 20,
      privateNotes: PRIVATE,
    });
    pavelSession = (
      await recordSession(db(), org.supervisor, {
        workerId: pavelWorker,
        heldOn: TODAY,
        minutes: 30,
        sharedSummary: 'Pavel only',
      })
    ).sessionId;
    await answerCard(db(), org.supervisor, {
      workerId: olgaWorker,
      cardId: 'supervision_focus_team_position',
      decision: 'accepted',
      dueOn: todayIso(),
    });
  });
  afterAll(async () => {
    await mdb.close();
  });

  it('shows their own sessions with only the shared summary, their actions and their picture, audited once', async () => {
    const record = await openOwnRecord(db(), olga);
    expect(record.worker).toMatchObject({ displayName: 'Peer 1', unitName: 'Ward C' });
    expect(record.sessions.map((s) => [s.minutes, s.sharedSummary])).toEqual(
      expect.arrayContaining([
        [45, SHARED],
        [20, null],
      ]),
    );
    expect(record.sessions).toHaveLength(2);
    expect(record.actions).toHaveLength(1);
    expect(record.actions[0]).toMatchObject({ status: 'open', dueOn: todayIso() });
    expect(Object.keys(record.picture.explanation.conflicts).length).toBeGreaterThan(0);
    const text = JSON.stringify(record);
    expect(text).not.toContain(PRIVATE);
    expect(text).not.toContain('Pavel only');
    expect(text).not.toContain('privateNotes');
    expect(await events('own_record.view')).toEqual([
      { actor_user_id: olga.userId, entity_type: 'peer_worker', entity_id: org.workerIds[0] },
    ]);
  });

  it('downloads the same record as one JSON document, without the private notes, audited', async () => {
    const download = await exportOwnRecord(db(), olga);
    expect(download).toMatchObject({ format: 'peerbridge-own-record', version: 1 });
    expect(download.sessions).toHaveLength(2);
    const text = JSON.stringify(download);
    expect(text).not.toContain(PRIVATE);
    expect(await events('own_record.export')).toEqual([
      { actor_user_id: olga.userId, entity_type: 'peer_worker', entity_id: org.workerIds[0] },
    ]);
  });

  it('opens the same document for the printable page, audited as a print and not as a download', async () => {
    const downloads = (await events('own_record.export')).length;
    const printable = await printOwnRecord(db(), olga);
    const { exportedAt: _a, ...printed } = printable;
    const { exportedAt: _b, ...downloaded } = await exportOwnRecord(db(), olga);
    expect(printed).toEqual(downloaded);
    expect(JSON.stringify(printable)).not.toContain(PRIVATE);
    expect(await events('own_record.print')).toEqual([
      { actor_user_id: olga.userId, entity_type: 'peer_worker', entity_id: org.workerIds[0] },
    ]);
    expect(await events('own_record.export')).toHaveLength(downloads + 1);
    await expect(printOwnRecord(db(), org.supervisor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("answers not found for another PSW's session, exactly as for none, and audits only their own reads", async () => {
    expect(await getOwnSession(db(), olga, { sessionId: olgaSession })).toMatchObject({
      sharedSummary: SHARED,
    });
    const refusal = async (sessionId: string) =>
      getOwnSession(db(), olga, { sessionId }).then(
        () => 'ok',
        (e: { code: string; message: string }) => `${e.code} ${e.message}`,
      );
    expect(await refusal(pavelSession)).toBe(await refusal('no-such-session'));
    expect(await refusal(pavelSession)).toMatch(/^not_found/);
    expect(await events('own_session.view')).toEqual([
      { actor_user_id: olga.userId, entity_type: 'supervision_session', entity_id: olgaSession },
    ]);
    // Pavel sees his own session and none of Olga's.
    expect((await openOwnRecord(db(), pavel)).sessions.map((s) => s.id)).toEqual([pavelSession]);
  });

  it('refuses other roles, and a peer_worker role without a link reads like no record', async () => {
    await expect(openOwnRecord(db(), org.supervisor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportOwnRecord(db(), org.admin)).rejects.toMatchObject({ code: 'forbidden' });
    const unlinked: Actor = {
      userId: org.supervisor.userId,
      organizationId: olga.organizationId,
      roles: ['peer_worker'],
    };
    await expect(openOwnRecord(db(), unlinked)).rejects.toMatchObject({ code: 'not_found' });
    const elsewhere: Actor = { ...olga, organizationId: 'org-elsewhere' };
    await expect(openOwnRecord(db(), elsewhere)).rejects.toMatchObject({ code: 'not_found' });
    expect(await events('own_record.view')).toHaveLength(2);
  });

  it("takes a comment on their own session, which the supervisor reads with it; not on another PSW's", async () => {
    const comment = await commentOnOwnSession(db(), olga, {
      sessionId: olgaSession,
      body: 'Tuesdays suit me.',
    });
    const sessions = await listSessions(db(), org.supervisor, { workerId: org.workerIds[0] as string });
    const seen = sessions.items.find((s) => s.id === olgaSession);
    expect(seen).toMatchObject({
      sharedSummary: SHARED,
      peerComments: [{ id: comment.id, body: 'Tuesdays suit me.' }],
    });
    expect((await openOwnRecord(db(), olga)).sessions.find((s) => s.id === olgaSession)?.comments).toEqual([
      comment,
    ]);
    const before = await db().selectFrom('session_comment').select('id').execute();
    await expect(
      commentOnOwnSession(db(), olga, { sessionId: pavelSession, body: 'Not mine to comment on' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      commentOnOwnSession(db(), olga, { sessionId: olgaSession, body: '   ' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'body' })],
    });
    await expect(
      commentOnOwnSession(db(), org.supervisor, { sessionId: olgaSession, body: 'A supervisor comment' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(await db().selectFrom('session_comment').select('id').execute()).toEqual(before);
    // The audit event names the session and the comment, never the text.
    const events = await db()
      .selectFrom('audit_event')
      .select(['entity_id', 'details'])
      .where('action', '=', 'session_comment.create')
      .execute();
    expect(events.map((e) => e.entity_id)).toEqual([olgaSession]);
    expect(JSON.stringify(events)).not.toContain('Tuesdays');
    expect(
      (await listSessions(db(), org.supervisor, { workerId: org.workerIds[1] as string })).items[0]
        ?.peerComments,
    ).toEqual([]);
  });
});
