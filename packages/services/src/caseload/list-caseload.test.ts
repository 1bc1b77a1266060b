import { testDialects } from '@peerbridge/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../actor';
import { updateOrganization } from '../admin/organization-settings';
import { createUnit, recordUnitObservations, updateUnit } from '../admin/units';
import { updateWorker } from '../admin/workers';
import { addDays } from '../dates';
import { recordObservations } from '../observations/record-observations';
import { amendSession } from '../sessions/amend-session';
import { recordSession } from '../sessions/record-session';
import { voidSession } from '../sessions/void-session';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization, type SmallOrganization, TODAY } from '../test-support/small-organization';
import { computeCaseloadFromEvidence, listCaseload } from './list-caseload';
import { refreshStaleAssessments } from './refresh-stale-assessments';

/** The services date their stored rows "today": pin the clock (Date only, timers stay real). */
function pinToday(day: string): void {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(`${day}T12:00:00.000Z`) });
}

/** A small seeded generator (mulberry32): the sequence is replayable from the seed in the failure message. */
function randomSource(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { int, pick };
}

/** Every stored row the caseload at `asOf` would serve: the caseload PSWs whose row matches their record. */
async function freshRowCount(db: MigratedDatabase['handle']['db'], asOf: string): Promise<number> {
  const rows = await db
    .selectFrom('peer_worker as w')
    .innerJoin('unit as u', 'u.id', 'w.unit_id')
    .innerJoin('organization as o', 'o.id', 'w.organization_id')
    .innerJoin('worker_assessment as s', 's.peer_worker_id', 'w.id')
    .select(['w.id'])
    .where('w.status', '<>', 'left')
    .where('s.as_of', '=', asOf)
    .whereRef('s.started_on', '=', 'w.started_on')
    .whereRef('s.unit_id', '=', 'w.unit_id')
    .whereRef('s.unit_setting', '=', 'u.setting')
    .whereRef('s.cadence_days', '=', 'o.supervision_cadence_days')
    .execute();
  return rows.length;
}

