/** The signed-in user's own account: who am I, my invitations, my name and password. Thin over services. */
import {
  acceptInvitation,
  changePassword,
  changePasswordInput,
  declineInvitation,
  getMe,
  invitationAnswerInput,
  listMyInvitations,
  redeemInvitationCode,
  redeemInvitationCodeInput,
  updateProfile,
  updateProfileInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { protectedProcedure, publicProcedure } from '../trpc/init';

export const accountRouter = {
  /** Anyone: whether a session is present (the portal's sign-in gate). */
  session: publicProcedure.query(({ ctx }) => ({ signedIn: ctx.actor !== null })),
  /** Any member: profile, organisation settings, roles, and the organisations they may act in. */
  me: protectedProcedure.query(({ ctx }) => getMe(ctx.db, ctx.actor)),
  /** Any member: invitations into other organisations waiting for an answer (ADR 0011). */
  invitations: protectedProcedure.query(({ ctx }) => listMyInvitations(ctx.db, ctx.actor)),
  acceptInvitation: protectedProcedure
    .input(invitationAnswerInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.actor, input)),
  declineInvitation: protectedProcedure
    .input(invitationAnswerInput)
    .mutation(({ ctx, input }) => declineInvitation(ctx.db, ctx.actor, input)),
  /**
   * Anyone, signed out: an invitation code sets a new account's password and accepts the invitation
   * (ADR 0031); the person then signs in as usual. Unknown, used or expired codes change nothing.
   */
  redeemInvitationCode: publicProcedure
    .input(redeemInvitationCodeInput)
    .mutation(({ ctx, input }) => redeemInvitationCode(ctx.db, input)),
  /** Any member: their own display name, audited (better-auth's /update-user is off). */
  updateProfile: protectedProcedure
    .input(updateProfileInput)
    .mutation(({ ctx, input }) => updateProfile(ctx.db, ctx.actor, input)),
  /** Any member: their own password; the other sessions end, this one stays. */
  changePassword: protectedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input, ctx.sessionId)),
} satisfies TRPCRouterRecord;
