/**
 * The stored per-PSW assessment the caseload reads (ADR 0026). Every service that changes an input of
 * `assess` (evidence, start date, unit, unit setting, cadence) calls `refreshStoredAssessments` in its
 * own transaction, so a committed change and the row computed from it commit together. A row also
 * carries the non-evidence inputs it was computed from; `isStoredAssessmentFresh` serves it only while
 * they still match, so a missed writer makes the read slower (computed in memory), never wrong.
 */
import { type Assessment, assess, defaultRuleset } from '@peerbridge/domain';
import { type DbOrTrx, nowIso, todayIso } from '../db';
import { evidenceStart, loadEvidence, type WorkerEvidence } from '../evidence/load-evidence';
import { recordSevereTransitions } from '../notifications/notification-conditions';
import { type AssessmentSummary, summarizeAssessment } from '../workers/worker-summary';
import { countNewSelfReports } from './caseload-need';

/** The ruleset the stored rows are computed with; a row of another ruleset is stale. */
export const storedRuleset = `${defaultRuleset.id}@${defaultRuleset.version}`;

/** What the caseload needs of one assessment besides the live action counts. */
export interface StoredAssessment {
  summary: AssessmentSummary;
  tenureMonths: number;
  lastSessionOn: string | null;
  newSelfReports: number;
}

/** The inputs of one PSW's assessment that are not evidence: a stored row matches them or is stale. */
export interface AssessedWorker {
  id: string;
  startedOn: string;
  unitId: string;
  unitSetting: 'inpatient' | 'community' | 'other';
}

/** The columns a stored row is checked against. */
/** The inputs a stored row was computed from; all null when a left join found no stored row. */
export interface StoredAssessmentKey {
  as_of: string | null;
  ruleset: string | null;
  started_on: string | null;
  unit_id: string | null;
  unit_setting: string | null;
  cadence_days: number | string | null;
}

/** Whether a stored row may be served for `worker` at `asOf` under `cadenceDays`; a missing row never is. */
export function isStoredAssessmentFresh(
  row: StoredAssessmentKey,
  worker: AssessedWorker,
  asOf: string,
  cadenceDays: number,
): boolean {
  return (
    row.as_of !== null &&
    row.as_of === asOf &&
    row.ruleset === storedRuleset &&
    row.started_on === worker.startedOn &&
    row.unit_id === worker.unitId &&
    row.unit_setting === worker.unitSetting &&
    Number(row.cadence_days) === cadenceDays
  );
}

function fromAssessment(assessment: Assessment, evidence: WorkerEvidence, asOf: string): StoredAssessment {
  let lastSessionOn: string | null = null;
  for (const s of evidence.sessions)
    if (lastSessionOn === null || s.heldOn > lastSessionOn) lastSessionOn = s.heldOn;
  return {
    summary: summarizeAssessment(assessment),
    tenureMonths: assessment.tenureMonths,
    lastSessionOn,
    newSelfReports: countNewSelfReports(evidence.observations, lastSessionOn, asOf),
  };
}

/**
 * Assessments computed from the evidence (three queries whatever the number of PSWs): the oracle the
 * stored rows must equal, and the read path for rows that are stale. Reads only. PSWs who start after
 * `asOf` are left out.
 */
export async function computeAssessmentsFromEvidence(
  db: DbOrTrx,
  request: {
    organizationId: string;
    asOf: string;
    cadenceDays: number;
    workers: readonly AssessedWorker[];
  },
): Promise<Map<string, StoredAssessment>> {
  const { asOf, cadenceDays } = request;
  const workers = request.workers.filter((w) => w.startedOn <= asOf);
  const result = new Map<string, StoredAssessment>();
  if (workers.length === 0) return result;
  const evidence = await loadEvidence(db, {
    organizationId: request.organizationId,
    workers: workers.map((w) => ({ id: w.id, unitId: w.unitId })),
    from: evidenceStart(asOf, defaultRuleset.windowDays),
    to: asOf,
  });
  for (const w of workers) {
    const ev = evidence.get(w.id) ?? { observations: [], sessions: [] };
    const assessment = assess({
      asOf,
      worker: { id: w.id, startedOn: w.startedOn, unitId: w.unitId },
      unit: { id: w.unitId, setting: w.unitSetting },
      observations: ev.observations,
      sessions: ev.sessions,
      ruleset: defaultRuleset,
      cadenceDays,
    });
    result.set(w.id, fromAssessment(assessment, ev, asOf));
  }
  return result;
}

/** Whose stored rows a change touches: listed PSWs, every PSW of listed units, or the organisation. */
export type AssessmentTarget =
  | { workerIds: readonly string[] }
  | { unitIds: readonly string[] }
  | { organization: true };

const WRITE_CHUNK = 200;

