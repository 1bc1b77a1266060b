/**
 * Every create use case with a client-generated request id: a retry returns the first answer and writes
 * nothing, two concurrent submits of one id write once and both get the same answer, and a reuse of the
 * id with other content is refused. Row counts of every table a create touches are compared.
 */
import { randomUUID } from 'node:crypto';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { createUnit, recordUnitObservations } from '../admin/units';
import { createUser } from '../admin/users';
import { assignSupervisor, createWorker } from '../admin/workers';
import { answerCard } from '../cards/answer-card';
import type { Db } from '../db';
import { ServiceError } from '../errors';
import { recordObservations } from '../observations/record-observations';
import { recordSession } from '../sessions/record-session';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { countRows } from '../test-support/row-counts';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';

const tables = [
  'supervision_session',
  'observation',
  'card_response',
  'action_item',
  'unit',
  'peer_worker',
  'supervisor_assignment',
  'user',
  'account',
  'membership',
  'audit_event',
  'idempotent_request',
] as const;

const rowCounts = (db: Db) => countRows(db, tables);

function delta(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, (after[t] ?? 0) - (before[t] ?? 0)]));
}

interface Fixture {
  org: SmallOrganization;
  /** A PSW nobody supervises yet, new for each call. */
  spareWorker(): Promise<string>;
}

/** One create: who calls it, and its input for trial `n` (variant `b` differs in content from `a`). */
type CreateCase = [
  name: string,
  actor: (o: SmallOrganization) => Actor,
  call: (db: Db, actor: Actor, requestId: string, content: unknown) => Promise<unknown>,
  content: (f: Fixture, n: number, variant: 'a' | 'b') => Promise<unknown>,
];

const cases: CreateCase[] = [
  [
    'recordSession',
    (o) => o.supervisor,
    (db, actor, requestId, content) =>
      recordSession(db, actor, { requestId, ...(content as Parameters<typeof recordSession>[2]) }),
    async (f, _n, v) => ({
      workerId: f.org.workerIds[0],
      heldOn: TODAY,
      privateNotes: v === 'a' ? 'Talked about boundaries' : 'Talked about the rota',
      observations: [{ indicator: 'after_hours_client_contact', value: 2 }],
    }),
  ],
  [
    'recordObservations',
    (o) => o.supervisor,
    (db, actor, requestId, content) =>
      recordObservations(db, actor, { requestId, ...(content as Parameters<typeof recordObservations>[2]) }),
    async (f, _n, v) => ({
      workerId: f.org.workerIds[0],
      observations: [{ indicator: 'exhaustion', value: v === 'a' ? 2 : 3, observedAt: TODAY }],
    }),
  ],
  [
    'answerCard',
    (o) => o.supervisor,
    (db, actor, requestId, content) =>
      answerCard(db, actor, { requestId, ...(content as Parameters<typeof answerCard>[2]) }),
    async (f, n, v) => ({
      workerId: f.org.workerIds[0],
      asOf: TODAY,
      cardId: 'supervision_focus_team_position',
      decision: 'overridden',
      reason: `Discussed at team day ${n}${v}`,
    }),
  ],
  [
    'createUnit',
    (o) => o.admin,
    (db, actor, requestId, content) =>
      createUnit(db, actor, { requestId, ...(content as Parameters<typeof createUnit>[2]) }),
    async (_f, n, v) => ({ name: `Team ${n}${v}`, setting: 'community' }),
  ],
  [
    'recordUnitObservations',
    (o) => o.admin,
    (db, actor, requestId, content) =>
      recordUnitObservations(db, actor, {
        requestId,
        ...(content as Parameters<typeof recordUnitObservations>[2]),
      }),
    async (f, _n, v) => ({
      unitId: f.org.unitId,
      observations: [{ indicator: 'has_own_workplace', value: v === 'a', observedAt: TODAY }],
    }),
  ],
  [
    'createWorker',
    (o) => o.admin,
    (db, actor, requestId, content) =>
      createWorker(db, actor, { requestId, ...(content as Parameters<typeof createWorker>[2]) }),
    async (f, n, v) => ({ displayName: `New peer ${n}${v}`, unitId: f.org.unitId, startedOn: TODAY }),
  ],
  [
    'assignSupervisor',
    (o) => o.admin,
    (db, actor, requestId, content) =>
      assignSupervisor(db, actor, { requestId, ...(content as Parameters<typeof assignSupervisor>[2]) }),
    async (f) => ({ workerId: await f.spareWorker(), supervisorUserId: f.org.supervisor.userId }),
  ],
  [
    'createUser',
    (o) => o.admin,
    (db, actor, requestId, content) =>
      createUser(db, actor, { requestId, ...(content as Parameters<typeof createUser>[2]) }),
    async (_f, n, v) => ({
      name: `New person ${n}`,
      email: `new-${n}@example.test`,
      password: 'a long synthetic passphrase',
      roles: [v === 'a' ? 'researcher' : 'supervisor'],
    }),
  ],
];

