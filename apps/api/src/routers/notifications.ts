/**
 * The notification centre (ADR 0037): thin over services. A page of notifications names PSWs, so it is
 * an audited read by POST (a GET never writes, ADR 0009); the unread count names nobody and is a GET.
 */
import {
  countUnreadNotifications,
  listNotifications,
  listNotificationsInput,
  markAllNotificationsRead,
  markNotificationRead,
  markNotificationReadInput,
} from '@peerbridge/services';
import type { TRPCRouterRecord } from '@trpc/server';
import { supervisorProcedure } from '../trpc/init';

export const notificationsRouter = {
  /** One page, newest first; one `notifications.view` event naming the PSWs on it. */
  list: supervisorProcedure
    .input(listNotificationsInput)
    .mutation(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input)),
  /** What the bell shows: unread notifications whose condition still holds. */
  unreadCount: supervisorProcedure.query(async ({ ctx }) => ({
    unread: await countUnreadNotifications(ctx.db, ctx.actor),
  })),
  markRead: supervisorProcedure
    .input(markNotificationReadInput)
    .mutation(({ ctx, input }) => markNotificationRead(ctx.db, ctx.actor, input)),
  markAllRead: supervisorProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.db, ctx.actor)),
} satisfies TRPCRouterRecord;
