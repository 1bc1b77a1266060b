/** The `Database` interface Kysely checks every query against: one entry per table. */

import type {
  AggregateCohortMemberTable,
  AggregateCohortSupervisorTable,
  AggregatePeriodTable,
  AggregateSnapshotTable,
} from './tables/aggregate.table';
import type { ApiTokenTable } from './tables/api-token.table';
import type { AuditChainHeadTable, AuditEventTable } from './tables/audit.table';
import type {
  AccountTable,
  RateLimitTable,
  SessionTable,
  UserTable,
  VerificationTable,
} from './tables/auth.table';
import type { IdempotentRequestTable } from './tables/idempotency.table';
import type { MembershipInvitationTable, UserFirstSignInTable } from './tables/membership-invitation.table';
import type { DigestSentTable, NotificationReadTable, NotificationTable } from './tables/notification.table';
import type {
  MembershipTable,
  OrganizationTable,
  PeerWorkerAccountTable,
  PeerWorkerTable,
  SupervisorAssignmentTable,
  UnitTable,
} from './tables/organization.table';
import type { SignInFailureTable } from './tables/sign-in-failure.table';
import type {
  CodedSegmentTable,
  CodeTable,
  DocumentTable,
  ImportRunTable,
  ParticipantTable,
  StudyNoteRefTable,
  StudyNoteTable,
  StudyObservationTable,
  StudyProjectTable,
  StudySelectionTable,
  StudySetMemberTable,
  StudySetTable,
  StudyTable,
  StudyUserTable,
} from './tables/study.table';
import type {
  ActionItemEventTable,
  ActionItemTable,
  CardResponseTable,
  CheckInTable,
  ObservationTable,
  OwnCheckInAnswerTable,
  PlannedSessionTable,
  SessionCommentTable,
  SupervisionSessionRevisionTable,
  SupervisionSessionTable,
} from './tables/supervision.table';
import type { TeamActionEventTable, TeamActionTable } from './tables/team-action.table';
import type { WorkerAssessmentTable } from './tables/worker-assessment.table';

export interface Database {
  user: UserTable;
  session: SessionTable;
  account: AccountTable;
  verification: VerificationTable;
  rateLimit: RateLimitTable;
  organization: OrganizationTable;
  membership: MembershipTable;
  unit: UnitTable;
  peer_worker: PeerWorkerTable;
  peer_worker_account: PeerWorkerAccountTable;
  supervisor_assignment: SupervisorAssignmentTable;
  supervision_session: SupervisionSessionTable;
  supervision_session_revision: SupervisionSessionRevisionTable;
  session_comment: SessionCommentTable;
  check_in: CheckInTable;
  own_check_in_answer: OwnCheckInAnswerTable;
  planned_session: PlannedSessionTable;
  observation: ObservationTable;
  card_response: CardResponseTable;
  action_item: ActionItemTable;
  action_item_event: ActionItemEventTable;
  audit_event: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
  study: StudyTable;
  import_run: ImportRunTable;
  participant: ParticipantTable;
  document: DocumentTable;
  code: CodeTable;
  coded_segment: CodedSegmentTable;
  study_observation: StudyObservationTable;
  study_project: StudyProjectTable;
  study_user: StudyUserTable;
  study_selection: StudySelectionTable;
  study_note: StudyNoteTable;
  study_note_ref: StudyNoteRefTable;
  study_set: StudySetTable;
  study_set_member: StudySetMemberTable;
  idempotent_request: IdempotentRequestTable;
  aggregate_period: AggregatePeriodTable;
  aggregate_cohort_member: AggregateCohortMemberTable;
  aggregate_cohort_supervisor: AggregateCohortSupervisorTable;
  aggregate_snapshot: AggregateSnapshotTable;
  sign_in_failure: SignInFailureTable;
  membership_invitation: MembershipInvitationTable;
  worker_assessment: WorkerAssessmentTable;
  user_first_sign_in: UserFirstSignInTable;
  api_token: ApiTokenTable;
  notification: NotificationTable;
  notification_read: NotificationReadTable;
  digest_sent: DigestSentTable;
  team_action: TeamActionTable;
  team_action_event: TeamActionEventTable;
}

export type * from './tables/aggregate.table';
export type * from './tables/api-token.table';
export type * from './tables/audit.table';
export type * from './tables/auth.table';
export type * from './tables/idempotency.table';
export type * from './tables/membership-invitation.table';
export type * from './tables/notification.table';
export type * from './tables/organization.table';
export type * from './tables/sign-in-failure.table';
export type * from './tables/study.table';
export type * from './tables/supervision.table';
export type * from './tables/team-action.table';
export type * from './tables/worker-assessment.table';
