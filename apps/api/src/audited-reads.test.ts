/**
 * Audited reads and refusals (ADR 0009), over real HTTP on both dialects: a page view of a PSW is one
 * "viewed PSW record" event and the reads behind it write nothing; reads without an open view are
 * refused; every NOT_FOUND / FORBIDDEN on a named record leaves an `access.refused` event, even when
 * the refused call's transaction rolled back; the chain still verifies afterwards.
 */
import { randomUUID } from 'node:crypto';
import { verifyAuditChain } from '@peerbridge/db';
import { hasOpenView, RECORD_VIEW_MINUTES } from '@peerbridge/services';
import { testDialects } from '@peerbridge/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCClientError) return String((error.data as { code?: string })?.code);
    throw error;
  }
}

describe.each(testDialects())('audited reads and refusals on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let b: OrgFixture;
  const clients = {} as Record<'supervisor' | 'otherSupervisor' | 'admin' | 'bSupervisor', TestClient>;

  const events = (filter: { action?: string; actor?: string } = {}) => {
    let q = api.handle.db
      .selectFrom('audit_event')
      .select(['action', 'actor_user_id', 'entity_type', 'entity_id', 'details', 'organization_id']);
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.actor) q = q.where('actor_user_id', '=', filter.actor);
    return q.orderBy('chain').orderBy('seq').execute();
  };
  const countAll = async () => (await events()).length;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a, b } = await seedTwoOrganizations(api.handle));
    const people = {
      supervisor: a.users.supervisor.email,
      otherSupervisor: a.users.otherSupervisor.email,
      admin: a.users.admin.email,
      bSupervisor: b.users.supervisor.email,
    };
    for (const [key, email] of Object.entries(people) as [keyof typeof clients, string][]) {
      const jar = new CookieJar();
      expect((await signIn(api.baseUrl, jar, email, PASSWORD)).status).toBe(200);
      clients[key] = trpcClient(api.baseUrl, jar);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it("refuses reads of a PSW's record and of the caseload until they are opened, and writes nothing then", async () => {
    const before = await countAll();
    const c = clients.supervisor;
    const workerId = a.workerId;
    expect(await codeOf(c.supervision.assessment.query({ workerId }))).toBe('PRECONDITION_FAILED');
    expect(await codeOf(c.supervision.observations.query({ workerId }))).toBe('PRECONDITION_FAILED');
    expect(await codeOf(c.supervision.history.query({ workerId }))).toBe('PRECONDITION_FAILED');
    expect(await codeOf(c.supervision.sessions.query({ workerId }))).toBe('PRECONDITION_FAILED');
    expect(await codeOf(c.supervision.caseload.query())).toBe('PRECONDITION_FAILED');
    expect(await countAll()).toBe(before);
  });

  it('records one page view of a PSW as one event, however many reads the page makes', async () => {
    const c = clients.supervisor;
    const workerId = a.workerId;
    await c.supervision.openWorker.mutate({ workerId });
    const afterOpen = await countAll();
    // What the PSW page reads, twice over (a refetch on focus), as the portal batches them.
    for (let round = 0; round < 2; round++) {
      await Promise.all([
        c.supervision.assessment.query({ workerId }),
        c.supervision.history.query({ workerId, months: 6 }),
        c.supervision.sessions.query({ workerId }),
        c.supervision.observations.query({ workerId }),
      ]);
    }
    expect(await countAll()).toBe(afterOpen);
    const views = await events({ action: 'worker_record.view', actor: a.users.supervisor.id });
    expect(views.map((e) => [e.entity_type, e.entity_id, e.organization_id])).toEqual([
      ['peer_worker', workerId, a.organizationId],
    ]);
    // Opening A's PSW does not open the caseload, nor another PSW.
    expect(await codeOf(c.supervision.caseload.query())).toBe('PRECONDITION_FAILED');
    expect(await codeOf(c.supervision.assessment.query({ workerId: a.spareWorkerId }))).toBe('NOT_FOUND');
  });

  it('lists sessions by GET without notes or audit rows, and reveals notes by POST with exactly one event', async () => {
    const c = clients.supervisor;
    const workerId = a.workerId;
    const { sessionId } = await c.supervision.recordSession.mutate({
      requestId: randomUUID(),
      workerId,
      heldOn: new Date().toISOString().slice(0, 10),
      privateNotes: 'Synthetic private note',
      observations: [{ indicator: 'stress', value: 2 }],
    });
    await c.supervision.openWorker.mutate({ workerId });
    const before = await countAll();
    const listed = await c.supervision.sessions.query({ workerId });
    expect(await countAll()).toBe(before);
    expect(JSON.stringify(listed)).not.toContain('Synthetic private note');
    expect(listed.items.find((s) => s.id === sessionId)?.hasNotes).toBe(true);
    // The same list as a plain GET, as a link on another page would send it.
    const input = encodeURIComponent(JSON.stringify({ workerId }));
    const jar = new CookieJar();
    expect((await signIn(api.baseUrl, jar, a.users.supervisor.email, PASSWORD)).status).toBe(200);
    const get = await jar.fetch(`${api.baseUrl}/trpc/supervision.sessions?input=${input}`);
    expect(get.status).toBe(200);
    expect(await get.text()).not.toContain('Synthetic private note');
    expect(await countAll()).toBe(before);
    // revealNotes is a mutation: a GET to it is refused and writes nothing.
    const revealInput = encodeURIComponent(JSON.stringify({ workerId, sessionIds: [sessionId] }));
    const getReveal = await jar.fetch(`${api.baseUrl}/trpc/supervision.revealNotes?input=${revealInput}`);
    expect(getReveal.status).toBe(405);
    expect(await countAll()).toBe(before);

    const { notes } = await c.supervision.revealNotes.mutate({ workerId, sessionIds: [sessionId] });
    expect(notes).toEqual([{ sessionId, privateNotes: 'Synthetic private note' }]);
    const added = (await events()).slice(before);
    expect(added.map((e) => [e.action, e.actor_user_id, e.entity_id, JSON.parse(e.details)])).toEqual([
      ['session_notes.read', a.users.supervisor.id, workerId, { sessions: [sessionId] }],
    ]);
  });

  it('records opening the caseload once, and then answers caseload reads without writing', async () => {
    const c = clients.supervisor;
    await c.supervision.openCaseload.mutate();
    const afterOpen = await countAll();
    await c.supervision.caseload.query();
    await c.supervision.caseload.query();
    expect(await countAll()).toBe(afterOpen);
    expect(await events({ action: 'caseload.view', actor: a.users.supervisor.id })).toHaveLength(1);
  });

  it(`stops answering ${RECORD_VIEW_MINUTES} minutes after the record was opened`, async () => {
    const actor = {
      userId: a.users.supervisor.id,
      organizationId: a.organizationId,
      roles: ['supervisor'] as const,
    };
    const target = { kind: 'worker', workerId: a.workerId } as const;
    const minutes = (m: number) => new Date(Date.now() + m * 60_000);
    expect(await hasOpenView(api.handle.db, actor, target, minutes(RECORD_VIEW_MINUTES - 1))).toBe(true);
    expect(await hasOpenView(api.handle.db, actor, target, minutes(RECORD_VIEW_MINUTES + 1))).toBe(false);
  });

  it('leaves one refusal event per NOT_FOUND probe: 51 probes, 51 events naming actor, procedure and id', async () => {
    const prober = clients.bSupervisor;
    const ids = [a.workerId, a.spareWorkerId];
    for (let i = 0; i < 49; i++) ids.push(`guessed-${i}`);
    const before = await events({ action: 'access.refused', actor: b.users.supervisor.id });
    for (const workerId of ids) {
      expect(await codeOf(prober.supervision.observations.query({ workerId }))).toBe('NOT_FOUND');
    }
    const after = await events({ action: 'access.refused', actor: b.users.supervisor.id });
    const added = after.slice(before.length);
    expect(added).toHaveLength(51);
    expect(added.map((e) => e.entity_id)).toEqual(ids);
    for (const e of added) {
      expect(e.organization_id).toBe(b.organizationId);
      expect(e.entity_type).toBe('peer_worker');
      expect(JSON.parse(e.details)).toEqual({
        procedure: 'supervision.observations',
        outcome: 'NOT_FOUND',
        field: 'workerId',
      });
    }
  });

  it('records a refusal of a write whose transaction rolled back, and the write left nothing', async () => {
    const sessions = async () =>
      (await api.handle.db.selectFrom('supervision_session').select('id').execute()).length;
    const sessionsBefore = await sessions();
    const refused = await codeOf(
      clients.otherSupervisor.supervision.recordSession.mutate({
        requestId: randomUUID(),
        workerId: a.workerId,
        heldOn: new Date().toISOString().slice(0, 10),
        privateNotes: 'Should never be stored',
        observations: [{ indicator: 'stress', value: 3 }],
      }),
    );
    expect(refused).toBe('NOT_FOUND');
    expect(await sessions()).toBe(sessionsBefore);
    const refusal = await events({ action: 'access.refused', actor: a.users.otherSupervisor.id });
    expect(refusal.map((e) => [e.entity_id, JSON.parse(e.details)])).toEqual([
      [a.workerId, { procedure: 'supervision.recordSession', outcome: 'NOT_FOUND', field: 'workerId' }],
    ]);
  });

  it("records an admin's FORBIDDEN attempt at a PSW's observations and at opening the record", async () => {
    expect(await codeOf(clients.admin.supervision.observations.query({ workerId: a.workerId }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(clients.admin.supervision.openWorker.mutate({ workerId: a.workerId }))).toBe(
      'FORBIDDEN',
    );
    const refusals = await events({ action: 'access.refused', actor: a.users.admin.id });
    expect(
      refusals.map((e) => [e.entity_id, JSON.parse(e.details).procedure, JSON.parse(e.details).outcome]),
    ).toEqual([
      [a.workerId, 'supervision.observations', 'FORBIDDEN'],
      [a.workerId, 'supervision.openWorker', 'FORBIDDEN'],
    ]);
    expect(await events({ action: 'worker_record.view', actor: a.users.admin.id })).toEqual([]);
  });

  it('refuses a cross-site GET (a link on another site) before it runs, so it writes no refusal', async () => {
    const jar = new CookieJar();
    expect((await signIn(api.baseUrl, jar, a.users.otherSupervisor.email, PASSWORD)).status).toBe(200);
    const before = await countAll();
    const input = encodeURIComponent(JSON.stringify({ workerId: 'forged-probe' }));
    const forged = await jar.fetch(`${api.baseUrl}/trpc/supervision.assessment?input=${input}`, {
      headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' },
    });
    expect(forged.status).toBe(403);
    expect(await countAll()).toBe(before);
    // The same request from the portal itself is answered (and its refusal recorded).
    const own = await jar.fetch(`${api.baseUrl}/trpc/supervision.assessment?input=${input}`, {
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(own.status).toBe(404);
    expect(await countAll()).toBe(before + 1);
  });

  it('keeps the hash chain intact through all of it', async () => {
    const report = await verifyAuditChain(api.handle.db);
    expect(report.ok).toBe(true);
    expect(report.eventsChecked).toBeGreaterThan(51);
  });
});
