/**
 * The authorisation matrix: every role of two organisations (plus a supervisor not assigned to the PSW,
 * plus signed-out) against every procedure, through the real HTTP server and the real tRPC client.
 * Targets are organisation A's records; organisation B's people must not even learn they exist.
 */
import { randomUUID } from 'node:crypto';
import { publishedCardIds } from '@peerbridge/domain';
import {
  acceptTeamCard,
  answerCard,
  cancelPlannedSession,
  completeTeamAction,
  createApiTokenAsOperator,
  getPlannedSession,
  recordSession,
  reopenTeamAction,
  revokeApiToken,
  scheduleSession,
  submitCheckIn,
} from '@peerbridge/services';
import { testDialects } from '@peerbridge/testing';
import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppRouter, appRouter } from './root';
import { CookieJar, signIn, startTestApi, type TestClient, trpcClient } from './test-support/test-server';
import { researchToken, tokenTrpcClient } from './test-support/token-client';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND';
const actors = [
  'A.admin',
  'A.supervisor',
  'A.otherSupervisor',
  'A.researcher',
  'A.peerWorker',
  'B.admin',
  'B.supervisor',
  'B.otherSupervisor',
  'B.researcher',
  'B.peerWorker',
  'signedOut',
  /** A.researcher's API token, sent together with A.supervisor's session cookie (which it must not widen into). */
  'A.researcherToken',
  /** A revoked token of A.researcher. */
  'A.revokedToken',
] as const;
type ActorName = (typeof actors)[number];
type PersonName = Exclude<ActorName, 'A.researcherToken' | 'A.revokedToken'>;

/**
 * A token reaches research only, as its owner (ADR 0021); everywhere else, and when revoked, it answers as
 * signed out does.
 */
function asPerson(actor: ActorName, procedure: string): PersonName {
  if (actor === 'A.researcherToken') return procedure.startsWith('research.') ? 'A.researcher' : 'signedOut';
  if (actor === 'A.revokedToken') return 'signedOut';
  return actor;
}

/** Who may do what, as rules over the actor's name. */
const rules: Record<string, (actor: PersonName) => Outcome> = {
  public: () => 'ok',
  anyMember: (a) => (a === 'signedOut' ? 'UNAUTHORIZED' : 'ok'),
  /** Someone else's (here: nobody's) invitation: every member is told it does not exist. */
  noneOfTheirs: (a) => (a === 'signedOut' ? 'UNAUTHORIZED' : 'NOT_FOUND'),
  anySupervisor: (a) => (a === 'signedOut' ? 'UNAUTHORIZED' : a.includes('upervisor') ? 'ok' : 'FORBIDDEN'),
  superviseA: (a) =>
    a === 'signedOut'
      ? 'UNAUTHORIZED'
      : a === 'A.supervisor'
        ? 'ok'
        : a.includes('upervisor')
          ? 'NOT_FOUND'
          : 'FORBIDDEN',
  anyAdmin: (a) => (a === 'signedOut' ? 'UNAUTHORIZED' : a.endsWith('.admin') ? 'ok' : 'FORBIDDEN'),
  adminOrSupervisor: (a) =>
    a === 'signedOut' ? 'UNAUTHORIZED' : a.endsWith('.admin') || a.includes('upervisor') ? 'ok' : 'FORBIDDEN',
  /** Admins and supervisors of organisation A (supervisors see only their own PSWs within it). */
  staffOfA: (a) => {
    if (a === 'signedOut') return 'UNAUTHORIZED';
    if (!a.endsWith('.admin') && !a.includes('upervisor')) return 'FORBIDDEN';
    return a.startsWith('A.') ? 'ok' : 'NOT_FOUND';
  },
  anyResearcher: (a) => (a === 'signedOut' ? 'UNAUTHORIZED' : a.endsWith('.researcher') ? 'ok' : 'FORBIDDEN'),
  /** Someone else's (here: nobody's) upload or API token: every researcher is told it does not exist. */
  researcherNoneOfTheirs: (a) =>
    a === 'signedOut' ? 'UNAUTHORIZED' : a.endsWith('.researcher') ? 'NOT_FOUND' : 'FORBIDDEN',
  researcherOfA: (a) =>
    a === 'signedOut'
      ? 'UNAUTHORIZED'
      : a === 'A.researcher'
        ? 'ok'
        : a === 'B.researcher'
          ? 'NOT_FOUND'
          : 'FORBIDDEN',
  /** Nobody's invitation code: signed in or not, it does not exist. */
  noSuchCode: () => 'NOT_FOUND',
  /** A peer worker's own record: theirs alone, found from who they are (ADR 0031). */
  ownRecord: (a) => (a === 'signedOut' ? 'UNAUTHORIZED' : a.endsWith('.peerWorker') ? 'ok' : 'FORBIDDEN'),
  /** A's PSW's own session or action (for the peer worker): B's peer worker trying its id is told it does not exist. */
  ownOfA: (a) =>
    a === 'signedOut'
      ? 'UNAUTHORIZED'
      : a === 'A.peerWorker'
        ? 'ok'
        : a === 'B.peerWorker'
          ? 'NOT_FOUND'
          : 'FORBIDDEN',
  /** A unit of A's team view, or its team action (ADR 0042): A's admin and the supervisor of a PSW on it. */
  teamOfA: (a) => {
    if (a === 'signedOut') return 'UNAUTHORIZED';
    if (!a.endsWith('.admin') && !a.includes('upervisor')) return 'FORBIDDEN';
    return a === 'A.admin' || a === 'A.supervisor' ? 'ok' : 'NOT_FOUND';
  },
  adminOfA: (a) =>
    a === 'signedOut' ? 'UNAUTHORIZED' : a === 'A.admin' ? 'ok' : a === 'B.admin' ? 'NOT_FOUND' : 'FORBIDDEN',
};

