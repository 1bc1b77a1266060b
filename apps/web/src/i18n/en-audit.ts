/**
 * English labels of every audit action code the code base writes (issue 9), nested by the code's dots,
 * so `t('auditActions.session_notes.read')` is the label of `session_notes.read`. A test greps the
 * sources for written codes and fails when one has no label here or in Czech.
 */
import type { Messages } from './messages';

export const enAuditActions = {
  access: { refused: 'Access refused' },
  api_token: { create: 'Created an API token', revoke: 'Revoked an API token', refused: 'API token refused' },
  account: {
    profile: 'Changed their name',
    password: 'Changed their password',
    password_refused: 'Password change refused (wrong current password)',
  },
  action: { complete: 'Closed an action with an outcome', reopen: 'Reopened an action' },
  assignment: {
    create: 'Assigned a supervisor',
    delete: 'Removed a supervisor',
    self_assigned: 'Assigned themselves as supervisor',
  },
  audit: { export: 'Exported the audit log' },
  card: { accept: 'Accepted a recommendation', override: 'Overrode a recommendation' },
  caseload: { view: 'Viewed the caseload' },
  check_in: { submit: 'Answered a check-in before supervision' },
  notification: { read: 'Marked a notification read' },
  notifications: { view: 'Viewed notifications', read_all: 'Marked all notifications read' },
  demo: { seed: 'Loaded demo data' },
  invitation: { accept: 'Accepted an invitation', decline: 'Declined an invitation' },
  own_record: {
    view: 'Viewed their own record',
    export: 'Downloaded their own record',
    print: 'Opened the printable page of their own record',
  },
  own_check_ins: { view: 'Viewed their own check-ins' },
  own_session: { view: 'Viewed one of their own sessions' },
  session_comment: { create: 'Commented on a session summary' },
  peer_worker: { invite: 'Invited a peer worker to their own account' },
  observation: { create: 'Recorded observations' },
  organization: { create: 'Created the organisation', update: 'Changed organisation settings' },
  session: {
    create: 'Recorded a supervision session',
    amend: 'Amended a supervision session',
    void: 'Voided a supervision session',
  },
  session_notes: { read: 'Read session notes' },
  session_plan: {
    create: 'Planned the next supervision',
    update: 'Moved a planned supervision',
    cancel: 'Cancelled a planned supervision',
  },
  study: { analyze: 'Analysed a study', export: 'Exported a study', import: 'Imported a study' },
  unit: { create: 'Added a unit', update: 'Changed a unit' },
  unit_observation: { create: 'Recorded unit observations' },
  user: { create: 'Added a user', roles: 'Changed roles' },
  worker: { create: 'Added a PSW', update: 'Changed a PSW record' },
  worker_record: { view: "Viewed a PSW's record" },
} satisfies Messages;

export const enAudit = {
  empty: 'No events match.',
  at: 'When',
  who: 'Who',
  action: 'Action',
  entity: 'Record',
  psw: 'PSW',
  details: 'Details',
  older: 'Load more',
  filters: 'Filters',
  person: 'Person',
  anyPerson: 'Anyone',
  anyPsw: 'Any PSW',
  actions: 'Actions',
  anyAction: 'Any action',
  from: 'From',
  to: 'To',
  clear: 'Clear filters',
  download: 'Download CSV',
  seenBy: 'Who has seen',
  seenByTitle: "Who has seen {{name}}'s record",
  seenByEmpty: 'Nobody has opened this record yet.',
} satisfies Messages;
