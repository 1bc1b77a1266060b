import { getOrganizationRevision } from '@peerbridge/db';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveActor } from '../access/resolve-actor';
import type { Actor } from '../actor';
import { listCaseload } from '../caseload/list-caseload';
import { ServiceError } from '../errors';
import { openOwnRecord } from '../own-record/own-record';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { getWorkerAssessment } from '../workers/get-worker-assessment';
import { getWorkerHistory } from '../workers/get-worker-history';
import { demoAccounts, demoPeerAccounts, demoWorkers } from './demo-people';
import { demoSignIns, seedDemo } from './seed-demo';

const TODAY = '2026-11-26';

describe.each(testDialects())('demo seed on %s', (dialect) => {
  let mdb: MigratedDatabase;
  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
  });
  afterAll(async () => {
    await mdb.close();
  });

  async function actorFor(email: string): Promise<Actor> {
    const user = await mdb.handle.db
      .selectFrom('user')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const actor = await resolveActor(mdb.handle.db, user.id);
    if (!actor) throw new Error(`no actor for ${email}`);
    return actor;
  }

  async function workerByVignette(vignette: number) {
    const name = demoWorkers.find((w) => w.vignette === vignette)?.name;
    return mdb.handle.db
      .selectFrom('peer_worker')
      .select(['id'])
      .where('display_name', '=', name ?? '')
      .executeTakeFirstOrThrow();
  }

  it('seeds once, then reports already_seeded and writes nothing more', async () => {
    const first = await seedDemo(mdb.handle.db, { today: TODAY });
    expect(first.status).toBe('seeded');
    expect(first.workers).toBe(12);
    const count = async () =>
      Number(
        (
          await mdb.handle.db
            .selectFrom('observation')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    expect(before).toBe(first.observations);
    // The seed bumps the revision (ADR 0006): no cached caseload can be from before it.
    const revision = async () => getOrganizationRevision(mdb.handle.db, first.organizationId);
    expect(await revision()).toBe(1);
    const second = await seedDemo(mdb.handle.db, { today: TODAY });
    expect(second.status).toBe('already_seeded');
    expect(second.organizationId).toBe(first.organizationId);
    expect(await count()).toBe(before);
    expect(await revision()).toBe(1);
  });

  it('seeds two peer worker accounts, printed with the sign-ins, each reading only their own record', async () => {
    const printed = demoSignIns().filter((s) => s.role === 'peer_worker');
    expect(printed.map((s) => s.email)).toEqual([demoPeerAccounts.jana.email, demoPeerAccounts.petra.email]);
    for (const account of Object.values(demoPeerAccounts)) {
      const actor = await actorFor(account.email);
      expect(actor.roles).toEqual(['peer_worker']);
      const record = await openOwnRecord(mdb.handle.db, actor);
      expect(record.worker.displayName).toBe(account.worker);
      expect(record.sessions.length).toBeGreaterThan(0);
      expect(record.sessions.some((s) => s.sharedSummary !== null)).toBe(true);
      expect(JSON.stringify(record)).not.toContain('difficult week on shift');
    }
  });

  it('gives each supervisor their caseload with the golden vignettes', async () => {
    const tomas = await actorFor(demoAccounts.communitySupervisor.email);
    const caseload = await listCaseload(mdb.handle.db, tomas, { asOf: TODAY });
    expect(caseload.workers.map((w) => w.displayName)).toContain('Jana Kovar');
    // Earlier answers: Jana has one open action item, Petra's two are done.
    expect(caseload.workers.find((w) => w.displayName === 'Jana Kovar')?.openActions).toBe(1);
    expect(caseload.workers.find((w) => w.displayName === 'Petra Sandoval')?.openActions).toBe(0);
    expect(caseload.workers).toHaveLength(
      demoWorkers.filter((w) => w.supervisor === 'communitySupervisor').length,
    );

    const v = async (n: number) =>
      (
        await getWorkerAssessment(mdb.handle.db, tomas, {
          workerId: (await workerByVignette(n)).id,
          asOf: TODAY,
        })
      ).assessment;
    const one = await v(1);
    expect(['active', 'severe']).toContain(one.conflicts.friend_vs_professional.level);
    expect(['unknown', 'none']).toContain(one.conflicts.staff_member_vs_expert_by_experience.level);
    expect(one.cards.map((c) => c.id)).toEqual(
      expect.arrayContaining(['supervision_focus_boundaries', 'boundary_strategies', 'regular_supervision']),
    );
    const three = await v(3);
    expect(three.conflicts.friend_vs_professional.level).toBe('none');
    expect(three.conflicts.staff_member_vs_expert_by_experience.level).toBe('none');
    expect(three.cards.map((c) => c.id)).toEqual(['keep_going']);
    const four = await v(4);
    expect(four.findings.map((f) => f.id)).toContain('over_formalization');
    expect(four.cards.map((c) => c.id)).toContain('protect_peer_relationship');
    const five = await v(5);
    expect(five.findings.map((f) => f.id)).toContain('insufficient_evidence');
    expect(five.cards.map((c) => c.id)).toContain('structured_check_in');
    expect(five.conflicts.friend_vs_professional.level).toBe('unknown');
    expect(five.conflicts.staff_member_vs_expert_by_experience.level).toBe('unknown');
    const six = await v(6);
    expect(six.conflicts.friend_vs_professional.trend).toBe('falling');
    expect(six.conflicts.friend_vs_professional.severity ?? 1).toBeLessThan(
      one.conflicts.friend_vs_professional.severity ?? 0,
    );

    const marta = await actorFor(demoAccounts.wardSupervisor.email);
    const two = (
      await getWorkerAssessment(mdb.handle.db, marta, {
        workerId: (await workerByVignette(2)).id,
        asOf: TODAY,
      })
    ).assessment;
    expect(['active', 'severe']).toContain(two.conflicts.staff_member_vs_expert_by_experience.level);
    expect(['unknown', 'none']).toContain(two.conflicts.friend_vs_professional.level);
    expect(two.cards.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'team_education',
        'equal_working_conditions',
        'destigmatization',
        'supervision_focus_team_position',
      ]),
    );
  });

  it('has six months of history for the charts', async () => {
    const tomas = await actorFor(demoAccounts.communitySupervisor.email);
    const history = await getWorkerHistory(mdb.handle.db, tomas, {
      workerId: (await workerByVignette(6)).id,
      asOf: TODAY,
    });
    expect(history.points).toHaveLength(7);
    const severities = history.points.map((p) => p.conflicts.friend_vs_professional.severity);
    expect(severities.filter((s) => s !== null).length).toBeGreaterThanOrEqual(5);
  });

  it('stores no action title as text: each comes from its catalog card, in the viewer language', async () => {
    const actions = await mdb.handle.db.selectFrom('action_item').select(['title', 'card_id']).execute();
    expect(actions.length).toBeGreaterThanOrEqual(4);
    expect(actions.filter((a) => a.title !== null || a.card_id === null)).toEqual([]);
  });

  it('refuses a database that holds non-demo data', async () => {
    const other = await openMigratedDatabase(dialect);
    try {
      await other.handle.db
        .insertInto('organization')
        .values({ id: 'real-org', name: 'A real trust', created_at: new Date().toISOString() })
        .execute();
      const error = await seedDemo(other.handle.db, { today: TODAY }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe('conflict');
      const orgs = await other.handle.db.selectFrom('organization').select('id').execute();
      expect(orgs).toEqual([{ id: 'real-org' }]);
      const users = await other.handle.db.selectFrom('user').select('id').execute();
      expect(users).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