/** Team cards without an open action for A's unit (the fixture's is `destigmatization`). */
const acceptableCards = publishedCardIds.filter((id) => id !== 'destigmatization');

/** An upload id that names no upload (the routes' NOT_FOUND for someone else's upload is tested in study-files.test.ts). */
const NO_UPLOAD = '00000000-0000-4000-8000-000000000000';

interface Ctx {
  a: OrgFixture;
  b: OrgFixture;
  today: string;
  actionId: string;
  /** An action of A's PSW from a card addressed to the peer worker (theirs to close). */
  ownActionId: string;
  sessionId: string;
  /** A's PSW's shared check-in answer about a unit condition (their desk), to confirm for the unit. */
  unitConditionReportId: string;
  /** A new session of A's PSW at revision 1, recorded directly, for a case that amends or voids one. */
  freshSession: () => Promise<string>;
  /** Cancels the open plan of A's PSW, if any (so a case may schedule one). */
  clearPlan: () => Promise<void>;
  /** A new open plan of A's PSW, scheduled directly, for a case that changes or cancels one. */
  freshPlan: () => Promise<string>;
  /** A team action for A's unit, opened or closed directly so each actor's call meets the same state. */
  teamActionId: string;
  setTeamAction: (status: 'open' | 'done') => Promise<void>;
  n: () => number;
}
type Case = [procedure: string, rule: keyof typeof rules, call: (c: TestClient, x: Ctx) => Promise<unknown>];

