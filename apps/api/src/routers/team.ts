/**
 * The team and organisation view: merged cards and prevalence with small cells suppressed (admins:
 * organisation; supervisors: their PSWs); team actions from its cards and the per-card usefulness
 * measure (ADR 0042). The services refuse other roles with FORBIDDEN, and what is not theirs with NOT_FOUND.
 */
import {
  acceptTeamCard,
  acceptTeamCardInput,
  cardUsefulness,
  completeActionInput,
  completeTeamAction,
  exportCardUsefulness,
  listTeamActions,
  listTeamActionsInput,
  reopenActionInput,
  reopenTeamAction,
  teamOverview,
  teamOverviewInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { protectedProcedure } from '../trpc/init';

export const teamRouter = {
  /** Admin or supervisor. */
  overview: protectedProcedure
    .input(teamOverviewInput)
    .query(({ ctx, input }) => teamOverview(ctx.db, ctx.actor, input)),
  /** A card of the team view becomes the team's action: admins for any unit or the organisation, supervisors for their units. */
  acceptCard: protectedProcedure
    .input(acceptTeamCardInput)
    .mutation(({ ctx, input }) => acceptTeamCard(ctx.db, ctx.actor, input)),
  actions: protectedProcedure
    .input(listTeamActionsInput)
    .query(({ ctx, input }) => listTeamActions(ctx.db, ctx.actor, input)),
  completeAction: protectedProcedure
    .input(completeActionInput)
    .mutation(({ ctx, input }) => completeTeamAction(ctx.db, ctx.actor, input)),
  reopenAction: protectedProcedure
    .input(reopenActionInput)
    .mutation(({ ctx, input }) => reopenTeamAction(ctx.db, ctx.actor, input)),
  /** "Was this recommendation useful": admins only, small cells hidden. */
  usefulness: protectedProcedure.query(({ ctx }) => cardUsefulness(ctx.db, ctx.actor)),
  /** The same table as CSV for research; a POST because it is audited. */
  exportUsefulness: protectedProcedure.mutation(({ ctx }) => exportCardUsefulness(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;
