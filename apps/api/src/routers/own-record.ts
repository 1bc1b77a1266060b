/**
 * The peer worker's own record (ADR 0031): thin over services. Every read writes one audit event, so
 * each is a POST (a GET never writes, ADR 0009); none takes an id of a PSW, only of their own session or
 * action.
 */
import {
  type ActionItem,
  commentOnOwnSession,
  commentOnOwnSessionInput,
  completeAction,
  completeActionInput,
  exportOwnRecord,
  getCheckInForm,
  getOwnSession,
  getOwnSessionInput,
  listOwnCheckIns,
  listOwnCheckInsInput,
  openOwnRecord,
  printOwnRecord,
  reopenAction,
  reopenActionInput,
  requestIdInput,
  submitCheckIn,
  submitCheckInInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { peerWorkerProcedure } from '../trpc/init';

/** What the PSW gets back from closing or reopening: the state, not the owner's account details. */
const ownActionState = (a: ActionItem) => ({ id: a.id, status: a.status, outcome: a.outcome });

export const ownRecordRouter = {
  /** Their sessions (shared summary only), actions and picture; one `own_record.view` event. */
  open: peerWorkerProcedure.mutation(({ ctx }) => openOwnRecord(ctx.db, ctx.actor)),
  /** The same with every check-in, as one JSON document to save; one `own_record.export` event. */
  download: peerWorkerProcedure.mutation(({ ctx }) => exportOwnRecord(ctx.db, ctx.actor)),
  /** The same document for the printable page (check-ins included); one `own_record.print` event. */
  printable: peerWorkerProcedure.mutation(({ ctx }) => printOwnRecord(ctx.db, ctx.actor)),
  /** One of their own sessions; any other id is NOT_FOUND. */
  session: peerWorkerProcedure
    .input(getOwnSessionInput)
    .mutation(({ ctx, input }) => getOwnSession(ctx.db, ctx.actor, input)),
  /** A comment on the summary of one of their own sessions; their supervisors read it with the session. */
  comment: peerWorkerProcedure
    .input(commentOnOwnSessionInput)
    .mutation(({ ctx, input }) => commentOnOwnSession(ctx.db, ctx.actor, input)),
  /**
   * Marks one of their own actions addressed to the peer worker done, with the supervisor's outcome
   * choices and note: the same `completeAction` (ADR 0030). Any other action id is NOT_FOUND.
   */
  completeAction: peerWorkerProcedure
    .input(completeActionInput)
    .mutation(async ({ ctx, input }) => ownActionState(await completeAction(ctx.db, ctx.actor, input))),
  /** Reopens such an action they closed too early: the same `reopenAction`. */
  reopenAction: peerWorkerProcedure
    .input(reopenActionInput)
    .mutation(async ({ ctx, input }) => ownActionState(await reopenAction(ctx.db, ctx.actor, input))),
  /**
   * A check-in before supervision (ADR 0039): shared answers become `self_report` observations of their
   * own record, kept ones are stored for them alone. Takes a client-generated `requestId`, so a retry
   * stores nothing twice.
   */
  /** What the check-in asks beyond the catalog: the organisation's burnout items, if enabled (ADR 0041). */
  checkInForm: peerWorkerProcedure.query(({ ctx }) => getCheckInForm(ctx.db, ctx.actor)),
  submitCheckIn: peerWorkerProcedure
    .input(requestIdInput)
    .input(submitCheckInInput)
    .mutation(({ ctx, input }) => submitCheckIn(ctx.db, ctx.actor, input)),
  /** One page of their own check-ins with every answer, shared or kept; one `own_check_ins.view` event. */
  checkIns: peerWorkerProcedure
    .input(listOwnCheckInsInput)
    .mutation(({ ctx, input }) => listOwnCheckIns(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