describe.each(testDialects())('idempotent creates on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let fixture: Fixture;
  let trial = 0;
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    const org = await aSmallOrganization(mdb.handle.db, { workers: 1, flagged: 1 });
    let spare = 0;
    fixture = {
      org,
      async spareWorker() {
        const id = `spare-${++spare}`;
        await db()
          .insertInto('peer_worker')
          .values({
            id,
            organization_id: org.admin.organizationId,
            unit_id: org.unitId,
            display_name: `Spare ${spare}`,
            started_on: '2024-01-10',
            created_at: new Date().toISOString(),
          })
          .execute();
        return id;
      },
    };
  });
  afterAll(async () => {
    await mdb.close();
  });

  describe.each(cases)('%s', (_name, actorOf, call, content) => {
    it('returns the first answer to a retry with the same id, and writes nothing more', async () => {
      const actor = actorOf(fixture.org);
      const input = await content(fixture, ++trial, 'a');
      const requestId = randomUUID();
      const before = await rowCounts(db());
      const first = await call(db(), actor, requestId, input);
      const afterFirst = await rowCounts(db());
      expect(delta(afterFirst, before).idempotent_request).toBe(1);
      expect(delta(afterFirst, before).audit_event).toBe(1);
      const retry = await call(db(), actor, requestId, input);
      expect(retry).toEqual(first);
      expect(await rowCounts(db())).toEqual(afterFirst);
    });

    it('writes once when two submits of one id arrive together, and both get the same answer', async () => {
      const actor = actorOf(fixture.org);
      const single = await content(fixture, ++trial, 'a');
      const beforeSingle = await rowCounts(db());
      await call(db(), actor, randomUUID(), single);
      const oneCreate = delta(await rowCounts(db()), beforeSingle);

      const input = await content(fixture, ++trial, 'a');
      const requestId = randomUUID();
      const before = await rowCounts(db());
      const [a, b] = await Promise.all([
        call(db(), actor, requestId, input),
        call(db(), actor, requestId, input),
      ]);
      expect(b).toEqual(a);
      expect(delta(await rowCounts(db()), before)).toEqual(oneCreate);
    });

    it('refuses the same id with other content, changing nothing', async () => {
      const actor = actorOf(fixture.org);
      const n = ++trial;
      const requestId = randomUUID();
      await call(db(), actor, requestId, await content(fixture, n, 'a'));
      const other = await content(fixture, n, 'b');
      const before = await rowCounts(db());
      const error = await call(db(), actor, requestId, other).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('conflict');
      expect((error as ServiceError).message).toMatch(/request id was already used/);
      expect(await rowCounts(db())).toEqual(before);
    });
  });

  it('keeps one person’s ids apart from another’s, and from another operation', async () => {
    const requestId = randomUUID();
    const org = fixture.org;
    const unit = await createUnit(db(), org.admin, { requestId, name: 'Shared id team', setting: 'other' });
    const session = await recordSession(db(), org.supervisor, {
      requestId,
      workerId: org.workerIds[0]!,
      heldOn: TODAY,
      minutes: 20,
    });
    expect(session.sessionId).not.toBe(unit.unitId);
    const error = await createWorker(db(), org.admin, {
      requestId,
      displayName: 'Peer on a reused id',
      unitId: org.unitId,
      startedOn: TODAY,
    }).catch((e: unknown) => e);
    expect((error as ServiceError).code).toBe('conflict');
  });

  it('refuses a request id that is not a UUID, naming the field', async () => {
    const error = await createUnit(db(), fixture.org.admin, {
      requestId: 'not-a-uuid',
      name: 'Team with a bad id',
      setting: 'other',
    }).catch((e: unknown) => e);
    expect((error as ServiceError).issues.map((i) => i.path)).toEqual(['requestId']);
  });
});