describe.each(testDialects())('stored caseload on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  let otherUnitId: string;
  const db = () => mdb.handle.db;
  const stored = (asOf = TODAY) => listCaseload(db(), org.supervisor, { asOf });
  const oracle = (asOf = TODAY) => computeCaseloadFromEvidence(db(), org.supervisor, asOf);

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 4, flagged: 2 });
    pinToday(TODAY);
    otherUnitId = (await createUnit(db(), org.admin, { name: 'Community Team E', setting: 'community' }))
      .unitId;
    // The fixture inserts its evidence raw: the background refresh stores its rows.
    expect((await refreshStaleAssessments(db(), TODAY)).refreshed).toBe(4);
  });
  afterAll(async () => {
    vi.useRealTimers();
    await mdb.close();
  });

  it('serves the stored rows: an unaudited raw insert is not seen until a service writes', async () => {
    const workerId = org.workerIds[1]!;
    const before = await stored();
    expect(before).toEqual(await oracle());
    await db()
      .insertInto('observation')
      .values({
        id: 'raw-behind-its-back',
        organization_id: 'org-1',
        peer_worker_id: workerId,
        unit_id: null,
        indicator: 'exhaustion',
        value: 4,
        observed_at: TODAY,
        source: 'supervision',
        source_ref: null,
        recorded_by: 'u-sup',
        note: null,
        session_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const w = (c: typeof before) => c.workers.find((x) => x.workerId === workerId)?.observationsInWindow;
    expect(w(await stored())).toBe(w(before));
    expect(w(await oracle())).toBe((w(before) ?? 0) + 1);
    await recordObservations(db(), org.supervisor, {
      workerId,
      observations: [{ indicator: 'exhaustion', value: 2, observedAt: TODAY, source: 'supervision' }],
    });
    expect(w(await stored())).toBe((w(before) ?? 0) + 2);
    expect(await stored()).toEqual(await oracle());
  });

  it('after any random sequence of evidence-changing services equals a computation from the evidence', async () => {
    const seed = 20261202;
    const rnd = randomSource(seed);
    const workers = new Map(org.workerIds.map((id) => [id, { startedOn: '2024-01-10' }]));
    const units = [org.unitId, otherUnitId];
    const sessions: { workerId: string; sessionId: string; revision: number }[] = [];
    const indicators = ['seen_as_former_patient', 'self_stigma', 'exhaustion', 'cooperates_in_team'] as const;
    const dayAfter = (workerId: string, back: number) => {
      const start = workers.get(workerId)?.startedOn ?? TODAY;
      const day = addDays(TODAY, -rnd.int(0, back));
      // ISO dates compare as text: the later of the two.
      return [start, day].sort().at(-1) ?? day;
    };
    const steps: Record<string, () => Promise<unknown>> = {
      observation: () => {
        const workerId = rnd.pick(org.workerIds);
        return recordObservations(db(), org.supervisor, {
          workerId,
          observations: [
            {
              indicator: rnd.pick(indicators),
              value: rnd.int(1, 5),
              observedAt: dayAfter(workerId, 200),
              source: 'supervision',
            },
          ],
        });
      },
      unitObservation: () =>
        recordUnitObservations(db(), org.admin, {
          unitId: rnd.pick(units),
          observations: [
            {
              indicator: 'invited_to_team_meetings',
              value: rnd.int(0, 1) === 1,
              observedAt: dayAfter('', 120),
            },
          ],
        }),
      session: async () => {
        const workerId = rnd.pick(org.workerIds);
        const { sessionId } = await recordSession(db(), org.supervisor, {
          workerId,
          heldOn: dayAfter(workerId, 60),
          minutes: 30,
          observations: [{ indicator: 'seen_as_former_patient', value: rnd.int(1, 5) }],
        });
        sessions.push({ workerId, sessionId, revision: 1 });
      },
      amend: async () => {
        const s = sessions.length > 0 ? rnd.pick(sessions) : undefined;
        if (s === undefined) return;
        const amended = await amendSession(db(), org.supervisor, {
          workerId: s.workerId,
          sessionId: s.sessionId,
          revision: s.revision,
          reason: 'Synthetic correction of the date',
          heldOn: dayAfter(s.workerId, 60),
          minutes: 45,
          observations: [{ indicator: 'self_stigma', value: rnd.int(1, 5) }],
        });
        s.revision = amended.revision;
      },
      void: async () => {
        const s = sessions.length > 0 ? rnd.pick(sessions) : undefined;
        if (s === undefined) return;
        await voidSession(db(), org.supervisor, { ...s, reason: 'Synthetic session entered twice' });
        sessions.splice(sessions.indexOf(s), 1);
      },
      moveUnit: () =>
        updateWorker(db(), org.admin, { workerId: rnd.pick(org.workerIds), unitId: rnd.pick(units) }),
      startDate: async () => {
        const workerId = rnd.pick(org.workerIds);
        const startedOn = addDays(TODAY, -rnd.int(30, 900));
        await updateWorker(db(), org.admin, { workerId, startedOn });
        workers.set(workerId, { startedOn });
      },
      cadence: () =>
        updateOrganization(db(), org.admin, { supervisionCadenceDays: rnd.pick([7, 14, 28, 42]) }),
      unitSetting: () =>
        updateUnit(db(), org.admin, {
          unitId: rnd.pick(units),
          setting: rnd.pick(['inpatient', 'community', 'other'] as const),
        }),
      status: () =>
        updateWorker(db(), org.admin, {
          workerId: rnd.pick(org.workerIds.slice(1)),
          status: rnd.pick(['active', 'on_leave', 'left'] as const),
        }),
    };
    const names = Object.keys(steps);
    const done: string[] = [];
    for (let i = 0; i < 40; i++) {
      const name = rnd.pick(names);
      done.push(name);
      await steps[name]?.();
      const context = `seed ${seed}, steps ${done.join(' > ')}`;
      const expected = await oracle();
      expect(await stored(), context).toEqual(expected);
      // Every PSW listed is served from its stored row, not recomputed: the stored path is what passed.
      expect(await freshRowCount(db(), TODAY), context).toBe(expected.workers.length);
    }
    expect(new Set(done).size).toBeGreaterThanOrEqual(8);
  });

  it('keeps every concurrent change: the later refresh sees the earlier commit', async () => {
    const workerId = org.workerIds[0]!;
    const one = (value: number) =>
      recordObservations(db(), org.supervisor, {
        workerId,
        observations: [{ indicator: 'exhaustion', value, observedAt: TODAY, source: 'supervision' }],
      });
    const unit = recordUnitObservations(db(), org.admin, {
      unitId: org.unitId,
      observations: [{ indicator: 'invited_to_team_meetings', value: true, observedAt: TODAY }],
    });
    await Promise.all([one(1), one(2), one(3), unit]);
    const expected = await oracle();
    expect(await stored()).toEqual(expected);
    expect(await freshRowCount(db(), TODAY)).toBe(expected.workers.length);
  });

  it('computes a past asOf from the evidence, as of that day', async () => {
    const past = addDays(TODAY, -45);
    expect(await stored(past)).toEqual(await oracle(past));
    expect((await stored(past)).asOf).toBe(past);
  });
});

