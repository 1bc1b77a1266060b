/** The team and organisation view: merged cards and prevalence with small cells suppressed (admins: organisation; supervisors: their PSWs). */
import { teamOverview, teamOverviewInput } from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { protectedProcedure } from '../trpc/init';

export const teamRouter = {
  /** Admin or supervisor; the service refuses other roles with FORBIDDEN. */
  overview: protectedProcedure
    .input(teamOverviewInput)
    .query(({ ctx, input }) => teamOverview(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
