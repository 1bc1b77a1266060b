/** The static list of migrations, in order. Add a new file here; never edit an applied one. */
import type { Migration } from 'kysely';
import * as auth from './2026-11-26-001-auth';
import * as organization from './2026-11-26-002-organization';
import * as supervision from './2026-11-26-003-supervision';
import * as audit from './2026-11-26-004-audit';
import * as studies from './2026-11-26-005-studies';
import * as organizationRevision from './2026-11-26-006-organization-revision';
import * as observationAssessCovering from './2026-11-26-007-observation-assess-covering';
import * as auditChain from './2026-12-02-101-audit-chain';
import * as sessionNothingToRecord from './2026-12-02-201-session-nothing-to-record';
import * as idempotentRequest from './2026-12-02-202-idempotent-request';
import * as aggregateSnapshots from './2026-12-02-301-aggregate-snapshots';
import * as assignmentReason from './2026-12-02-302-assignment-reason';
import * as auditViewIndex from './2026-12-02-401-audit-view-index';
import * as auditFilters from './2026-12-02-501-audit-filters';
import * as sessionRevisions from './2026-12-02-601-session-revisions';
import * as signInFailures from './2026-12-02-701-sign-in-failures';
import * as membershipInvitations from './2026-12-02-702-membership-invitations';
import * as pendingAccounts from './2026-12-02-801-pending-accounts';
import * as workerAssessment from './2026-12-02-901-worker-assessment';
import * as studyMapping from './2026-12-03-1201-study-mapping';
import * as apiTokens from './2026-12-03-1301-api-tokens';
import * as studyRefiProject from './2026-12-03-1401-study-refi-project';
import * as actionOwnersOutcomes from './2026-12-03-1501-action-owners-outcomes';
import * as peerWorkerAccounts from './2026-12-03-1601-peer-worker-accounts';
import * as sessionComments from './2026-12-03-1602-session-comments';
import * as notifications from './2026-12-03-2201-notifications';
import * as checkIns from './2026-12-03-2401-check-ins';
import * as plannedSessions from './2026-12-03-2501-planned-sessions';
import * as teamActions from './2026-12-04-3301-team-actions';

export const migrations: Record<string, Migration> = {
  '2026-11-26-001-auth': auth,
  '2026-11-26-002-organization': organization,
  '2026-11-26-003-supervision': supervision,
  '2026-11-26-004-audit': audit,
  '2026-11-26-005-studies': studies,
  '2026-11-26-006-organization-revision': organizationRevision,
  '2026-11-26-007-observation-assess-covering': observationAssessCovering,
  '2026-12-02-101-audit-chain': auditChain,
  '2026-12-02-201-session-nothing-to-record': sessionNothingToRecord,
  '2026-12-02-202-idempotent-request': idempotentRequest,
  '2026-12-02-301-aggregate-snapshots': aggregateSnapshots,
  '2026-12-02-302-assignment-reason': assignmentReason,
  '2026-12-02-401-audit-view-index': auditViewIndex,
  '2026-12-02-501-audit-filters': auditFilters,
  '2026-12-02-601-session-revisions': sessionRevisions,
  '2026-12-02-701-sign-in-failures': signInFailures,
  '2026-12-02-702-membership-invitations': membershipInvitations,
  '2026-12-02-801-pending-accounts': pendingAccounts,
  '2026-12-02-901-worker-assessment': workerAssessment,
  '2026-12-03-1201-study-mapping': studyMapping,
  '2026-12-03-1301-api-tokens': apiTokens,
  '2026-12-03-1401-study-refi-project': studyRefiProject,
  '2026-12-03-1501-action-owners-outcomes': actionOwnersOutcomes,
  '2026-12-03-1601-peer-worker-accounts': peerWorkerAccounts,
  '2026-12-03-1602-session-comments': sessionComments,
  '2026-12-03-2201-notifications': notifications,
  '2026-12-03-2401-check-ins': checkIns,
  '2026-12-03-2501-planned-sessions': plannedSessions,
  '2026-12-04-3301-team-actions': teamActions,
};
