/**
 * The supervisor's caseload: every PSW they supervise with the current assessment in brief. It reads
 * the stored assessments (ADR 0026): one query for the PSWs joined with their rows, one for the
 * organisation's cadence and one for the open actions. Only PSWs whose row does not match the asked
 * `asOf` (a new day before the background refresh, a past date) are assessed, in memory; a read never
 * writes. The rows come in the order of need (domain `compareNeed`), equal need by name.
 */
import { assessNeed, compareNeed, type Need, toDayNumber } from '@peerbridge/domain';
import { z } from 'zod';
import { requireSupervisor } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { type Db, todayIso } from '../db';
import { parseServiceInput } from '../errors';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { asOfSchema } from '../schemas';
import type { AssessmentSummary } from '../workers/worker-summary';
import {
  type AssessedWorker,
  computeAssessmentsFromEvidence,
  isStoredAssessmentFresh,
  parseStoredAssessment,
  type StoredAssessment,
} from './stored-assessments';

export const listCaseloadInput = z.object({ asOf: asOfSchema }).optional();

export interface CaseloadEntry extends AssessmentSummary {
  workerId: string;
  displayName: string;
  status: string;
  startedOn: string;
  tenureMonths: number;
  unit: { id: string; name: string; setting: 'inpatient' | 'community' | 'other' };
  lastSessionOn: string | null;
  /** The day the next supervision is planned for (ADR 0036), or null; it does not move "overdue". */
  nextSessionOn: string | null;
  openActions: number;
  /** Open actions due before `asOf`. */
  overdueActions: number;
  /** Who needs the supervisor first, and why (domain `assessNeed`). */
  need: Need;
}

export interface Caseload {
  asOf: string;
  workers: CaseloadEntry[];
}

/** The caseload at `input.asOf` (today by default), from the stored assessments where they match. */
export async function listCaseload(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listCaseloadInput>,
): Promise<Caseload> {
  requireSupervisor(actor);
  const parsed = parseServiceInput(listCaseloadInput, input);
  return buildCaseload(db, actor, parsed?.asOf ?? todayIso(), true);
}

/**
 * The caseload computed from the evidence alone, ignoring every stored row: what `listCaseload` must
 * equal (the tests' oracle).
 */
export async function computeCaseloadFromEvidence(db: Db, actor: Actor, asOf: string): Promise<Caseload> {
  requireSupervisor(actor);
  return buildCaseload(db, actor, asOf, false);
}

const daysBetween = (from: string, to: string) => toDayNumber(to) - toDayNumber(from);

