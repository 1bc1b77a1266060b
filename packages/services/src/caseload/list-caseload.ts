/**
 * The supervisor's caseload: every PSW they supervise with the current assessment in brief. Kept to a
 * fixed number of queries whatever the caseload size (workers, organisation, evidence x3, open actions);
 * the assessments run in memory.
 */
import { getOrganizationRevision } from '@peerbridge/db';
import { defaultRuleset, type Need } from '@peerbridge/domain';
import { z } from 'zod';
import { requireSupervisor } from '../access/supervised-worker';
import type { Actor } from '../actor';
import { type Db, todayIso } from '../db';
import { parseServiceInput } from '../errors';
import { assessMemoized } from '../evidence/assess-memo';
import { evidenceStart, fetchEvidenceRows, groupEvidence } from '../evidence/load-evidence';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { asOfSchema } from '../schemas';
import { type AssessmentSummary, summarizeAssessment } from '../workers/worker-summary';
import type { CaseloadCache } from './caseload-cache';
import { caseloadNeed } from './caseload-need';

export const listCaseloadInput = z.object({ asOf: asOfSchema }).optional();

export interface CaseloadEntry extends AssessmentSummary {
  workerId: string;
  displayName: string;
  status: string;
  startedOn: string;
  tenureMonths: number;
  unit: { id: string; name: string; setting: 'inpatient' | 'community' | 'other' };
  lastSessionOn: string | null;
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

export interface ListCaseloadOptions {
  /**
   * Where to keep computed caseloads (the api gives each app instance one); null or absent computes
   * every time. The result is the same either way: the key holds the organisation's revision.
   */
  cache?: CaseloadCache | null;
}

/**
 * The caseload, served from `options.cache` while the organisation's revision is unchanged. Cached
 * values are frozen and shared: callers must not mutate the result.
 */
export async function listCaseload(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listCaseloadInput>,
  options: ListCaseloadOptions = {},
): Promise<Caseload> {
  requireSupervisor(actor);
  const parsed = parseServiceInput(listCaseloadInput, input);
  const asOf = parsed?.asOf ?? todayIso();
  const cache = options.cache ?? null;
  if (cache === null) return computeCaseload(db, actor, asOf);
  // Read the revision before any evidence: the data read afterwards is at least as new as that
  // revision, so an entry can hold newer data than its key but never older.
  const revision = await getOrganizationRevision(db, actor.organizationId);
  if (revision === null) return computeCaseload(db, actor, asOf);
  const key = { organizationId: actor.organizationId, supervisorUserId: actor.userId, asOf, revision };
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const caseload = await computeCaseload(db, actor, asOf);
  cache.set(key, caseload);
  return caseload;
}

/** The caseload computed from the database (the cache's miss path). */
async function computeCaseload(db: Db, actor: Actor, asOf: string): Promise<Caseload> {
  const ruleset = defaultRuleset;
  // One round trip: the evidence and action queries select the PSWs by subquery on the assignments.
  const [workers, org, evidenceRows, actionCounts] = await Promise.all([
    db
      .selectFrom('supervisor_assignment as a')
      .innerJoin('peer_worker as w', 'w.id', 'a.peer_worker_id')
      .innerJoin('unit as u', 'u.id', 'w.unit_id')
      .select([
        'w.id',
        'w.display_name',
        'w.started_on',
        'w.status',
        'u.id as unit_id',
        'u.name as unit_name',
        'u.setting as unit_setting',
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
    fetchEvidenceRows(db, {
      organizationId: actor.organizationId,
      from: evidenceStart(asOf, ruleset.windowDays),
      to: asOf,
      scope: { supervisorUserId: actor.userId },
    }),
    db
      .selectFrom('action_item')
      .select(['peer_worker_id', (eb) => eb.fn.countAll<number>().as('open')])
      .select((eb) =>
        eb.fn.sum<number>(eb.case().when('due_on', '<', asOf).then(1).else(0).end()).as('overdue'),
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
  if (workers.length === 0) return { asOf, workers: [] };
  const evidence = groupEvidence(
    workers.map((w) => ({ id: w.id, unitId: w.unit_id })),
    evidenceRows,
  );
  const openByWorker = new Map(actionCounts.map((r) => [r.peer_worker_id, Number(r.open)]));
  const overdueByWorker = new Map(actionCounts.map((r) => [r.peer_worker_id, Number(r.overdue ?? 0)]));

  const entries = workers.map((w): CaseloadEntry => {
    const ev = evidence.get(w.id) ?? { observations: [], sessions: [] };
    const setting = w.unit_setting as CaseloadEntry['unit']['setting'];
    const assessment = assessMemoized({
      asOf,
      worker: { id: w.id, startedOn: w.started_on, unitId: w.unit_id },
      unit: { id: w.unit_id, setting },
      observations: ev.observations,
      sessions: ev.sessions,
      ruleset,
      cadenceDays: org.supervisionCadenceDays,
    });
    let lastSessionOn: string | null = null;
    for (const s of ev.sessions)
      if (lastSessionOn === null || s.heldOn > lastSessionOn) lastSessionOn = s.heldOn;
    return {
      workerId: w.id,
      displayName: w.display_name,
      status: w.status,
      startedOn: w.started_on,
      tenureMonths: assessment.tenureMonths,
      unit: { id: w.unit_id, name: w.unit_name, setting },
      lastSessionOn,
      openActions: openByWorker.get(w.id) ?? 0,
      overdueActions: overdueByWorker.get(w.id) ?? 0,
      need: caseloadNeed({
        assessment,
        startedOn: w.started_on,
        lastSessionOn,
        cadenceDays: org.supervisionCadenceDays,
        overdueActions: overdueByWorker.get(w.id) ?? 0,
        observations: ev.observations,
      }),
      ...summarizeAssessment(assessment),
    };
  });
  return { asOf, workers: entries };
}
