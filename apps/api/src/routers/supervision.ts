/** The supervisor's area: caseload, one PSW's assessment and history, sessions, observations, card answers, actions. */
import {
  amendSession,
  amendSessionInput,
  answerCard,
  answerCardInput,
  cancelPlannedSession,
  cancelPlannedSessionInput,
  changePlannedSession,
  changePlannedSessionInput,
  completeAction,
  completeActionInput,
  confirmUnitCondition,
  confirmUnitConditionInput,
  getPlannedSession,
  getPlannedSessionInput,
  getWorkerAssessment,
  getWorkerAssessmentInput,
  getWorkerHistory,
  getWorkerHistoryInput,
  listActionHistory,
  listActionHistoryInput,
  listActionOwners,
  listActionOwnersInput,
  listActions,
  listActionsInput,
  listCaseload,
  listCaseloadInput,
  listSessionRevisions,
  listSessionRevisionsInput,
  listSessions,
  listSessionsInput,
  listWorkerObservations,
  listWorkerObservationsInput,
  openCaseload,
  openSessionSummary,
  openSessionSummaryInput,
  openWorkerRecord,
  openWorkerRecordInput,
  recordObservations,
  recordObservationsInput,
  recordSession,
  recordSessionInput,
  reopenAction,
  reopenActionInput,
  requestIdInput,
  revealNotes,
  revealNotesInput,
  scheduleSession,
  scheduleSessionInput,
  sessionAgenda,
  sessionAgendaInput,
  sessionSummary,
  sessionSummaryInput,
  voidSession,
  voidSessionInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { caseloadProcedure, supervisorProcedure, workerRecordProcedure } from '../trpc/init';

export const supervisionRouter = {
  /**
   * Opening a page is the audited read (ADR 0009): one event per page view, by POST; the queries behind
   * the page write nothing and are answered only while it is open.
   */
  openCaseload: supervisorProcedure.mutation(({ ctx }) => openCaseload(ctx.db, ctx.actor)),
  openWorker: supervisorProcedure
    .input(openWorkerRecordInput)
    .mutation(({ ctx, input }) => openWorkerRecord(ctx.db, ctx.actor, input)),
  caseload: caseloadProcedure
    .input(listCaseloadInput)
    .query(({ ctx, input }) => listCaseload(ctx.db, ctx.actor, input)),
  assessment: workerRecordProcedure
    .input(getWorkerAssessmentInput)
    .query(({ ctx, input }) => getWorkerAssessment(ctx.db, ctx.actor, input)),
  history: workerRecordProcedure
    .input(getWorkerHistoryInput)
    .query(({ ctx, input }) => getWorkerHistory(ctx.db, ctx.actor, input)),
  /** Sessions without their note text: a read that writes nothing. */
  sessions: workerRecordProcedure
    .input(listSessionsInput)
    .query(({ ctx, input }) => listSessions(ctx.db, ctx.actor, input)),
  /** A session's amendments and voids with who, when, why and the replaced content, without note text. */
  sessionRevisions: workerRecordProcedure
    .input(listSessionRevisionsInput)
    .query(({ ctx, input }) => listSessionRevisions(ctx.db, ctx.actor, input)),
  /** "Reveal notes": a POST that returns the notes of the sessions named and audits exactly that read. */
  revealNotes: supervisorProcedure
    .input(revealNotesInput)
    .mutation(({ ctx, input }) => revealNotes(ctx.db, ctx.actor, input)),
  /** The observations behind the assessment (both windows), with dates and sources, newest first. */
  observations: workerRecordProcedure
    .input(listWorkerObservationsInput)
    .query(({ ctx, input }) => listWorkerObservations(ctx.db, ctx.actor, input)),
  /** Creates take a client-generated `requestId`: a retry with it returns the first answer and writes nothing. */
  recordSession: supervisorProcedure
    .input(requestIdInput)
    .input(recordSessionInput)
    .mutation(({ ctx, input }) => recordSession(ctx.db, ctx.actor, input)),
  /**
   * Amend and void (ADR 0010) take a `requestId` like the creates, the revision the client edited (a
   * stale one is CONFLICT naming what changed) and a reason.
   */
  amendSession: supervisorProcedure
    .input(requestIdInput)
    .input(amendSessionInput)
    .mutation(({ ctx, input }) => amendSession(ctx.db, ctx.actor, input)),
  voidSession: supervisorProcedure
    .input(requestIdInput)
    .input(voidSessionInput)
    .mutation(({ ctx, input }) => voidSession(ctx.db, ctx.actor, input)),
  recordObservations: supervisorProcedure
    .input(requestIdInput)
    .input(recordObservationsInput)
    .mutation(({ ctx, input }) => recordObservations(ctx.db, ctx.actor, input)),
  answerCard: supervisorProcedure
    .input(requestIdInput)
    .input(answerCardInput)
    .mutation(({ ctx, input }) => answerCard(ctx.db, ctx.actor, input)),
  actions: supervisorProcedure
    .input(listActionsInput)
    .query(({ ctx, input }) => listActions(ctx.db, ctx.actor, input)),
  /** Closes an action with its outcome (done, not needed, did not help) and an optional note. */
  completeAction: supervisorProcedure
    .input(completeActionInput)
    .mutation(({ ctx, input }) => completeAction(ctx.db, ctx.actor, input)),
  reopenAction: supervisorProcedure
    .input(reopenActionInput)
    .mutation(({ ctx, input }) => reopenAction(ctx.db, ctx.actor, input)),
  actionHistory: supervisorProcedure
    .input(listActionHistoryInput)
    .query(({ ctx, input }) => listActionHistory(ctx.db, ctx.actor, input)),
  /** Whom a card of this PSW can be handed to: the organisation's supervisors, or the PSW's team. */
  actionOwners: workerRecordProcedure
    .input(listActionOwnersInput)
    .query(({ ctx, input }) => listActionOwners(ctx.db, ctx.actor, input)),
  /** The next supervision, planned (ADR 0036): schedule, change, cancel; the open plan of a PSW. */
  scheduleSession: supervisorProcedure
    .input(scheduleSessionInput)
    .mutation(({ ctx, input }) => scheduleSession(ctx.db, ctx.actor, input)),
  changePlannedSession: supervisorProcedure
    .input(changePlannedSessionInput)
    .mutation(({ ctx, input }) => changePlannedSession(ctx.db, ctx.actor, input)),
  cancelPlannedSession: supervisorProcedure
    .input(cancelPlannedSessionInput)
    .mutation(({ ctx, input }) => cancelPlannedSession(ctx.db, ctx.actor, input)),
  plannedSession: workerRecordProcedure
    .input(getPlannedSessionInput)
    .query(({ ctx, input }) => getPlannedSession(ctx.db, ctx.actor, input)),
  /** The next session's agenda: a read behind the opened record, like the assessment. */
  sessionAgenda: workerRecordProcedure
    .input(sessionAgendaInput)
    .query(({ ctx, input }) => sessionAgenda(ctx.db, ctx.actor, input)),
  /**
   * Confirms for the PSW's unit what they shared about a unit condition in their check-in (ADR 0041):
   * their own supervisor only; records a unit observation through the unit-observation service.
   */
  confirmUnitCondition: supervisorProcedure
    .input(requestIdInput)
    .input(confirmUnitConditionInput)
    .mutation(({ ctx, input }) => confirmUnitCondition(ctx.db, ctx.actor, input)),
  /** Opening a session's summary by its id is the audited view of its PSW's record (ADR 0009). */
  openSessionSummary: supervisorProcedure
    .input(openSessionSummaryInput)
    .mutation(({ ctx, input }) => openSessionSummary(ctx.db, ctx.actor, input)),
  sessionSummary: workerRecordProcedure
    .input(sessionSummaryInput)
    .query(({ ctx, input }) => sessionSummary(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
