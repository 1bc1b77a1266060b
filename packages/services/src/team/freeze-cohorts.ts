/**
 * The cohort of a period (ADR 0013): who is counted, in which unit and setting, and under which
 * supervisors. It is frozen once, before the first membership change of the period (status, unit,
 * setting, start date or assignment) or when the period is first needed, and never changes after.
 * Every open period up to the current one is frozen together, so a period that saw no change keeps
 * the membership it really had.
 */
import { insertInChunks } from '@peerbridge/db';
import type { DbOrTrx } from '../db';
import { nowIso } from '../db';
import { addMonths, lastDayOf, periodOf, periodsBetween } from './periods';

/** How many complete periods the team view's trend shows, besides the current one. */
export const TREND_PERIODS = 6;

/** One PSW of a frozen cohort. */
export interface CohortMember {
  workerId: string;
  unitId: string;
  setting: string;
  startedOn: string;
}

/** A frozen cohort: its members and, per supervisor, the members they supervised. */
export interface FrozenCohort {
  period: string;
  frozenAt: string;
  members: CohortMember[];
  supervisors: Map<string, string[]>;
}

/**
 * Freeze every period from the first not yet frozen (at most `TREND_PERIODS` back, and not before the
 * earliest start in post) to the period of `today`, with the membership as it is now. Call it inside
 * the transaction of every membership change, before the change. Idempotent and safe to race.
 */
export async function freezeCohorts(trx: DbOrTrx, organizationId: string, today: string): Promise<void> {
  const current = periodOf(today);
  const last = await trx
    .selectFrom('aggregate_period')
    .select((eb) => eb.fn.max('period').as('period'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  const first = last?.period ? addMonths(last.period, 1) : addMonths(current, -TREND_PERIODS);
  const periods = periodsBetween(first, current);
  if (periods.length === 0) return;
  const members = await trx
    .selectFrom('peer_worker as w')
    .innerJoin('unit as u', 'u.id', 'w.unit_id')
    .select(['w.id as workerId', 'w.unit_id as unitId', 'u.setting as setting', 'w.started_on as startedOn'])
    .where('w.organization_id', '=', organizationId)
    .where('w.status', '<>', 'left')
    .orderBy('w.id')
    .execute();
  const assignments = await trx
    .selectFrom('supervisor_assignment as a')
    .innerJoin('peer_worker as w', 'w.id', 'a.peer_worker_id')
    .select(['a.supervisor_user_id as supervisorUserId', 'a.peer_worker_id as workerId'])
    .where('a.organization_id', '=', organizationId)
    .where('w.status', '<>', 'left')
    .execute();
  let earliest: string | undefined;
  for (const m of members) if (earliest === undefined || m.startedOn < earliest) earliest = m.startedOn;
  const frozenAt = nowIso();
  for (const period of periods) {
    // A period that ended before anyone started would publish an empty view: skip it.
    if (earliest === undefined || lastDayOf(period) < earliest) continue;
    const inserted = await trx
      .insertInto('aggregate_period')
      .values({ organization_id: organizationId, period, frozen_at: frozenAt })
      .onConflict((oc) => oc.columns(['organization_id', 'period']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue; // frozen by a concurrent change
    await insertInChunks(
      trx,
      'aggregate_cohort_member',
      ['organization_id', 'period', 'peer_worker_id', 'unit_id', 'setting', 'started_on'],
      members.map((m) => ({
        organization_id: organizationId,
        period,
        peer_worker_id: m.workerId,
        unit_id: m.unitId,
        setting: m.setting,
        started_on: m.startedOn,
      })),
    );
    await insertInChunks(
      trx,
      'aggregate_cohort_supervisor',
      ['organization_id', 'period', 'supervisor_user_id', 'peer_worker_id'],
      assignments.map((a) => ({
        organization_id: organizationId,
        period,
        supervisor_user_id: a.supervisorUserId,
        peer_worker_id: a.workerId,
      })),
    );
  }
}

/** The frozen cohort of one period, or undefined when the period was never frozen. */
export async function loadCohort(
  db: DbOrTrx,
  organizationId: string,
  period: string,
): Promise<FrozenCohort | undefined> {
  const head = await db
    .selectFrom('aggregate_period')
    .select('frozen_at')
    .where('organization_id', '=', organizationId)
    .where('period', '=', period)
    .executeTakeFirst();
  if (!head) return undefined;
  const members = await db
    .selectFrom('aggregate_cohort_member')
    .select(['peer_worker_id as workerId', 'unit_id as unitId', 'setting', 'started_on as startedOn'])
    .where('organization_id', '=', organizationId)
    .where('period', '=', period)
    .orderBy('peer_worker_id')
    .execute();
  const rows = await db
    .selectFrom('aggregate_cohort_supervisor')
    .select(['supervisor_user_id', 'peer_worker_id'])
    .where('organization_id', '=', organizationId)
    .where('period', '=', period)
    .orderBy('peer_worker_id')
    .execute();
  const supervisors = new Map<string, string[]>();
  for (const r of rows) {
    const list = supervisors.get(r.supervisor_user_id) ?? [];
    list.push(r.peer_worker_id);
    supervisors.set(r.supervisor_user_id, list);
  }
  return { period, frozenAt: head.frozen_at, members, supervisors };
}
