/** The signed-in user's own account: who am I, in which organisation, with which roles. */
import { getMe } from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { protectedProcedure, publicProcedure } from '../trpc/init';

export const accountRouter = {
  /** Anyone: whether a session is present (the portal's sign-in gate). */
  session: publicProcedure.query(({ ctx }) => ({ signedIn: ctx.actor !== null })),
  /** Any member: profile, organisation settings and roles. */
  me: protectedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;