const cases: Case[] = [
  ['account.session', 'public', (c) => c.account.session.query()],
  ['account.me', 'anyMember', (c) => c.account.me.query()],
  ['account.invitations', 'anyMember', (c) => c.account.invitations.query()],
  [
    'account.acceptInvitation',
    'noneOfTheirs',
    (c) => c.account.acceptInvitation.mutate({ invitationId: 'no-such-invitation' }),
  ],
  [
    'account.declineInvitation',
    'noneOfTheirs',
    (c) => c.account.declineInvitation.mutate({ invitationId: 'no-such-invitation' }),
  ],
  [
    'account.redeemInvitationCode',
    'noSuchCode',
    (c) =>
      c.account.redeemInvitationCode.mutate({
        code: 'no-such-code',
        password: 'a long synthetic passphrase',
      }),
  ],
  ['account.updateProfile', 'anyMember', (c) => c.account.updateProfile.mutate({ name: 'Matrix Renamed' })],
  [
    'account.changePassword',
    'anyMember',
    // The same password again: allowed for every member, and every later sign-in still works.
    (c) => c.account.changePassword.mutate({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  ],
  ['supervision.openCaseload', 'anySupervisor', (c) => c.supervision.openCaseload.mutate()],
  ['notifications.list', 'anySupervisor', (c) => c.notifications.list.mutate({ limit: 10 })],
  ['notifications.unreadCount', 'anySupervisor', (c) => c.notifications.unreadCount.query()],
  [
    'notifications.markRead',
    'superviseA',
    (c) => c.notifications.markRead.mutate({ notificationId: 'notification-a' }),
  ],
  ['notifications.markAllRead', 'anySupervisor', (c) => c.notifications.markAllRead.mutate()],
  [
    'supervision.openWorker',
    'superviseA',
    (c, x) => c.supervision.openWorker.mutate({ workerId: x.a.workerId }),
  ],
  ['supervision.caseload', 'anySupervisor', (c) => c.supervision.caseload.query()],
  [
    'supervision.assessment',
    'superviseA',
    (c, x) => c.supervision.assessment.query({ workerId: x.a.workerId }),
  ],
  [
    'supervision.history',
    'superviseA',
    (c, x) => c.supervision.history.query({ workerId: x.a.workerId, months: 2 }),
  ],
  ['supervision.sessions', 'superviseA', (c, x) => c.supervision.sessions.query({ workerId: x.a.workerId })],
  [
    'supervision.revealNotes',
    'superviseA',
    (c, x) => c.supervision.revealNotes.mutate({ workerId: x.a.workerId, sessionIds: [x.sessionId] }),
  ],
  [
    'supervision.sessionRevisions',
    'superviseA',
    (c, x) => c.supervision.sessionRevisions.query({ workerId: x.a.workerId, sessionId: x.sessionId }),
  ],
  [
    'supervision.amendSession',
    'superviseA',
    async (c, x) =>
      c.supervision.amendSession.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        sessionId: await x.freshSession(),
        revision: 1,
        reason: 'Matrix amendment',
        heldOn: x.today,
        minutes: 20,
      }),
  ],
  [
    'supervision.voidSession',
    'superviseA',
    async (c, x) =>
      c.supervision.voidSession.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        sessionId: await x.freshSession(),
        revision: 1,
        reason: 'Matrix void',
      }),
  ],
  [
    'supervision.observations',
    'superviseA',
    (c, x) => c.supervision.observations.query({ workerId: x.a.workerId }),
  ],
  [
    'supervision.recordSession',
    'superviseA',
    (c, x) =>
      c.supervision.recordSession.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        heldOn: x.today,
        observations: [{ indicator: 'stress', value: 3 }],
      }),
  ],
  [
    'supervision.recordObservations',
    'superviseA',
    (c, x) =>
      c.supervision.recordObservations.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        observations: [{ indicator: 'exhaustion', value: 2, observedAt: x.today }],
      }),
  ],
  [
    'supervision.answerCard',
    'superviseA',
    (c, x) =>
      c.supervision.answerCard.mutate({
        requestId: randomUUID(),
        workerId: x.a.workerId,
        cardId: 'supervision_focus_team_position',
        decision: 'overridden',
        reason: 'Discussed already at the last team day',
      }),
  ],
  ['supervision.actions', 'superviseA', (c, x) => c.supervision.actions.query({ workerId: x.a.workerId })],
  [
    'supervision.completeAction',
    'superviseA',
    (c, x) => c.supervision.completeAction.mutate({ actionId: x.actionId, outcome: 'done' }),
  ],
  // After completeAction, so A's supervisor reopens what they closed.
  [
    'supervision.reopenAction',
    'superviseA',
    (c, x) => c.supervision.reopenAction.mutate({ actionId: x.actionId }),
  ],
  [
    'supervision.actionHistory',
    'superviseA',
    (c, x) => c.supervision.actionHistory.query({ actionId: x.actionId }),
  ],
  [
    'supervision.scheduleSession',
    'superviseA',
    async (c, x) => {
      await x.clearPlan();
      return c.supervision.scheduleSession.mutate({ workerId: x.a.workerId, plannedOn: x.today });
    },
  ],
  [
    'supervision.changePlannedSession',
    'superviseA',
    async (c, x) =>
      c.supervision.changePlannedSession.mutate({ planId: await x.freshPlan(), plannedOn: x.today }),
  ],
  [
    'supervision.cancelPlannedSession',
    'superviseA',
    async (c, x) => c.supervision.cancelPlannedSession.mutate({ planId: await x.freshPlan() }),
  ],
  [
    'supervision.plannedSession',
    'superviseA',
    (c, x) => c.supervision.plannedSession.query({ workerId: x.a.workerId }),
  ],
  [
    'supervision.sessionAgenda',
    'superviseA',
    (c, x) => c.supervision.sessionAgenda.query({ workerId: x.a.workerId }),
  ],
  [
    'supervision.openSessionSummary',
    'superviseA',
    (c, x) => c.supervision.openSessionSummary.mutate({ sessionId: x.sessionId }),
  ],
  [
    'supervision.sessionSummary',
    'superviseA',
    (c, x) => c.supervision.sessionSummary.query({ workerId: x.a.workerId, sessionId: x.sessionId }),
  ],
  [
    'supervision.actionOwners',
    'superviseA',
    (c, x) => c.supervision.actionOwners.query({ workerId: x.a.workerId }),
  ],
  ['team.overview', 'adminOrSupervisor', (c) => c.team.overview.query()],
  ['team.overview (a unit of A)', 'staffOfA', (c, x) => c.team.overview.query({ unitId: x.a.unitId })],
  [
    'team.acceptCard',
    'teamOfA',
    // Another card each call, so the second who may accept is not refused for the first one's open action.
    (c, x) =>
      c.team.acceptCard.mutate({
        requestId: randomUUID(),
        period: '2026-01',
        unitId: x.a.unitId,
        cardId: acceptableCards[x.n() % acceptableCards.length]!,
        dueOn: x.today,
      }),
  ],
  ['team.actions', 'adminOrSupervisor', (c) => c.team.actions.query({ status: 'all' })],
  [
    'team.completeAction',
    'teamOfA',
    async (c, x) => {
      await x.setTeamAction('open');
      return c.team.completeAction.mutate({ actionId: x.teamActionId, outcome: 'not_needed' });
    },
  ],
  [
    'team.reopenAction',
    'teamOfA',
    async (c, x) => {
      await x.setTeamAction('done');
      return c.team.reopenAction.mutate({ actionId: x.teamActionId });
    },
  ],
  ['team.usefulness', 'anyAdmin', (c) => c.team.usefulness.query()],
  ['team.exportUsefulness', 'anyAdmin', (c) => c.team.exportUsefulness.mutate()],
  ['research.studies', 'anyResearcher', (c) => c.research.studies.query()],
  ['research.cohort', 'researcherOfA', (c, x) => c.research.cohort.query({ studyId: x.a.studyId })],
  [
    'research.coOccurrence',
    'researcherOfA',
    (c, x) => c.research.coOccurrence.query({ studyId: x.a.studyId }),
  ],
  ['research.agreement', 'researcherOfA', (c, x) => c.research.agreement.query({ studyId: x.a.studyId })],
  ['research.notesIndex', 'researcherOfA', (c, x) => c.research.notesIndex.query({ studyId: x.a.studyId })],
  [
    'research.notes',
    'researcherOfA',
    (c, x) => c.research.notes.query({ studyId: x.a.studyId, about: 'project' }),
  ],
  [
    'research.previewUpload',
    'researcherNoneOfTheirs',
    (c) => c.research.previewUpload.mutate({ uploadId: NO_UPLOAD, study: 'Matrix study' }),
  ],
  [
    'research.commitUpload',
    'researcherNoneOfTheirs',
    (c) => c.research.commitUpload.mutate({ uploadId: NO_UPLOAD, study: 'Matrix study' }),
  ],
  [
    'research.discardUpload',
    'researcherNoneOfTheirs',
    (c) => c.research.discardUpload.mutate({ uploadId: NO_UPLOAD }),
  ],
  ['tokens.list', 'anyResearcher', (c) => c.tokens.list.query()],
  ['tokens.create', 'anyResearcher', (c, x) => c.tokens.create.mutate({ name: `matrix ${x.n()}` })],
  ['tokens.revoke', 'researcherNoneOfTheirs', (c) => c.tokens.revoke.mutate({ tokenId: 'no-such-token' })],
  ['admin.updateOrganization', 'anyAdmin', (c) => c.admin.updateOrganization.mutate({ smallCellK: 5 })],
  ['admin.wellbeingContacts', 'anyAdmin', (c) => c.admin.wellbeingContacts.query()],
  [
    'admin.setWellbeingContacts',
    'anyAdmin',
    (c) =>
      c.admin.setWellbeingContacts.mutate({
        contacts: [{ name: 'Synthetic support line', phone: '+420 800 000 000' }],
      }),
  ],
  ['admin.burnoutItems', 'anyAdmin', (c) => c.admin.burnoutItems.query()],
  // Off again at once: the matrix's check-ins send no burnout answers.
  ['admin.setBurnoutItems', 'anyAdmin', (c) => c.admin.setBurnoutItems.mutate({ items: null })],
  ['admin.units', 'anyAdmin', (c) => c.admin.units.query()],
  [
    'admin.createUnit',
    'anyAdmin',
    (c, x) =>
      c.admin.createUnit.mutate({ requestId: randomUUID(), name: `Team ${x.n()}`, setting: 'community' }),
  ],
  [
    'admin.updateUnit',
    'adminOfA',
    (c, x) => c.admin.updateUnit.mutate({ unitId: x.a.unitId, setting: 'inpatient' }),
  ],
  ['admin.unitObservations', 'adminOfA', (c, x) => c.admin.unitObservations.query({ unitId: x.a.unitId })],
  [
    'admin.unitIndicatorValues',
    'adminOfA',
    (c, x) => c.admin.unitIndicatorValues.query({ unitId: x.a.unitId }),
  ],
  [
    'admin.recordUnitObservations',
    'adminOfA',
    (c, x) =>
      c.admin.recordUnitObservations.mutate({
        requestId: randomUUID(),
        unitId: x.a.unitId,
        observations: [{ indicator: 'has_own_workplace', value: false, observedAt: x.today }],
      }),
  ],
  ['admin.workers', 'anyAdmin', (c) => c.admin.workers.query()],
  [
    'admin.createWorker',
    'adminOfA',
    (c, x) =>
      c.admin.createWorker.mutate({
        requestId: randomUUID(),
        displayName: `New peer ${x.n()}`,
        unitId: x.a.unitId,
        startedOn: x.today,
      }),
  ],
  [
    'admin.updateWorker',
    'adminOfA',
    (c, x) => c.admin.updateWorker.mutate({ workerId: x.a.workerId, displayName: 'Peer A renamed' }),
  ],
  [
    'admin.assignSupervisor',
    'adminOfA',
    (c, x) =>
      c.admin.assignSupervisor.mutate({
        requestId: randomUUID(),
        workerId: x.a.spareWorkerId,
        supervisorUserId: x.a.users.supervisor.id,
      }),
  ],
  [
    'admin.unassignSupervisor',
    'adminOfA',
    (c, x) =>
      c.admin.unassignSupervisor.mutate({
        workerId: x.a.spareWorkerId,
        supervisorUserId: x.a.users.supervisor.id,
      }),
  ],
  ['admin.users', 'anyAdmin', (c) => c.admin.users.query()],
  [
    'admin.createUser',
    'anyAdmin',
    (c, x) =>
      c.admin.createUser.mutate({
        requestId: randomUUID(),
        name: 'New Person',
        email: `new${x.n()}@example.test`,
        password: PASSWORD,
        roles: ['researcher'],
      }),
  ],
  [
    'admin.setUserRoles',
    'adminOfA',
    (c, x) => c.admin.setUserRoles.mutate({ userId: x.a.users.researcher.id, roles: ['researcher'] }),
  ],
  [
    'admin.invitePeerWorker',
    'adminOfA',
    (c, x) =>
      c.admin.invitePeerWorker.mutate({
        workerId: x.a.spareWorkerId,
        name: 'Invited Peer',
        email: `peer${x.n()}@a.example.test`,
      }),
  ],
  ['ownRecord.open', 'ownRecord', (c) => c.ownRecord.open.mutate()],
  ['ownRecord.download', 'ownRecord', (c) => c.ownRecord.download.mutate()],
  ['ownRecord.printable', 'ownRecord', (c) => c.ownRecord.printable.mutate()],
  ['ownRecord.session', 'ownOfA', (c) => c.ownRecord.session.mutate({ sessionId: 'session-a' })],
  [
    'ownRecord.comment',
    'ownOfA',
    (c) => c.ownRecord.comment.mutate({ sessionId: 'session-a', body: 'A synthetic comment' }),
  ],
  [
    'ownRecord.completeAction',
    'ownOfA',
    (c, x) => c.ownRecord.completeAction.mutate({ actionId: x.ownActionId, outcome: 'done' }),
  ],
  // After completeAction, so A's PSW reopens what they closed.
  [
    'ownRecord.reopenAction',
    'ownOfA',
    (c, x) => c.ownRecord.reopenAction.mutate({ actionId: x.ownActionId }),
  ],
  [
    'ownRecord.submitCheckIn',
    'ownRecord',
    (c) =>
      c.ownRecord.submitCheckIn.mutate({
        requestId: randomUUID(),
        answers: [
          { indicator: 'cooperates_in_team', value: 4, share: true },
          { indicator: 'stress', value: 2, share: false },
        ],
      }),
  ],
  ['ownRecord.checkIns', 'ownRecord', (c) => c.ownRecord.checkIns.mutate({ limit: 5 })],
  ['ownRecord.checkInForm', 'ownRecord', (c) => c.ownRecord.checkInForm.query()],
  [
    'supervision.confirmUnitCondition',
    'superviseA',
    (c, x) =>
      c.supervision.confirmUnitCondition.mutate({
        requestId: randomUUID(),
        observationId: x.unitConditionReportId,
      }),
  ],
  ['admin.auditLog', 'anyAdmin', (c) => c.admin.auditLog.query({ limit: 10 })],
  ['admin.recordReads', 'adminOfA', (c, x) => c.admin.recordReads.query({ workerId: x.a.workerId })],
];

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await call();
    return 'ok';
  } catch (error) {
    if (error instanceof TRPCClientError)
      return String((error.data as { code?: string } | undefined)?.code ?? error.message);
    throw error;
  }
}

