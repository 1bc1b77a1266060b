/** The stored per-PSW assessment the caseload reads (ADR 0026), with the inputs it was computed from. */
import type { Selectable } from 'kysely';

export interface WorkerAssessmentTable {
  peer_worker_id: string;
  organization_id: string;
  /** YYYY-MM-DD. */
  as_of: string;
  /** '<ruleset id>@<version>'. */
  ruleset: string;
  started_on: string;
  unit_id: string;
  unit_setting: string;
  cadence_days: number;
  last_session_on: string | null;
  /** JSON text. */
  payload: string;
  /** ISO 8601 UTC. */
  computed_at: string;
}

export type WorkerAssessmentRow = Selectable<WorkerAssessmentTable>;
