/**
 * Amending and voiding sessions over real HTTP on both dialects (ADR 0010): a stale revision is CONFLICT
 * naming what changed; a retried request id answers the same and writes once; the history is a GET that
 * writes nothing, its notes come only through the audited reveal POST; a void takes the session out of
 * "last supervision" and leaves it listed as voided.
 */
import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

async function failureOf(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError)
      return { code: String((error.data as { code?: string })?.code), message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(testDialects())('amending and voiding sessions over HTTP on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let today: string;
  let c: TestClient;
  const events = async (action: string) =>
    api.handle.db.selectFrom('audit_event').select('details').where('action', '=', action).execute();
  const countAll = async () => (await api.handle.db.selectFrom('audit_event').select('id').execute()).length;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a, today } = await seedTwoOrganizations(api.handle));
    const jar = new CookieJar();
    expect((await signIn(api.baseUrl, jar, a.users.supervisor.email, PASSWORD)).status).toBe(200);
    c = trpcClient(api.baseUrl, jar);
    await c.supervision.openCaseload.mutate();
    await c.supervision.openWorker.mutate({ workerId: a.workerId });
  });
  afterAll(async () => {
    await api.close();
  });

  it('amends once per request id, refuses a stale revision by name, and keeps the history', async () => {
    const workerId = a.workerId;
    const { sessionId } = await c.supervision.recordSession.mutate({
      requestId: randomUUID(),
      workerId,
      heldOn: today,
      minutes: 30,
      privateNotes: 'Synthetic first note',
    });
    const amend = {
      requestId: randomUUID(),
      workerId,
      sessionId,
      revision: 1,
      reason: 'Minutes were wrong',
      heldOn: today,
      minutes: 50,
    };
    const [first, second] = await Promise.all([
      c.supervision.amendSession.mutate(amend),
      c.supervision.amendSession.mutate(amend),
    ]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ revision: 2, changed: ['minutes'] });
    expect((await events('session.amend')).length).toBe(1);

    const stale = await failureOf(
      c.supervision.amendSession.mutate({ ...amend, requestId: randomUUID(), minutes: 10 }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/since revision 1 .*now revision 2.*changed: minutes/);

    const before = await countAll();
    const { items: history } = await c.supervision.sessionRevisions.query({ workerId, sessionId });
    expect(history.map((r) => [r.revision, r.change, r.reason, r.previous.minutes])).toEqual([
      [1, 'amend', 'Minutes were wrong', 30],
    ]);
    expect(JSON.stringify(history)).not.toContain('Synthetic first note');
    expect(await countAll()).toBe(before);
    const { revisionNotes } = await c.supervision.revealNotes.mutate({
      workerId,
      revisionIds: [history[0]!.id],
    });
    expect(revisionNotes[0]?.privateNotes).toBe('Synthetic first note');
    expect(await countAll()).toBe(before + 1);

    // An amend without a request id is refused at the api's edge, naming the field.
    const { requestId: _left, ...noId } = amend;
    const missing = await failureOf(c.supervision.amendSession.mutate(noId as typeof amend));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.message).toContain('requestId');
  });

  it('voids a session out of "last supervision", lists it as voided, and refuses a second void', async () => {
    const workerId = a.workerId;
    const lastOf = async () =>
      (await c.supervision.caseload.query()).workers.find((w) => w.workerId === workerId)?.lastSessionOn ??
      null;
    const sessions = (await c.supervision.sessions.query({ workerId })).items;
    for (const s of sessions) {
      if (s.voided) continue;
      await c.supervision.voidSession.mutate({
        requestId: randomUUID(),
        workerId,
        sessionId: s.id,
        revision: s.revision,
        reason: 'Synthetic cleanup before the check',
      });
    }
    expect(await lastOf()).toBeNull();
    const listed = (await c.supervision.sessions.query({ workerId })).items;
    expect(listed.length).toBe(sessions.length);
    expect(listed.every((s) => s.voided?.reason === 'Synthetic cleanup before the check')).toBe(true);
    const again = await failureOf(
      c.supervision.voidSession.mutate({
        requestId: randomUUID(),
        workerId,
        sessionId: listed[0]!.id,
        revision: listed[0]!.revision,
        reason: 'Twice',
      }),
    );
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toContain('already voided');
    const blank = await failureOf(
      c.supervision.voidSession.mutate({
        requestId: randomUUID(),
        workerId,
        sessionId: listed[0]!.id,
        revision: listed[0]!.revision,
        reason: '   ',
      }),
    );
    expect(blank.code).toBe('BAD_REQUEST');
    expect(blank.message).toContain('reason');
  });
});
