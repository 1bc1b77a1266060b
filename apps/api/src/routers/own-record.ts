/**
 * The peer worker's own record (ADR 0031): thin over services. Every read writes one audit event, so
 * each is a POST (a GET never writes, ADR 0009); none takes an id of a PSW, only of their own session.
 */
import {
  commentOnOwnSession,
  commentOnOwnSessionInput,
  exportOwnRecord,
  getOwnSession,
  getOwnSessionInput,
  openOwnRecord,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { peerWorkerProcedure } from '../trpc/init';

export const ownRecordRouter = {
  /** Their sessions (shared summary only), actions and picture; one `own_record.view` event. */
  open: peerWorkerProcedure.mutation(({ ctx }) => openOwnRecord(ctx.db, ctx.actor)),
  /** The same as one JSON document to save; one `own_record.export` event. */
  download: peerWorkerProcedure.mutation(({ ctx }) => exportOwnRecord(ctx.db, ctx.actor)),
  /** One of their own sessions; any other id is NOT_FOUND. */
  session: peerWorkerProcedure
    .input(getOwnSessionInput)
    .mutation(({ ctx, input }) => getOwnSession(ctx.db, ctx.actor, input)),
  /** A comment on the summary of one of their own sessions; their supervisors read it with the session. */
  comment: peerWorkerProcedure
    .input(commentOnOwnSessionInput)
    .mutation(({ ctx, input }) => commentOnOwnSession(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