describe.each(testDialects())('a new day on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let org: SmallOrganization;
  const yesterday = addDays(TODAY, -1);
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    org = await aSmallOrganization(db(), { workers: 3, flagged: 1 });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(() => mdb.close());

  it('answers from the evidence for rows of yesterday, writes nothing, and the refresh catches up', async () => {
    pinToday(yesterday);
    // On the last day of the window for yesterday, out of it today: the stored row is really stale.
    await recordObservations(db(), org.supervisor, {
      workerId: org.workerIds[0]!,
      observations: [
        { indicator: 'exhaustion', value: 5, observedAt: addDays(yesterday, -89), source: 'supervision' },
      ],
    });
    await refreshStaleAssessments(db(), yesterday);
    expect(await freshRowCount(db(), yesterday)).toBe(3);
    const yesterdays = await computeCaseloadFromEvidence(db(), org.supervisor, yesterday);

    pinToday(TODAY);
    const snapshot = async () => ({
      rows: await db().selectFrom('worker_assessment').selectAll().orderBy('peer_worker_id').execute(),
      audit: (await db().selectFrom('audit_event').select('id').execute()).length,
      revision: (await db().selectFrom('organization').select('revision').executeTakeFirstOrThrow()).revision,
    });
    const before = await snapshot();
    const today = await listCaseload(db(), org.supervisor);
    const expected = await computeCaseloadFromEvidence(db(), org.supervisor, TODAY);
    expect(today.asOf).toBe(TODAY);
    expect(today).toEqual(expected);
    expect(today.workers.map((w) => w.observationsInWindow)).not.toEqual(
      yesterdays.workers.map((w) => w.observationsInWindow),
    );
    expect(await snapshot()).toEqual(before);

    expect((await refreshStaleAssessments(db())).refreshed).toBe(3);
    expect(await freshRowCount(db(), TODAY)).toBe(3);
    expect(await listCaseload(db(), org.supervisor)).toEqual(expected);
    // Nothing left to do on a second run.
    expect((await refreshStaleAssessments(db())).refreshed).toBe(0);
  });
});

describe('caseload access', () => {
  it('refuses an actor who is not a supervisor, before any query', async () => {
    const admin: Actor = { userId: 'u-admin', organizationId: 'org-1', roles: ['admin'] };
    const noDb = null as unknown as Parameters<typeof listCaseload>[0];
    await expect(listCaseload(noDb, admin)).rejects.toThrow(/supervisor/i);
    await expect(computeCaseloadFromEvidence(noDb, admin, TODAY)).rejects.toThrow(/supervisor/i);
  });
});
