/**
 * Loads everything `assess` needs for many PSWs at once: three queries (worker observations, unit
 * observations, sessions) over the two windows before `asOf`, grouped in memory. Caseload and team
 * views call it once per request instead of once per PSW.
 */
import type { Observation } from '@peerbridge/domain';
import { addDays } from '../dates';
import type { DbOrTrx } from '../db';
import { assessColumns, type ObservationRow, toObservation } from './observation-rows';

/** What one PSW's assessment needs besides the worker and unit records. */
export interface WorkerEvidence {
  observations: Observation[];
  sessions: { heldOn: string }[];
}

export interface EvidenceRequest {
  organizationId: string;
  workers: ReadonlyArray<{ id: string; unitId: string }>;
  /** Earliest date that can count (exclusive): the start of the previous window. */
  from: string;
  /** `asOf` (inclusive); later evidence is not loaded. */
  to: string;
}

/** The first day that can matter for an assessment at `asOf`: two windows back, for the trend. */
export function evidenceStart(asOf: string, windowDays: number): string {
  return addDays(asOf, -2 * windowDays);
}

/** Whose evidence to read: listed PSWs (and their units), or every PSW a supervisor is assigned. */
export type EvidenceScope =
  | { workerIds: readonly string[]; unitIds: readonly string[] }
  | { supervisorUserId: string };

export interface EvidenceRows {
  workerRows: ObservationRow[];
  unitRows: ObservationRow[];
  sessionRows: { peer_worker_id: string; held_on: string }[];
}

/**
 * The three evidence queries, run in parallel. With a supervisor scope they select the PSWs by
 * subquery, so they need not wait for the worker list (one database round trip less per caseload).
 */
export async function fetchEvidenceRows(
  db: DbOrTrx,
  request: { organizationId: string; from: string; to: string; scope: EvidenceScope },
): Promise<EvidenceRows> {
  const { organizationId, from, to, scope } = request;
  if ('workerIds' in scope && scope.workerIds.length === 0)
    return { workerRows: [], unitRows: [], sessionRows: [] };
  const assigned = (supervisorUserId: string) =>
    db
      .selectFrom('supervisor_assignment')
      .select('peer_worker_id')
      .where('supervisor_user_id', '=', supervisorUserId)
      .where('organization_id', '=', organizationId);
  const workerQuery = db
    .selectFrom('observation')
    .select(assessColumns)
    .where('organization_id', '=', organizationId)
    .where(
      'peer_worker_id',
      'in',
      'workerIds' in scope ? [...scope.workerIds] : assigned(scope.supervisorUserId),
    )
    .where('observed_at', '>', from)
    .where('observed_at', '<=', to);
  const unitQuery = db
    .selectFrom('observation')
    .select(assessColumns)
    .where('organization_id', '=', organizationId)
    .where(
      'unit_id',
      'in',
      'workerIds' in scope
        ? [...scope.unitIds]
        : db.selectFrom('peer_worker').select('unit_id').where('id', 'in', assigned(scope.supervisorUserId)),
    )
    .where('observed_at', '>', from)
    .where('observed_at', '<=', to);
  const sessionQuery = db
    .selectFrom('supervision_session')
    .select(['peer_worker_id', 'held_on'])
    .where('organization_id', '=', organizationId)
    // A voided session is not evidence (ADR 0010); its observations have left `observation`.
    .where('voided_at', 'is', null)
    .where(
      'peer_worker_id',
      'in',
      'workerIds' in scope ? [...scope.workerIds] : assigned(scope.supervisorUserId),
    )
    .where('held_on', '>', from)
    .where('held_on', '<=', to);
  const [workerRows, unitRows, sessionRows] = await Promise.all([
    workerQuery.execute(),
    unitQuery.execute(),
    sessionQuery.execute(),
  ]);
  return { workerRows, unitRows, sessionRows };
}

/** Groups evidence rows per PSW; a unit's observations go to every listed PSW of that unit. */
export function groupEvidence(
  workers: ReadonlyArray<{ id: string; unitId: string }>,
  rows: EvidenceRows,
): Map<string, WorkerEvidence> {
  const byWorker = new Map<string, WorkerEvidence>();
  for (const w of workers) byWorker.set(w.id, { observations: [], sessions: [] });
  for (const row of rows.workerRows) {
    if (row.peer_worker_id !== null) byWorker.get(row.peer_worker_id)?.observations.push(toObservation(row));
  }
  const unitObservations = new Map<string, Observation[]>();
  for (const row of rows.unitRows) {
    if (row.unit_id === null) continue;
    const list = unitObservations.get(row.unit_id) ?? [];
    list.push(toObservation(row));
    unitObservations.set(row.unit_id, list);
  }
  for (const w of workers) {
    const evidence = byWorker.get(w.id);
    const fromUnit = unitObservations.get(w.unitId);
    if (evidence && fromUnit) for (const o of fromUnit) evidence.observations.push(o);
  }
  for (const row of rows.sessionRows)
    byWorker.get(row.peer_worker_id)?.sessions.push({ heldOn: row.held_on });
  return byWorker;
}

/** Evidence for the listed PSWs, grouped per PSW. */
export async function loadEvidence(
  db: DbOrTrx,
  request: EvidenceRequest,
): Promise<Map<string, WorkerEvidence>> {
  const rows = await fetchEvidenceRows(db, {
    organizationId: request.organizationId,
    from: request.from,
    to: request.to,
    scope: {
      workerIds: request.workers.map((w) => w.id),
      unitIds: [...new Set(request.workers.map((w) => w.unitId))],
    },
  });
  return groupEvidence(request.workers, rows);
}
