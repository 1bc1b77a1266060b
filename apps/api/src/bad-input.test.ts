/**
 * Bad input to each mutation: a BAD_REQUEST naming each bad field's path and what was expected, and no
 * row changed anywhere (row counts of every table before and after), including failures found half-way
 * through a transaction.
 */
import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRouter } from './root';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { countRows, type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

interface Ctx {
  a: OrgFixture;
  today: string;
  future: string;
}
type BadCase = [
  name: string,
  who: 'supervisor' | 'admin',
  call: (c: TestClient, x: Ctx) => Promise<unknown>,
  paths: string[],
];

const cases: BadCase[] = [
  [
    'recordSession: a likert value out of range and an unknown indicator',
    'supervisor',
    (c, x) =>
      c.supervision.recordSession.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        heldOn: x.today,
        observations: [
          { indicator: 'stress', value: 9 },
          { indicator: 'not_an_indicator' as 'stress', value: 1 },
        ],
      }),
    ['observations.0.value', 'observations.1.indicator'],
  ],
  [
    'recordSession: an impossible date',
    'supervisor',
    (c, x) =>
      c.supervision.recordSession.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        heldOn: '2026-02-30',
        nothingToRecord: true,
      }),
    ['heldOn'],
  ],
  [
    'recordSession: an empty session (no observations, minutes or notes, not marked "nothing to record")',
    'supervisor',
    (c, x) =>
      c.supervision.recordSession.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        heldOn: x.today,
        minutes: 0,
        privateNotes: ' ',
      }),
    ['nothingToRecord'],
  ],
  [
    'recordSession: a date in the future',
    'supervisor',
    (c, x) =>
      c.supervision.recordSession.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        heldOn: x.future,
        nothingToRecord: true,
      }),
    ['heldOn'],
  ],
  [
    'recordObservations: a unit-level indicator for a PSW, and a bool given as a number',
    'supervisor',
    (c, x) =>
      c.supervision.recordObservations.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        observations: [
          { indicator: 'has_own_workplace', value: false, observedAt: x.today },
          { indicator: 'private_number_shared', value: 1, observedAt: x.today },
        ],
      }),
    ['observations.0.indicator', 'observations.1.value'],
  ],
  [
    'answerCard: overridden without a reason',
    'supervisor',
    (c, x) =>
      c.supervision.answerCard.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        cardId: 'supervision_focus_team_position',
        decision: 'overridden',
        reason: '   ',
      }),
    ['reason'],
  ],
  [
    'answerCard: a card not shown for this PSW',
    'supervisor',
    (c, x) =>
      c.supervision.answerCard.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        cardId: 'keep_going',
        decision: 'accepted',
        dueOn: x.future,
      }),
    ['cardId'],
  ],
  [
    'answerCard: accepted for an owner outside the organisation (found after the response row is written)',
    'supervisor',
    (c, x) =>
      c.supervision.answerCard.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        cardId: 'supervision_focus_team_position',
        decision: 'accepted',
        dueOn: x.future,
        ownerUserId: 'someone-else',
      }),
    ['ownerUserId'],
  ],
  [
    'completeAction: an empty id',
    'supervisor',
    (c) => c.supervision.completeAction.mutate({ actionId: '', outcome: 'done' }),
    ['actionId'],
  ],
  [
    'completeAction: an outcome that is not one of the three',
    'supervisor',
    (c) => c.supervision.completeAction.mutate({ actionId: 'any', outcome: 'finished' as never }),
    ['outcome'],
  ],
  [
    'updateOrganization: k outside 3..10',
    'admin',
    (c) => c.admin.updateOrganization.mutate({ smallCellK: 2, supervisionCadenceDays: 0 }),
    ['smallCellK', 'supervisionCadenceDays'],
  ],
  [
    'createUnit: no name and an unknown setting',
    'admin',
    (c) => c.admin.createUnit.mutate({ requestId: randomUUID(), name: '', setting: 'hospital' as 'other' }),
    ['name', 'setting'],
  ],
  [
    'updateUnit: an unknown setting',
    'admin',
    (c, x) => c.admin.updateUnit.mutate({ unitId: x.a.unitId, setting: 'ward' as 'other' }),
    ['setting'],
  ],
  [
    'recordUnitObservations: a worker-level indicator for a unit',
    'admin',
    (c, x) =>
      c.admin.recordUnitObservations.mutate({
        requestId: randomUUID(),
        unitId: x.a.unitId,
        observations: [{ indicator: 'stress', value: 2, observedAt: x.today }],
      }),
    ['observations.0.indicator'],
  ],
  [
    'createWorker: a start date that is not a date',
    'admin',
    (c, x) =>
      c.admin.createWorker.mutate({
        requestId: randomUUID(),
        displayName: 'X',
        unitId: x.a.unitId,
        startedOn: '01/02/2026',
      }),
    ['startedOn'],
  ],
  [
    'updateWorker: a working fraction over 1 and an unknown status',
    'admin',
    (c, x) =>
      c.admin.updateWorker.mutate({ workerId: x.a.workerId, workingFraction: 1.5, status: 'gone' as 'left' }),
    ['status', 'workingFraction'],
  ],
  [
    'assignSupervisor: a user who is not a supervisor',
    'admin',
    (c, x) =>
      c.admin.assignSupervisor.mutate({
        requestId: randomUUID(),
        workerId: x.a.spareWorkerId,
        supervisorUserId: x.a.users.researcher.id,
      }),
    ['supervisorUserId'],
  ],
  [
    'unassignSupervisor: a missing supervisor id',
    'admin',
    (c, x) => c.admin.unassignSupervisor.mutate({ workerId: x.a.workerId } as never),
    ['supervisorUserId'],
  ],
  [
    'createUser: a bad email, a short password and no roles',
    'admin',
    (c) =>
      c.admin.createUser.mutate({
        requestId: randomUUID(),
        name: 'N',
        email: 'not-an-email',
        password: 'short',
        roles: [],
      }),
    ['email', 'password', 'roles'],
  ],
  [
    'setUserRoles: an unknown role',
    'admin',
    (c, x) => c.admin.setUserRoles.mutate({ userId: x.a.users.researcher.id, roles: ['owner' as 'admin'] }),
    ['roles.0'],
  ],
];

describe.each(testDialects())('bad input on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let ctx: Ctx;
  const clients = {} as Record<'supervisor' | 'admin', TestClient>;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const { a, today } = await seedTwoOrganizations(api.handle);
    for (const who of ['supervisor', 'admin'] as const) {
      const jar = new CookieJar();
      expect((await signIn(api.baseUrl, jar, a.users[who].email, PASSWORD)).status).toBe(200);
      clients[who] = trpcClient(api.baseUrl, jar);
    }
    const future = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    ctx = { a, today, future };
  });
  afterAll(async () => {
    await api.close();
  });

  it.each(cases)('%s', async (_name, who, call, paths) => {
    const before = await countRows(api.handle);
    const error = await call(clients[who], ctx).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data as unknown as {
      code: string;
      issues: { path: string; expected: string; message: string }[] | null;
    };
    expect(data.code).toBe('BAD_REQUEST');
    expect(data.issues?.map((i) => i.path).sort()).toEqual([...paths].sort());
    for (const issue of data.issues ?? []) {
      expect(issue.message).toMatch(/expected/i);
      expect((error as Error).message).toContain(issue.path);
    }
    expect(await countRows(api.handle)).toEqual(before);
  });
});
