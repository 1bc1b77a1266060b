/**
 * The background refresh of stored assessments (ADR 0026): when the day moves on, every stored row is
 * of yesterday, and reads compute those PSWs in memory (reads never write). This job, run by the api at
 * start and hourly beside snapshot publishing, rewrites the rows that do not match today so reads are
 * fast again. Each organisation is refreshed in small transactions, so writers are never held long.
 */
import type { Db } from '../db';
import { todayIso } from '../db';
import { type AssessedWorker, isStoredAssessmentFresh, refreshStoredAssessments } from './stored-assessments';

const REFRESH_CHUNK = 100;

export interface StaleAssessmentRefresh {
  asOf: string;
  organizations: number;
  refreshed: number;
}

/** Recomputes, as of `asOf` (today by default), every stored row a caseload at `asOf` would not serve. */
export async function refreshStaleAssessments(
  db: Db,
  asOf: string = todayIso(),
): Promise<StaleAssessmentRefresh> {
  const organizations = await db
    .selectFrom('organization')
    .select(['id', 'supervision_cadence_days'])
    .execute();
  let refreshed = 0;
  for (const org of organizations) {
    const rows = await db
      .selectFrom('peer_worker as w')
      .innerJoin('unit as u', 'u.id', 'w.unit_id')
      .leftJoin('worker_assessment as a', 'a.peer_worker_id', 'w.id')
      .select([
        'w.id',
        'w.started_on',
        'w.unit_id',
        'u.setting',
        'a.as_of',
        'a.ruleset',
        'a.started_on as a_started_on',
        'a.unit_id as a_unit_id',
        'a.unit_setting',
        'a.cadence_days',
      ])
      .where('w.organization_id', '=', org.id)
      .where('w.status', '<>', 'left')
      .where('w.started_on', '<=', asOf)
      .orderBy('w.id')
      .execute();
    const stale: string[] = [];
    for (const r of rows) {
      const worker: AssessedWorker = {
        id: r.id,
        startedOn: r.started_on,
        unitId: r.unit_id,
        unitSetting: r.setting as AssessedWorker['unitSetting'],
      };
      const fresh = isStoredAssessmentFresh(
        {
          as_of: r.as_of,
          ruleset: r.ruleset,
          started_on: r.a_started_on,
          unit_id: r.a_unit_id,
          unit_setting: r.unit_setting,
          cadence_days: r.cadence_days,
        },
        worker,
        asOf,
        Number(org.supervision_cadence_days),
      );
      if (!fresh) stale.push(r.id);
    }
    for (let i = 0; i < stale.length; i += REFRESH_CHUNK) {
      const workerIds = stale.slice(i, i + REFRESH_CHUNK);
      refreshed += await db
        .transaction()
        .execute((trx) => refreshStoredAssessments(trx, org.id, { workerIds }, asOf));
    }
  }
  return { asOf, organizations: organizations.length, refreshed };
}
