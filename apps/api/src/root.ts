/** The root tRPC router: one sub-router per area, merged here; the web portal imports only `type AppRouter`. */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { accountRouter } from './routers/account';
import { adminRouter } from './routers/admin';
import { notificationsRouter } from './routers/notifications';
import { ownRecordRouter } from './routers/own-record';
import { researchRouter } from './routers/research';
import { supervisionRouter } from './routers/supervision';
import { teamRouter } from './routers/team';
import { tokensRouter } from './routers/tokens';
import { createTRPCRouter } from './trpc/init';

export const appRouter = createTRPCRouter({
  account: accountRouter,
  supervision: supervisionRouter,
  team: teamRouter,
  admin: adminRouter,
  research: researchRouter,
  ownRecord: ownRecordRouter,
  tokens: tokensRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
