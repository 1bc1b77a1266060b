/** @peerbridge/services: the use cases (with authorisation and audit) that the api and the CLI call. */

export { getMe, type Me } from './access/get-me';
export { loadOwnWorker, requirePeerWorker } from './access/own-worker';
export { type Refusal, recordRefusal, refusedTargetOf } from './access/record-refusal';
export {
  hasOpenView,
  type OpenedView,
  openCaseload,
  openWorkerRecord,
  openWorkerRecordInput,
  RECORD_VIEW_ACTIONS,
  RECORD_VIEW_MINUTES,
  type ViewTarget,
} from './access/record-views';
export { resolveActor } from './access/resolve-actor';
export type { SupervisedWorker } from './access/supervised-worker';
export {
  acceptInvitation,
  declineInvitation,
  invitationAnswerInput,
  invitationCodeHash,
  listMyInvitations,
  type PendingInvitation,
  redeemInvitationCode,
  redeemInvitationCodeInput,
} from './account/invitations';
export { hashPassword, verifyPassword } from './account/password-hash';
export { changePassword, changePasswordInput, updateProfile, updateProfileInput } from './account/profile';
export { type ActionItem, type ActionOutcome, type ActionOwner, actionOutcomes } from './actions/action-item';
export {
  type ActionEvent,
  type ActionItemWithWorker,
  completeAction,
  completeActionInput,
  listActionHistory,
  listActionHistoryInput,
  listActions,
  listActionsInput,
  reopenAction,
  reopenActionInput,
} from './actions/action-items';
export { type ActionOwnerOptions, listActionOwners, listActionOwnersInput } from './actions/action-owners';
export { type Actor, hasRole, staffRoles, type UserRole, userRoles } from './actor';
export {
  type BurnoutInstrument,
  getBurnoutItems,
  setBurnoutItems,
  setBurnoutItemsInput,
} from './admin/burnout-items';
export {
  INVITATION_CODE_DAYS,
  invitePeerWorker,
  invitePeerWorkerInput,
  type PeerWorkerInvitation,
} from './admin/invite-peer-worker';
export {
  getOrganization,
  updateOrganization,
  updateOrganizationInput,
} from './admin/organization-settings';
export {
  createUnit,
  createUnitInput,
  listUnitObservations,
  listUnitObservationsInput,
  listUnits,
  recordUnitObservations,
  recordUnitObservationsInput,
  type Unit,
  unitIndicatorValues,
  unitIndicatorValuesInput,
  updateUnit,
  updateUnitInput,
} from './admin/units';
export {
  createUser,
  createUserInput,
  insertUserWithPassword,
  listUsers,
  listUsersInput,
  type OrganizationUser,
  recordFirstSignIn,
  setUserRoles,
  setUserRolesInput,
} from './admin/users';
export {
  getWellbeingContacts,
  setWellbeingContacts,
  setWellbeingContactsInput,
} from './admin/wellbeing-contacts';
export {
  assignmentInput,
  assignSupervisor,
  assignSupervisorInput,
  createWorker,
  createWorkerInput,
  listWorkers,
  unassignSupervisor,
  updateWorker,
  updateWorkerInput,
  type WorkerRecord,
} from './admin/workers';
export {
  confirmUnitCondition,
  confirmUnitConditionInput,
  type UnitConditionConfirmation,
} from './agenda/confirm-unit-condition';
export {
  type ChangedIndicator,
  type SelfReportObservation,
  type SessionAgenda,
  sessionAgenda,
  sessionAgendaInput,
} from './agenda/session-agenda';
export {
  API_TOKEN_PREFIX,
  type ApiTokenEntry,
  authenticateApiToken,
  type CreatedApiToken,
  createApiToken,
  createApiTokenAsOperator,
  createApiTokenInput,
  hashApiToken,
  listApiTokens,
  recordTokenRefusal,
  revokeApiToken,
  revokeApiTokenInput,
  type TokenAuthentication,
  type TokenRefusalReason,
} from './api-tokens/api-tokens';
export { type AuditFilters, auditFiltersSchema } from './audit/audit-filters';
export {
  AUDIT_PAGE_DEFAULT,
  AUDIT_PAGE_MAX,
  type AuditLogRow,
  actionLabelKey,
  listAuditLog,
  listAuditLogInput,
} from './audit/audit-log';
export {
  AUDIT_CSV_HEADER,
  type AuditCsvExport,
  exportAuditCsv,
  exportAuditCsvInput,
} from './audit/export-audit-csv';
export { recordAudit } from './audit/record-audit';
export {
  listRecordReads,
  listRecordReadsInput,
  RECORD_READ_ACTIONS,
  type RecordRead,
  type RecordReads,
} from './audit/record-reads';
export { answerCard, answerCardInput } from './cards/answer-card';
export {
  type Caseload,
  type CaseloadEntry,
  computeCaseloadFromEvidence,
  listCaseload,
  listCaseloadInput,
} from './caseload/list-caseload';
export {
  refreshStaleAssessments,
  type StaleAssessmentRefresh,
} from './caseload/refresh-stale-assessments';
export { refreshStoredAssessments } from './caseload/stored-assessments';
export { type CheckInForm, getCheckInForm } from './check-in/check-in-form';
export {
  listOwnCheckIns,
  listOwnCheckInsInput,
  type OwnCheckIn,
  type OwnCheckInAnswer,
} from './check-in/own-check-ins';
export { type CheckInResult, submitCheckIn, submitCheckInInput } from './check-in/submit-check-in';
export type { Db, DbOrTrx } from './db';
export { demoWorkers } from './demo/demo-people';
export { type DemoSeedReport, type DemoSignIn, demoSignIns, seedDemo } from './demo/seed-demo';
export {
  conflict,
  forbidden,
  type InputIssue,
  invalidInputFromZod,
  notFound,
  ServiceError,
  type ServiceErrorCode,
} from './errors';
export { assessMemoized } from './evidence/assess-memo';
export { requestIdInput, requestIdSchema } from './idempotency/request-id';
export {
  claimDigest,
  type DigestMessage,
  type DigestRecipient,
  digestMessage,
  digestRecipients,
  markDigestSent,
  releaseDigest,
} from './notifications/digest';
export {
  countUnreadNotifications,
  listNotifications,
  listNotificationsInput,
  markAllNotificationsRead,
  markNotificationRead,
  markNotificationReadInput,
  type NotificationItem,
} from './notifications/notification-centre';
export { type NotificationSweep, sweepNotifications } from './notifications/notification-conditions';
export { listWorkerObservations, listWorkerObservationsInput } from './observations/list-worker-observations';
export { recordObservations, recordObservationsInput } from './observations/record-observations';
export { loadOrganizationSettings, type OrganizationSettings } from './organization/organization-settings';
export {
  MAX_WELLBEING_CONTACTS,
  type WellbeingContact,
  wellbeingContactSchema,
  wellbeingContactsSchema,
} from './organization/wellbeing-settings';
export {
  exportOwnRecord,
  getOwnSession,
  getOwnSessionInput,
  type OwnAction,
  type OwnRecord,
  type OwnRecordDocument,
  type OwnSession,
  openOwnRecord,
  printOwnRecord,
} from './own-record/own-record';
export {
  COMMENT_MAX,
  commentOnOwnSession,
  commentOnOwnSessionInput,
  type SessionComment,
} from './own-record/session-comments';
export type { Page } from './paging/cursor-page';
export {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordProblem,
  passwordSchema,
} from './passwords/password-policy';
export { type AmendedSession, amendSession, amendSessionInput } from './sessions/amend-session';
export {
  listSessionRevisions,
  listSessionRevisionsInput,
  type SessionRevision,
} from './sessions/list-session-revisions';
export { listSessions, listSessionsInput, type SupervisionSession } from './sessions/list-sessions';
export {
  cancelPlannedSession,
  cancelPlannedSessionInput,
  changePlannedSession,
  changePlannedSessionInput,
  getPlannedSession,
  getPlannedSessionInput,
  type PlannedSession,
  scheduleSession,
  scheduleSessionInput,
} from './sessions/planned-session';
export { recordSession, recordSessionInput } from './sessions/record-session';
export { type RevealedNotes, revealNotes, revealNotesInput } from './sessions/reveal-notes';
export {
  openSessionSummary,
  openSessionSummaryInput,
  type SessionSummary,
  sessionSummary,
  sessionSummaryInput,
} from './sessions/session-summary';
export { type VoidedSession, voidSession, voidSessionInput } from './sessions/void-session';
export {
  clearSignInFailures,
  recordSignInFailure,
  type SignInKeys,
  signInKeys,
  signInWait,
} from './sign-in/sign-in-failures';
export {
  accountDelaySeconds,
  DEFAULT_SIGN_IN_POLICY,
  type SignInPolicy,
} from './sign-in/sign-in-policy';
// Research use cases (ADR 0016): the one import pipeline, analysis, export and the researcher's studies.
export {
  analysisOptionsSchema,
  type CoOccurrenceMode,
  coOccurrenceModeSchema,
  studyAnalysisInput,
} from './studies/analysis-options';
export {
  type AnalysisRunner,
  type AnalysisSet,
  type AnalysisTask,
  inProcessAnalysis,
  runAnalysisTask,
  type StudyAgreementResult,
  type StudyCohortResult,
  type StudyCoOccurrenceResult,
} from './studies/analysis-runner';
export {
  type AgreementReport,
  analyzeStudy,
  type CoOccurrenceReport,
  type StudyAnalysis,
} from './studies/analyze-study';
export {
  type DeliveredFile,
  type ExportStudyInput,
  exportStudy,
  type PreparedStudyExport,
  prepareStudyExport,
  recordStudyExport,
  type StudyExport,
  type StudyExportFormat,
} from './studies/export-study';
export {
  exportStudyFile,
  type StudyExportFile,
  studyExportFileInput,
  writeStudyExport,
} from './studies/export-study-file';
export type { TableCounts } from './studies/import-plan';
export {
  type ImportStudyInput,
  type ImportStudyReport,
  type ImportTimings,
  importStudy,
  previewStudyFile,
} from './studies/import-study';
export {
  commitUpload,
  discardUpload,
  importUploadOnce,
  parseUploadQuery,
  previewUpload,
  type UploadCommit,
  type UploadPreview,
  uploadImportInput,
  uploadRefInput,
} from './studies/import-upload';
export { studyInputServiceError } from './studies/study-input-service-error';
export type { StudyMemo } from './studies/study-memos';
export {
  listStudyNotes,
  type StudyNote,
  type StudyNotesIndex,
  type StudySetEntry,
  studyNotesIndex,
  studyNotesIndexInput,
  studyNotesInput,
} from './studies/study-notes';
export type { PseudonymizationReport } from './studies/study-pseudonymization';
export {
  listStudies,
  listStudiesInput,
  type StudyListEntry,
  studyAgreement,
  studyCohort,
  studyCohortInput,
  studyCoOccurrence,
  studyRefInput,
} from './studies/study-read-models';
export { type OperatorActorLookup, resolveOperatorActor } from './studies/study-target';
export {
  createStudyUploads,
  STUDY_UPLOAD_EXTENSIONS,
  STUDY_UPLOAD_LIMITS,
  type StudyUpload,
  type StudyUploadLimits,
  type StudyUploads,
  uploadFileName,
} from './studies/study-uploads';
export { type AcceptedTeamCard, acceptTeamCard, acceptTeamCardInput } from './team/accept-team-card';
export {
  type CardUsefulness,
  type CardUsefulnessExport,
  cardUsefulness,
  exportCardUsefulness,
  usefulnessColumns,
} from './team/card-usefulness';
export { freezeCohorts } from './team/freeze-cohorts';
export {
  type PublishReport,
  publishDueSnapshots,
  publishOrganizationSnapshots,
} from './team/publish-snapshots';
export type { TeamAction } from './team/team-action';
export {
  completeTeamAction,
  listTeamActions,
  listTeamActionsInput,
  reopenTeamAction,
} from './team/team-actions';
export {
  type PrevalenceBySetting,
  type TeamOverview,
  type TeamUnit,
  type TrendPeriod,
  teamOverview,
  teamOverviewInput,
} from './team/team-overview';
export type { TeamSnapshot } from './team/team-snapshot';
export {
  emailAddressSchema,
  firstMalformedText,
  hasVisibleCharacter,
  isWellFormedText,
  MAX_EMAIL_LENGTH,
  MAX_EMAIL_LOCAL_PART,
  visibleNameSchema,
} from './text-fields';
export { getWorkerAssessment, getWorkerAssessmentInput } from './workers/get-worker-assessment';
export { getWorkerHistory, getWorkerHistoryInput } from './workers/get-worker-history';
