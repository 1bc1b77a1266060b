/**
 * The audit screen's api (issue 9) over real HTTP on both dialects: `admin.auditLog` filters and pages
 * with names; `admin.recordReads` lists who opened a PSW's record; `GET /api/audit.csv` answers an admin
 * with a BOM-prefixed, quoted, formula-guarded CSV download that is never cached and records
 * `audit.export`; a supervisor, a signed-out caller and a cross-site request are refused.
 */
import { testDialects } from '@peerbridge/testing';
import { TRPCClientError } from '@trpc/client';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

const EVIL = '=HYPERLINK("http://evil.example","Open")';

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCClientError) return String((error.data as { code?: string })?.code);
    throw error;
  }
}

describe.each(testDialects())('the audit screen api on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let b: OrgFixture;
  const jars = {} as Record<'admin' | 'supervisor' | 'bAdmin', CookieJar>;
  const clients = {} as Record<keyof typeof jars, TestClient>;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a, b } = await seedTwoOrganizations(api.handle));
    const people = {
      admin: a.users.admin.email,
      supervisor: a.users.supervisor.email,
      bAdmin: b.users.admin.email,
    };
    for (const [key, email] of Object.entries(people) as [keyof typeof jars, string][]) {
      jars[key] = new CookieJar();
      expect((await signIn(api.baseUrl, jars[key], email, PASSWORD)).status).toBe(200);
      clients[key] = trpcClient(api.baseUrl, jars[key]);
    }
    await clients.supervisor.supervision.openWorker.mutate({ workerId: a.workerId });
    await clients.supervisor.supervision.openWorker.mutate({ workerId: a.workerId });
    await clients.supervisor.supervision.openCaseload.mutate();
  });
  afterAll(async () => {
    await api.close();
  });

  const csv = (query: string, jar: CookieJar | null, headers: Record<string, string> = {}) =>
    (jar ? jar.fetch : fetch)(`${api.baseUrl}/api/audit.csv${query}`, { headers });

  it('lists filtered, named pages for an admin and refuses a supervisor', async () => {
    const page = await clients.admin.admin.auditLog.query({
      workerId: a.workerId,
      actions: ['worker_record.view'],
    });
    expect(page.items).toHaveLength(2);
    expect(page.items.every((r) => r.workerName !== null && r.actorName === 'supervisor a')).toBe(true);
    expect(page.items[0]?.labelKey).toBe('auditActions.worker_record.view');
    const first = await clients.admin.admin.auditLog.query({ limit: 1 });
    const second = await clients.admin.admin.auditLog.query({ limit: 1, cursor: first.nextCursor });
    expect(second.items[0]?.seq).toBeLessThan(first.items[0]?.seq ?? 0);
    expect(await codeOf(clients.supervisor.admin.auditLog.query({}))).toBe('FORBIDDEN');
    expect(await codeOf(clients.admin.admin.auditLog.query({ limit: 201 }))).toBe('BAD_REQUEST');
    // Org B's admin sees none of org A's events.
    const bPage = await clients.bAdmin.admin.auditLog.query({ workerId: a.workerId });
    expect(bPage.items).toEqual([]);
  });

  it("lists who has seen a PSW's record, and not for another organisation's admin", async () => {
    const reads = await clients.admin.admin.recordReads.query({ workerId: a.workerId });
    expect(reads.items.map((r) => [r.action, r.actorUserId])).toEqual([
      ['worker_record.view', a.users.supervisor.id],
      ['worker_record.view', a.users.supervisor.id],
    ]);
    expect(await codeOf(clients.bAdmin.admin.recordReads.query({ workerId: a.workerId }))).toBe('NOT_FOUND');
    expect(await codeOf(clients.supervisor.admin.recordReads.query({ workerId: a.workerId }))).toBe(
      'FORBIDDEN',
    );
  });

  it('downloads a guarded CSV with a BOM, never cached, and records the export', async () => {
    // The admin renames themselves (straight in the database): the export's own event stores that name.
    await api.handle.db.updateTable('user').set({ name: EVIL }).where('id', '=', a.users.admin.id).execute();
    const response = await csv(
      `?workerId=${a.workerId}&action=worker_record.view&action=audit.export`,
      jars.admin,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-org-a-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Open"")"`);
    const rows = parse(text) as string[][];
    expect(rows[0]?.slice(0, 4)).toEqual(['at', 'seq', 'action', 'actor_name']);
    expect(rows.slice(1).map((r) => [r[2], r[3]])).toEqual([
      ['audit.export', `'${EVIL}`],
      ['worker_record.view', 'supervisor a'],
      ['worker_record.view', 'supervisor a'],
    ]);
    const exports = await api.handle.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'entity_id', 'details', 'organization_id'])
      .where('action', '=', 'audit.export')
      .execute();
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({
      actor_user_id: a.users.admin.id,
      entity_id: a.workerId,
      organization_id: a.organizationId,
    });
  });

  it('refuses a supervisor, a signed-out caller, a cross-site request and a bad date, writing no export', async () => {
    const count = async () =>
      (
        await api.handle.db
          .selectFrom('audit_event')
          .select('id')
          .where('action', '=', 'audit.export')
          .execute()
      ).length;
    const before = await count();
    const supervisor = await csv('', jars.supervisor);
    expect(supervisor.status).toBe(403);
    expect(supervisor.headers.get('cache-control')).toBe('no-store');
    expect((await csv('', null)).status).toBe(401);
    expect((await csv('', jars.admin, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    const bad = await csv('?from=2026-13-01', jars.admin);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('from');
    expect((await csv(`?workerId=${b.workerId}`, jars.admin)).status).toBe(404);
    expect(await count()).toBe(before);
  });
});