async function buildCaseload(db: Db, actor: Actor, asOf: string, useStored: boolean): Promise<Caseload> {
  const [rows, org, actionCounts] = await Promise.all([
    db
      .selectFrom('supervisor_assignment as a')
      .innerJoin('peer_worker as w', 'w.id', 'a.peer_worker_id')
      .innerJoin('unit as u', 'u.id', 'w.unit_id')
      .leftJoin('worker_assessment as s', 's.peer_worker_id', 'w.id')
      // The open plan, if any (at most one per PSW, ADR 0036): shown, never counted in the need.
      .leftJoin('planned_session as p', (j) =>
        j
          .onRef('p.peer_worker_id', '=', 'w.id')
          .on('p.cancelled_at', 'is', null)
          .on('p.held_session_id', 'is', null),
      )
      .select([
        'p.planned_on as next_planned_on',
        'w.id',
        'w.display_name',
        'w.started_on',
        'w.status',
        'u.id as unit_id',
        'u.name as unit_name',
        'u.setting as unit_setting',
        's.as_of',
        's.ruleset',
        's.started_on as s_started_on',
        's.unit_id as s_unit_id',
        's.unit_setting as s_unit_setting',
        's.cadence_days',
        's.last_session_on',
        's.payload',
      ])
      .where('a.supervisor_user_id', '=', actor.userId)
      .where('a.organization_id', '=', actor.organizationId)
      .where('w.organization_id', '=', actor.organizationId)
      .where('w.status', '<>', 'left')
      // Nobody can be assessed before they started; a past `asOf` shows the caseload as it was.
      .where('w.started_on', '<=', asOf)
      .orderBy('w.display_name')
      .orderBy('w.id')
      .execute(),
    loadOrganizationSettings(db, actor.organizationId),
    db
      .selectFrom('action_item')
      .select(['peer_worker_id', (eb) => eb.fn.countAll<number>().as('open')])
      .select((eb) =>
        eb.fn.sum<number>(eb.case().when('due_on', '<', asOf).then(1).else(0).end()).as('overdue'),
      )
      .select((eb) =>
        eb.fn
          .min<string | null>(eb.case().when('due_on', '<', asOf).then(eb.ref('due_on')).end())
          .as('oldest_overdue'),
      )
      .where('organization_id', '=', actor.organizationId)
      .where('peer_worker_id', 'in', (eb) =>
        eb
          .selectFrom('supervisor_assignment')
          .select('peer_worker_id')
          .where('supervisor_user_id', '=', actor.userId)
          .where('organization_id', '=', actor.organizationId),
      )
      .where('status', '=', 'open')
      .groupBy('peer_worker_id')
      .execute(),
  ]);
  if (rows.length === 0) return { asOf, workers: [] };
  const cadenceDays = org.supervisionCadenceDays;

  const assessments = new Map<string, StoredAssessment>();
  const stale: AssessedWorker[] = [];
  for (const r of rows) {
    const worker: AssessedWorker = {
      id: r.id,
      startedOn: r.started_on,
      unitId: r.unit_id,
      unitSetting: r.unit_setting as AssessedWorker['unitSetting'],
    };
    const fresh =
      useStored &&
      r.payload !== null &&
      isStoredAssessmentFresh(
        {
          as_of: r.as_of,
          ruleset: r.ruleset,
          started_on: r.s_started_on,
          unit_id: r.s_unit_id,
          unit_setting: r.s_unit_setting,
          cadence_days: r.cadence_days,
        },
        worker,
        asOf,
        cadenceDays,
      );
    if (fresh && r.payload !== null)
      assessments.set(
        r.id,
        parseStoredAssessment({ payload: r.payload, last_session_on: r.last_session_on }),
      );
    else stale.push(worker);
  }
  if (stale.length > 0) {
    const computed = await computeAssessmentsFromEvidence(db, {
      organizationId: actor.organizationId,
      asOf,
      cadenceDays,
      workers: stale,
    });
    for (const [id, a] of computed) assessments.set(id, a);
  }

  const openByWorker = new Map(actionCounts.map((r) => [r.peer_worker_id, Number(r.open)]));
  const overdueByWorker = new Map(actionCounts.map((r) => [r.peer_worker_id, Number(r.overdue ?? 0)]));
  const oldestOverdueByWorker = new Map(actionCounts.map((r) => [r.peer_worker_id, r.oldest_overdue]));
  const workers: CaseloadEntry[] = [];
  for (const r of rows) {
    const a = assessments.get(r.id);
    if (a === undefined) continue;
    const overdueActions = overdueByWorker.get(r.id) ?? 0;
    const oldestOverdue = oldestOverdueByWorker.get(r.id) ?? null;
    const setting = r.unit_setting as CaseloadEntry['unit']['setting'];
    workers.push({
      workerId: r.id,
      displayName: r.display_name,
      status: r.status,
      startedOn: r.started_on,
      tenureMonths: a.tenureMonths,
      unit: { id: r.unit_id, name: r.unit_name, setting },
      lastSessionOn: a.lastSessionOn,
      nextSessionOn: r.next_planned_on ?? null,
      openActions: openByWorker.get(r.id) ?? 0,
      overdueActions,
      // The need is ranked on every read: the action counts and the cadence are live.
      need: assessNeed({
        asOf,
        startedOn: r.started_on,
        lastSessionOn: a.lastSessionOn,
        cadenceDays,
        conflicts: a.summary.conflicts,
        strainLevel: a.summary.strain.level,
        overdueActions,
        daysLate: oldestOverdue === null ? 0 : daysBetween(oldestOverdue, asOf),
        newSelfReports: a.newSelfReports,
      }),
      ...a.summary,
    });
  }
  // By need (severe conflicts, days late, supervision gap, the rest); the sort is stable, so equal
  // need keeps the query's name order.
  workers.sort((a, b) => compareNeed(a.need, b.need));
  return { asOf, workers };
}
