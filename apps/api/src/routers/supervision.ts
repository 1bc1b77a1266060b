/** The supervisor's area: caseload, one PSW's assessment and history, sessions, observations, card answers, actions. */
import {
  answerCard,
  answerCardInput,
  completeAction,
  completeActionInput,
  getWorkerAssessment,
  getWorkerAssessmentInput,
  getWorkerHistory,
  getWorkerHistoryInput,
  listActions,
  listActionsInput,
  listCaseload,
  listCaseloadInput,
  listSessions,
  listSessionsInput,
  listWorkerObservations,
  listWorkerObservationsInput,
  recordObservations,
  recordObservationsInput,
  recordSession,
  recordSessionInput,
  requestIdInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { supervisorProcedure } from '../trpc/init';

export const supervisionRouter = {
  caseload: supervisorProcedure
    .input(listCaseloadInput)
    .query(({ ctx, input }) => listCaseload(ctx.db, ctx.actor, input, { cache: ctx.caseloadCache })),
  assessment: supervisorProcedure
    .input(getWorkerAssessmentInput)
    .query(({ ctx, input }) => getWorkerAssessment(ctx.db, ctx.actor, input)),
  history: supervisorProcedure
    .input(getWorkerHistoryInput)
    .query(({ ctx, input }) => getWorkerHistory(ctx.db, ctx.actor, input)),
  /** Reading session notes is audited, so this is a mutation-free query that still writes an audit event. */
  sessions: supervisorProcedure
    .input(listSessionsInput)
    .query(({ ctx, input }) => listSessions(ctx.db, ctx.actor, input)),
  /** The observations behind the assessment (both windows), with dates and sources, newest first. */
  observations: supervisorProcedure
    .input(listWorkerObservationsInput)
    .query(({ ctx, input }) => listWorkerObservations(ctx.db, ctx.actor, input)),
  /** Creates take a client-generated `requestId`: a retry with it returns the first answer and writes nothing. */
  recordSession: supervisorProcedure
    .input(requestIdInput)
    .input(recordSessionInput)
    .mutation(({ ctx, input }) => recordSession(ctx.db, ctx.actor, input)),
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
  completeAction: supervisorProcedure
    .input(completeActionInput)
    .mutation(({ ctx, input }) => completeAction(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
