/** Organisations, memberships, units, peer workers and supervisor assignments. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** 0 or 1: SQLite has no boolean, so both dialects store flags as integers. */
export type Flag = 0 | 1;
export type MembershipRole = 'admin' | 'supervisor' | 'researcher' | 'peer_worker';
export type UnitSetting = 'inpatient' | 'community' | 'other';
export type PeerWorkerStatus = 'active' | 'on_leave' | 'left';
export type Language = 'en' | 'cs';

export interface OrganizationTable {
  id: string;
  name: string;
  supervision_cadence_days: Generated<number>;
  small_cell_k: Generated<number>;
  default_language: ColumnType<Language, Language | undefined, Language>;
  is_demo: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  /** Bumped with every audited write to the organisation; caches key on it (see ADR 0006). */
  revision: Generated<number>;
  /** JSON array of the wellbeing contacts (EAP, crisis line) the admin configured for the check-in. */
  wellbeing_contacts: Generated<string>;
  /** JSON of the burnout instrument's item texts the organisation supplies; null while not enabled. */
  burnout_items: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MembershipTable {
  id: string;
  organization_id: string;
  user_id: string;
  role: MembershipRole;
  created_at: string;
}

export interface UnitTable {
  id: string;
  organization_id: string;
  name: string;
  setting: UnitSetting;
  created_at: string;
}

export interface PeerWorkerTable {
  id: string;
  organization_id: string;
  unit_id: string;
  display_name: string;
  /** `YYYY-MM-DD`. */
  started_on: string;
  working_fraction: Generated<number>;
  status: ColumnType<PeerWorkerStatus, PeerWorkerStatus | undefined, PeerWorkerStatus>;
  created_at: string;
}

export interface SupervisorAssignmentTable {
  organization_id: string;
  supervisor_user_id: string;
  peer_worker_id: string;
  /** `YYYY-MM-DD`. */
  since: string;
  /** The admin who made the assignment (null for seeds and older rows). */
  assigned_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** Set when an admin assigned themselves: the reason the other admins see. */
  self_assignment_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A `peer_worker` account's one PSW record (ADR 0031): one account per PSW, one PSW per account. */
export interface PeerWorkerAccountTable {
  organization_id: string;
  user_id: string;
  peer_worker_id: string;
  created_at: string;
}

export type OrganizationRow = Selectable<OrganizationTable>;
export type NewOrganization = Insertable<OrganizationTable>;
export type OrganizationUpdate = Updateable<OrganizationTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type UnitRow = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type PeerWorkerRow = Selectable<PeerWorkerTable>;
export type NewPeerWorker = Insertable<PeerWorkerTable>;
export type PeerWorkerUpdate = Updateable<PeerWorkerTable>;
export type SupervisorAssignmentRow = Selectable<SupervisorAssignmentTable>;
