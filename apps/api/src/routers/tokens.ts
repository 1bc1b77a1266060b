/**
 * A researcher's API tokens on their account page (ADR 0021): create (the token is in this one answer),
 * list, revoke. Reached with a session only: a call made with a token is outside its research scope and
 * answers as signed out, so a token never mints or revokes tokens.
 */
import {
  createApiToken,
  createApiTokenInput,
  listApiTokens,
  revokeApiToken,
  revokeApiTokenInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { researcherProcedure } from '../trpc/init';

export const tokensRouter = {
  list: researcherProcedure.query(({ ctx }) => listApiTokens(ctx.db, ctx.actor)),
  create: researcherProcedure
    .input(createApiTokenInput)
    .mutation(({ ctx, input }) => createApiToken(ctx.db, ctx.actor, input)),
  revoke: researcherProcedure
    .input(revokeApiTokenInput)
    .mutation(({ ctx, input }) => revokeApiToken(ctx.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
