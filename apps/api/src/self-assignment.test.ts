/**
 * Admins stay out of supervision data, even as supervisors (issue 8.5), over real HTTP on both dialects:
 * an admin assigning themselves is refused without a reason (the message names the field) and writes
 * nothing; with a reason the assignment is made, and the other admins see the reason in the PSW list
 * and in the audit log; a second admin may assign them without one.
 */
import { randomUUID } from 'node:crypto';
import { insertUserWithPassword } from '@peerbridge/services';
import { testDialects } from '@peerbridge/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe.each(testDialects())('an admin assigning themselves as supervisor on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;
  let selfId: string;
  let self: TestClient;
  let otherAdmin: TestClient;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a } = await seedTwoOrganizations(api.handle));
    selfId = await insertUserWithPassword(api.handle.db, a.organizationId, {
      name: 'Synthetic Admin Supervisor',
      email: 'admin-supervisor@a.example.test',
      password: PASSWORD,
      roles: ['admin', 'supervisor'],
    });
    const selfJar = new CookieJar();
    expect((await signIn(api.baseUrl, selfJar, 'admin-supervisor@a.example.test', PASSWORD)).status).toBe(
      200,
    );
    self = trpcClient(api.baseUrl, selfJar);
    const adminJar = new CookieJar();
    expect((await signIn(api.baseUrl, adminJar, a.users.admin.email, PASSWORD)).status).toBe(200);
    otherAdmin = trpcClient(api.baseUrl, adminJar);
  });
  afterAll(async () => {
    await api.close();
  });

  const assignmentsOf = (workerId: string) =>
    api.handle.db
      .selectFrom('supervisor_assignment')
      .select(['supervisor_user_id', 'assigned_by', 'self_assignment_reason'])
      .where('peer_worker_id', '=', workerId)
      .where('supervisor_user_id', '=', selfId)
      .execute();

  it.each([
    ['no reason', undefined],
    ['an empty reason', ''],
    ['only spaces', '           '],
    ['a reason too short to say anything', 'because'],
  ])(
    'refuses self-assignment with %s, naming selfAssignmentReason, and writes nothing',
    async (_case, reason) => {
      const auditBefore = (await api.handle.db.selectFrom('audit_event').select('id').execute()).length;
      const error = await self.admin.assignSupervisor
        .mutate({
          requestId: randomUUID(),
          workerId: a.spareWorkerId,
          supervisorUserId: selfId,
          ...(reason === undefined ? {} : { selfAssignmentReason: reason }),
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCClientError);
      const data = (error as TRPCClientError<never>).data as unknown as {
        code: string;
        issues: { path: string }[];
      };
      expect(data.code).toBe('BAD_REQUEST');
      expect(data.issues.map((i) => i.path)).toEqual(['selfAssignmentReason']);
      expect((error as Error).message).toMatch(
        /selfAssignmentReason: expected a reason of at least 10 characters/,
      );
      expect(await assignmentsOf(a.spareWorkerId)).toEqual([]);
      const auditAfter = (await api.handle.db.selectFrom('audit_event').select('id').execute()).length;
      expect(auditAfter).toBe(auditBefore);
    },
  );

  it('assigns with a reason, records who and why, and shows the reason to the other admins', async () => {
    const reason = 'Covering supervision while the ward supervisor is on leave';
    await self.admin.assignSupervisor.mutate({
      requestId: randomUUID(),
      workerId: a.spareWorkerId,
      supervisorUserId: selfId,
      selfAssignmentReason: `  ${reason} `,
    });
    expect(await assignmentsOf(a.spareWorkerId)).toEqual([
      { supervisor_user_id: selfId, assigned_by: selfId, self_assignment_reason: reason },
    ]);
    const workers = await otherAdmin.admin.workers.query();
    const spare = workers.find((w) => w.id === a.spareWorkerId);
    expect(spare?.supervisors).toEqual([
      {
        userId: selfId,
        name: 'Synthetic Admin Supervisor',
        assignedBy: selfId,
        selfAssignmentReason: reason,
      },
    ]);
    const { items: events } = await otherAdmin.admin.auditLog.query({
      actions: ['assignment.self_assigned'],
    });
    expect(events.map((e) => [e.actorUserId, e.actorName, e.entityId, e.details])).toEqual([
      [selfId, 'Synthetic Admin Supervisor', a.spareWorkerId, { supervisorUserId: selfId, reason }],
    ]);
    // The assignment is real: they may now open the PSW's record.
    await expect(self.supervision.openWorker.mutate({ workerId: a.spareWorkerId })).resolves.toMatchObject({
      validUntil: expect.any(String),
    });
  });

  it('lets a second admin make the assignment without a reason, and records that admin', async () => {
    await otherAdmin.admin.assignSupervisor.mutate({
      requestId: randomUUID(),
      workerId: a.workerId,
      supervisorUserId: selfId,
    });
    expect(await assignmentsOf(a.workerId)).toEqual([
      { supervisor_user_id: selfId, assigned_by: a.users.admin.id, self_assignment_reason: null },
    ]);
    const { items: events } = await otherAdmin.admin.auditLog.query({
      actions: ['assignment.self_assigned'],
    });
    expect(events.map((e) => e.entityId)).toEqual([a.spareWorkerId]);
  });
});
