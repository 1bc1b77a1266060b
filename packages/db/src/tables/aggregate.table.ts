/** Frozen period cohorts and the published aggregate snapshots computed over them (ADR 0013). */
import type { Selectable } from 'kysely';

export interface AggregatePeriodTable {
  organization_id: string;
  /** `YYYY-MM`. */
  period: string;
  frozen_at: string;
}

export interface AggregateCohortMemberTable {
  organization_id: string;
  period: string;
  peer_worker_id: string;
  unit_id: string;
  setting: string;
  started_on: string;
}

export interface AggregateCohortSupervisorTable {
  organization_id: string;
  period: string;
  supervisor_user_id: string;
  peer_worker_id: string;
}

export interface AggregateSnapshotTable {
  organization_id: string;
  period: string;
  k: number;
  published_at: string;
  /** JSON text of the published, already suppressed, snapshot. */
  payload: string;
}

export type AggregateSnapshotRow = Selectable<AggregateSnapshotTable>;