describe.each(testDialects())('authorisation matrix on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  const clients = {} as Record<ActorName, TestClient>;
  let ctx: Ctx;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const { a, b, today } = await seedTwoOrganizations(api.handle);
    const orgs = { A: a, B: b };
    for (const actor of actors) {
      const jar = new CookieJar();
      if (actor === 'A.researcherToken' || actor === 'A.revokedToken') continue;
      if (actor !== 'signedOut') {
        const [org, role] = actor.split('.') as ['A' | 'B', keyof OrgFixture['users']];
        const response = await signIn(api.baseUrl, jar, orgs[org].users[role].email, PASSWORD);
        expect(response.status).toBe(200);
      }
      clients[actor] = trpcClient(api.baseUrl, jar);
    }
    const supervisorJar = new CookieJar();
    await signIn(api.baseUrl, supervisorJar, a.users.supervisor.email, PASSWORD);
    const token = await researchToken(api.handle.db, a.users.researcher.id, a.organizationId);
    clients['A.researcherToken'] = tokenTrpcClient(api.baseUrl, token, supervisorJar);
    const revoked = await createApiTokenAsOperator(
      api.handle.db,
      { userId: a.users.researcher.id, organizationId: a.organizationId, roles: ['researcher'] },
      { name: 'revoked' },
    );
    await revokeApiToken(
      api.handle.db,
      { userId: a.users.researcher.id, organizationId: a.organizationId, roles: ['researcher'] },
      { tokenId: revoked.id },
    );
    clients['A.revokedToken'] = tokenTrpcClient(api.baseUrl, revoked.token);
    // Reads of a caseload or a PSW's record are answered while it is open (ADR 0009): every supervisor
    // opens their caseload and A's PSW (which only A.supervisor may), so the matrix sees the rules alone.
    for (const actor of actors) {
      if (!actor.includes('upervisor')) continue;
      await clients[actor].supervision.openCaseload.mutate();
      await clients[actor].supervision.openWorker.mutate({ workerId: a.workerId }).catch(() => undefined);
    }
    const answered = await answerCard(
      api.handle.db,
      { userId: a.users.supervisor.id, organizationId: a.organizationId, roles: ['supervisor'] },
      { workerId: a.workerId, cardId: 'supervision_focus_team_position', decision: 'accepted', dueOn: today },
    );
    const supervisorA = {
      userId: a.users.supervisor.id,
      organizationId: a.organizationId,
      roles: ['supervisor'] as const,
    };
    const { sessionId } = await recordSession(api.handle.db, supervisorA, {
      workerId: a.workerId,
      heldOn: today,
      privateNotes: 'Synthetic note for the matrix',
      observations: [{ indicator: 'stress', value: 2 }],
    });
    // Actions from the card addressed to the peer worker, for A's PSW (who has an account), A's spare
    // PSW and B's PSW; answering needs the card to fire, so the rows are written as answering writes them.
    for (const [id, org, workerId] of [
      ['action-a-own', a, a.workerId],
      ['action-a-spare', a, a.spareWorkerId],
      ['action-b-own', b, b.workerId],
    ] as const) {
      await api.handle.db
        .insertInto('action_item')
        .values({
          id,
          organization_id: org.organizationId,
          peer_worker_id: workerId,
          card_response_id: null,
          card_id: 'boundary_strategies',
          title: null,
          owner_user_id: org.users.supervisor.id,
          owner_unit_id: null,
          due_on: today,
          outcome: null,
          outcome_note: null,
          completed_at: null,
          completed_by: null,
          created_at: new Date().toISOString(),
        })
        .execute();
    }
    // A's PSW's shared check-in answer about their desk: only their supervisor may confirm it for the unit.
    const peerA = {
      userId: a.users.peerWorker.id,
      organizationId: a.organizationId,
      roles: ['peer_worker'] as const,
    };
    const deskCheckIn = await submitCheckIn(api.handle.db, peerA, {
      answers: [{ indicator: 'has_own_workplace', value: false, share: true }],
    });
    const deskReport = await api.handle.db
      .selectFrom('observation')
      .select('id')
      .where('source_ref', '=', deskCheckIn.checkInId)
      .executeTakeFirstOrThrow();
    // A notification about A's PSW: only A's supervisor of that PSW may mark it (ADR 0037).
    await api.handle.db
      .insertInto('notification')
      .values({
        id: 'notification-a',
        organization_id: a.organizationId,
        kind: 'supervision_due',
        peer_worker_id: a.workerId,
        action_item_id: null,
        conflict_id: null,
        since_on: today,
        resolved_on: null,
        condition_key: `matrix:${a.workerId}`,
        created_at: new Date().toISOString(),
      })
      .execute();
    // A published month of A's team view, and one team action for A's unit.
    await api.handle.db
      .insertInto('aggregate_snapshot')
      .values({
        organization_id: a.organizationId,
        period: '2026-01',
        k: 5,
        published_at: new Date().toISOString(),
        payload: '{}',
      })
      .execute();
    const adminA = { userId: a.users.admin.id, organizationId: a.organizationId, roles: ['admin'] as const };
    const { teamActionId } = await acceptTeamCard(api.handle.db, adminA, {
      period: '2026-01',
      unitId: a.unitId,
      cardId: 'destigmatization',
      dueOn: today,
    });
    const setTeamAction = async (status: 'open' | 'done') => {
      const now = await api.handle.db
        .selectFrom('team_action')
        .select('status')
        .where('id', '=', teamActionId)
        .executeTakeFirstOrThrow();
      if (now.status === status) return;
      if (status === 'done')
        await completeTeamAction(api.handle.db, adminA, { actionId: teamActionId, outcome: 'done' });
      else await reopenTeamAction(api.handle.db, adminA, { actionId: teamActionId });
    };
    let counter = 0;
    const freshSession = async () =>
      (await recordSession(api.handle.db, supervisorA, { workerId: a.workerId, heldOn: today, minutes: 30 }))
        .sessionId;
    const clearPlan = async () => {
      const open = await getPlannedSession(api.handle.db, supervisorA, { workerId: a.workerId });
      if (open) await cancelPlannedSession(api.handle.db, supervisorA, { planId: open.id });
    };
    const freshPlan = async () => {
      await clearPlan();
      return (await scheduleSession(api.handle.db, supervisorA, { workerId: a.workerId, plannedOn: today }))
        .id;
    };
    ctx = {
      a,
      b,
      today,
      clearPlan,
      freshPlan,
      teamActionId,
      setTeamAction,
      actionId: answered.actionItemId ?? '',
      ownActionId: 'action-a-own',
      sessionId,
      unitConditionReportId: deskReport.id,
      freshSession,
      n: () => ++counter,
    };
  });
  afterAll(async () => {
    await api.close();
  });

  it('covers every procedure of the router', () => {
    const covered = new Set(cases.map(([procedure]) => procedure.split(' ')[0]));
    const missing = Object.keys(appRouter._def.procedures).filter((name) => !covered.has(name));
    expect(missing).toEqual([]);
  });

  // One case calls its procedure as every actor in turn; password procedures hash with scrypt for each, so
  // the guard against a hang is wider than vitest's default on a loaded machine (not a timing).
  it.each(cases)(
    '%s: %s',
    async (procedure, rule, call) => {
      const actual: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const actor of actors) {
        actual[actor] = await outcomeOf(() => call(clients[actor], ctx));
        expected[actor] = rules[rule]!(asPerson(actor, procedure));
      }
      expect(actual).toEqual(expected);
    },
    120_000,
  );

  it('answers "not found" the same for another organisation\'s PSW and for a PSW that does not exist', async () => {
    const messageFor = async (workerId: string) => {
      try {
        await clients['B.supervisor'].supervision.assessment.query({ workerId });
        return 'ok';
      } catch (error) {
        return `${((error as TRPCClientError<AppRouter>).data as { code?: string } | undefined)?.code} ${(error as Error).message}`;
      }
    };
    expect(await messageFor(ctx.a.workerId)).toBe(await messageFor('no-such-worker'));
  });

  it("answers a PSW's probe of another PSW's session, in or out of their organisation, as for none, and audits it", async () => {
    // A's second PSW (no account of their own) has a session too: A's peer worker must not reach it.
    await api.handle.db
      .insertInto('supervision_session')
      .values({
        id: 'session-a-spare',
        organization_id: ctx.a.organizationId,
        peer_worker_id: ctx.a.spareWorkerId,
        supervisor_user_id: ctx.a.users.supervisor.id,
        held_on: ctx.today,
        kind: 'individual',
        minutes: 30,
        private_notes: null,
        shared_summary: 'Not for A.peerWorker',
        created_at: new Date().toISOString(),
      })
      .execute();
    const answer = async (sessionId: string) => {
      try {
        return JSON.stringify(await clients['A.peerWorker'].ownRecord.session.mutate({ sessionId }));
      } catch (error) {
        return `${((error as TRPCClientError<AppRouter>).data as { code?: string } | undefined)?.code} ${(error as Error).message}`;
      }
    };
    const none = await answer('no-such-session');
    expect(none).toMatch(/^NOT_FOUND/);
    expect(await answer('session-a-spare')).toBe(none);
    expect(await answer('session-b')).toBe(none);
    // Supervisor procedures with the PSW's own or another PSW's ids: refused as for any non-supervisor.
    for (const workerId of [ctx.a.workerId, ctx.a.spareWorkerId, ctx.b.workerId]) {
      await expect(clients['A.peerWorker'].supervision.openWorker.mutate({ workerId })).rejects.toMatchObject(
        {
          data: { code: 'FORBIDDEN' },
        },
      );
    }
    const record = await clients['A.peerWorker'].ownRecord.open.mutate();
    expect(JSON.stringify(record)).not.toContain('Not for A.peerWorker');
    expect(JSON.stringify(record)).not.toContain('Synthetic note');
    const refused = await api.handle.db
      .selectFrom('audit_event')
      .select(['entity_id', 'details'])
      .where('action', '=', 'access.refused')
      .where('actor_user_id', '=', ctx.a.users.peerWorker.id)
      .where('entity_type', '=', 'supervision_session')
      .execute();
    expect(refused.map((r) => r.entity_id).sort()).toEqual(
      expect.arrayContaining(['no-such-session', 'session-a-spare', 'session-b']),
    );
  });

  it("audits each refused confirmation of a PSW's unit condition; only their supervisor's is stored", async () => {
    const refused = await api.handle.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'entity_id', 'details'])
      .where('action', '=', 'access.refused')
      .where('entity_type', '=', 'observation')
      .execute();
    expect(refused.map((r) => r.actor_user_id)).toEqual(
      expect.arrayContaining([
        ctx.a.users.otherSupervisor.id,
        ctx.b.users.supervisor.id,
        ctx.a.users.admin.id,
      ]),
    );
    for (const r of refused) {
      expect(r.entity_id).toBe(ctx.unitConditionReportId);
      expect(JSON.parse(String(r.details))).toMatchObject({
        procedure: 'supervision.confirmUnitCondition',
        field: 'observationId',
      });
    }
    const confirmations = await api.handle.db
      .selectFrom('observation')
      .select(['unit_id', 'recorded_by'])
      .where('source_ref', '=', ctx.unitConditionReportId)
      .execute();
    expect(confirmations).toEqual([{ unit_id: ctx.a.unitId, recorded_by: ctx.a.users.supervisor.id }]);
  });

  it("answers a PSW's attempt to close an action not theirs to close as for none, audits it and changes nothing", async () => {
    const answer = async (actionId: string) => {
      try {
        return JSON.stringify(
          await clients['A.peerWorker'].ownRecord.completeAction.mutate({ actionId, outcome: 'done' }),
        );
      } catch (error) {
        return `${((error as TRPCClientError<AppRouter>).data as { code?: string } | undefined)?.code} ${(error as Error).message}`;
      }
    };
    const actions = () => api.handle.db.selectFrom('action_item').selectAll().orderBy('id').execute();
    const before = await actions();
    const none = await answer('no-such-action');
    expect(none).toMatch(/^NOT_FOUND/);
    // Another PSW's (in and out of their organisation) and their own action addressed to the supervisor.
    for (const actionId of ['action-a-spare', 'action-b-own', ctx.actionId])
      expect(await answer(actionId)).toBe(none);
    await expect(
      clients['A.peerWorker'].ownRecord.reopenAction.mutate({ actionId: 'action-b-own' }),
    ).rejects.toMatchObject({ data: { code: 'NOT_FOUND' } });
    // The supervisor's procedure stays the supervisor's, even for the PSW's own action.
    await expect(
      clients['A.peerWorker'].supervision.completeAction.mutate({
        actionId: 'action-a-own',
        outcome: 'done',
      }),
    ).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    expect(await actions()).toEqual(before);
    const refused = await api.handle.db
      .selectFrom('audit_event')
      .select(['entity_id', 'details'])
      .where('action', '=', 'access.refused')
      .where('actor_user_id', '=', ctx.a.users.peerWorker.id)
      .where('entity_type', '=', 'action_item')
      .execute();
    expect(refused.map((r) => r.entity_id)).toEqual(
      expect.arrayContaining(['no-such-action', 'action-a-spare', 'action-b-own', ctx.actionId]),
    );
    expect(refused.map((r) => (JSON.parse(r.details) as { procedure?: string }).procedure)).toEqual(
      expect.arrayContaining(['ownRecord.completeAction', 'ownRecord.reopenAction']),
    );
  });

  it("never lists another organisation's records", async () => {
    const bWorkers = await clients['B.admin'].admin.workers.query();
    expect(bWorkers.map((w) => w.id)).not.toContain(ctx.a.workerId);
    const bUsers = (await clients['B.admin'].admin.users.query()).items;
    expect(bUsers.every((u) => u.email.endsWith('@b.example.test') || u.email.startsWith('new'))).toBe(true);
    // B's whole audit log, page by page (the matrix leaves more events than one page holds).
    const bAudit: Awaited<ReturnType<(typeof clients)['B.admin']['admin']['auditLog']['query']>>['items'] =
      [];
    let cursor: string | undefined;
    do {
      const page = await clients['B.admin'].admin.auditLog.query({ limit: 200, cursor });
      for (const event of page.items) bAudit.push(event);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    // B's own refused probes name the id they asked for, and read exactly like a probe of no record at all.
    expect(bAudit.every((e) => e.entityId !== ctx.a.workerId || e.action === 'access.refused')).toBe(true);
    const probe = (id: string) =>
      bAudit.find(
        (e) =>
          e.action === 'access.refused' &&
          e.entityId === id &&
          (e.details as { procedure?: string }).procedure === 'supervision.assessment' &&
          e.actorUserId === ctx.b.users.supervisor.id,
      )?.details;
    expect(probe(ctx.a.workerId)).toEqual({
      procedure: 'supervision.assessment',
      outcome: 'NOT_FOUND',
      field: 'workerId',
    });
    expect(probe('no-such-worker')).toEqual(probe(ctx.a.workerId));
    const caseload = await clients['B.supervisor'].supervision.caseload.query();
    expect(caseload.workers.map((w) => w.workerId)).toEqual(['worker-b']);
  });
});