/**
 * Recomputes the stored rows of `target` as of `asOf` (today by default) inside the caller's
 * transaction. Call it after the change, in the same transaction. It first takes the organisation
 * row's lock (a no-op update), so on PostgreSQL two concurrent changes for one organisation compute
 * one after the other and the second sees the first's commit; on SQLite writers are serial anyway.
 */
export async function refreshStoredAssessments(
  trx: DbOrTrx,
  organizationId: string,
  target: AssessmentTarget,
  asOf: string = todayIso(),
): Promise<number> {
  await trx
    .updateTable('organization')
    .set((eb) => ({ revision: eb.ref('revision') }))
    .where('id', '=', organizationId)
    .execute();
  let query = trx
    .selectFrom('peer_worker as w')
    .innerJoin('unit as u', 'u.id', 'w.unit_id')
    .innerJoin('organization as o', 'o.id', 'w.organization_id')
    .select(['w.id', 'w.started_on', 'w.unit_id', 'u.setting', 'o.supervision_cadence_days'])
    .where('w.organization_id', '=', organizationId);
  if ('workerIds' in target) {
    if (target.workerIds.length === 0) return 0;
    query = query.where('w.id', 'in', [...target.workerIds]);
  } else if ('unitIds' in target) {
    if (target.unitIds.length === 0) return 0;
    query = query.where('w.unit_id', 'in', [...target.unitIds]);
  }
  const rows = await query.orderBy('w.id').execute();
  if (rows.length === 0) return 0;
  const cadenceDays = Number(rows[0]?.supervision_cadence_days);
  const workers: AssessedWorker[] = rows.map((r) => ({
    id: r.id,
    startedOn: r.started_on,
    unitId: r.unit_id,
    unitSetting: r.setting as AssessedWorker['unitSetting'],
  }));
  return writeStoredAssessments(trx, organizationId, workers, asOf, cadenceDays);
}

/** Replaces the stored rows of `workers` with their assessments at `asOf`; returns how many it wrote. */
export async function writeStoredAssessments(
  trx: DbOrTrx,
  organizationId: string,
  workers: readonly AssessedWorker[],
  asOf: string,
  cadenceDays: number,
): Promise<number> {
  const computed = await computeAssessmentsFromEvidence(trx, { organizationId, asOf, cadenceDays, workers });
  const computedAt = nowIso();
  let written = 0;
  for (let i = 0; i < workers.length; i += WRITE_CHUNK) {
    const chunk = workers.slice(i, i + WRITE_CHUNK);
    // The rows being replaced: a conflict that turns severe here starts a notification (ADR 0037).
    const previous = await trx
      .selectFrom('worker_assessment')
      .select(['peer_worker_id', 'payload'])
      .where(
        'peer_worker_id',
        'in',
        chunk.map((w) => w.id),
      )
      .execute();
    const before = new Map(
      previous.map((r) => [
        r.peer_worker_id,
        (JSON.parse(r.payload) as { summary: AssessmentSummary }).summary,
      ]),
    );
    await trx
      .deleteFrom('worker_assessment')
      .where(
        'peer_worker_id',
        'in',
        chunk.map((w) => w.id),
      )
      .execute();
    const values = [];
    for (const w of chunk) {
      const stored = computed.get(w.id);
      // Nobody is assessed before they start: the row appears on the day (background refresh).
      if (stored === undefined) continue;
      values.push({
        peer_worker_id: w.id,
        organization_id: organizationId,
        as_of: asOf,
        ruleset: storedRuleset,
        started_on: w.startedOn,
        unit_id: w.unitId,
        unit_setting: w.unitSetting,
        cadence_days: cadenceDays,
        last_session_on: stored.lastSessionOn,
        payload: JSON.stringify({
          summary: stored.summary,
          tenureMonths: stored.tenureMonths,
          newSelfReports: stored.newSelfReports,
        }),
        computed_at: computedAt,
      });
    }
    if (values.length > 0) await trx.insertInto('worker_assessment').values(values).execute();
    written += values.length;
    await recordSevereTransitions(
      trx,
      organizationId,
      chunk.map((w) => ({
        workerId: w.id,
        before: before.get(w.id) ?? null,
        after: computed.get(w.id)?.summary ?? null,
      })),
      asOf,
    );
  }
  return written;
}

/** A stored row's payload and last session, as `computeAssessmentsFromEvidence` gives them. */
export function parseStoredAssessment(row: {
  payload: string;
  last_session_on: string | null;
}): StoredAssessment {
  const payload = JSON.parse(row.payload) as Omit<StoredAssessment, 'lastSessionOn'>;
  return {
    summary: payload.summary,
    tenureMonths: payload.tenureMonths,
    newSelfReports: payload.newSelfReports,
    lastSessionOn: row.last_session_on,
  };
}
