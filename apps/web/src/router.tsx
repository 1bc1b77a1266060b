/**
 * The typed routes (code-based, no codegen). Sign-in and the caseload load eagerly; every other page,
 * and with them the charts, is split into its own chunk so the first load stays small.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
} from '@tanstack/react-router';
import { type AuditSearch, auditSearchOf } from './admin/audit-search';
import type { ApiOptions } from './api/trpc';
import { SignInPage } from './auth/sign-in-page';
import { CaseloadPage } from './caseload/caseload-page';
import { AppShellLayout } from './shell/app-shell';
import { HomeRedirect } from './shell/home-redirect';
import { NotFoundPage } from './shell/not-found-page';

interface RouterContext {
  queryClient: QueryClient;
  api: ApiOptions;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' && search.redirect.startsWith('/')
      ? { redirect: search.redirect }
      : {},
  component: SignInPage,
});

/** A new account sets its password with the invitation code (ADR 0031); the link carries the code. */
const welcomeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/welcome',
  validateSearch: (search: Record<string, unknown>): { code?: string } =>
    typeof search.code === 'string' && search.code !== '' ? { code: search.code } : {},
  component: lazyRouteComponent(() => import('./auth/welcome-page'), 'WelcomePage'),
});

/** Every signed-in page sits in the shell (header, navigation, language switch). */
const shellRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'shell',
  component: AppShellLayout,
});

const homeRoute = createRoute({ getParentRoute: () => shellRoute, path: '/', component: HomeRedirect });

const caseloadRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/caseload',
  component: CaseloadPage,
});

const workerRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/workers/$workerId',
  // No prefetch on hover: reading a PSW's record takes opening it, an audited view (ADR 0009).
  component: lazyRouteComponent(() => import('./worker/worker-page'), 'WorkerPage'),
});

const recordRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/workers/$workerId/record',
  component: lazyRouteComponent(() => import('./supervision/record-session-page'), 'RecordSessionPage'),
});

/** The one-page, printable summary of a held session (ADR 0036). */
const sessionSummaryRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/workers/$workerId/sessions/$sessionId/summary',
  component: lazyRouteComponent(() => import('./next-session/session-summary-page'), 'SessionSummaryPage'),
});

const actionsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/actions',
  component: lazyRouteComponent(() => import('./actions/actions-page'), 'ActionsPage'),
});

const notificationsRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/notifications',
  component: lazyRouteComponent(() => import('./notifications/notifications-page'), 'NotificationsPage'),
});

const teamRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/team',
  validateSearch: (search: Record<string, unknown>): { unitId?: string; period?: string } => ({
    ...(typeof search.unitId === 'string' && search.unitId !== '' ? { unitId: search.unitId } : {}),
    ...(typeof search.period === 'string' && /^\d{4}-\d{2}$/.test(search.period)
      ? { period: search.period }
      : {}),
  }),
  component: lazyRouteComponent(() => import('./team/team-page'), 'TeamPage'),
});

const adminRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/admin',
  // The tab, and the audit screen's filters (kept in the URL so a filtered view can be shared).
  validateSearch: (search: Record<string, unknown>): { tab?: string } & AuditSearch => ({
    ...(typeof search.tab === 'string' ? { tab: search.tab } : {}),
    ...auditSearchOf(search),
  }),
  component: lazyRouteComponent(() => import('./admin/admin-page'), 'AdminPage'),
});

const studiesRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/studies',
  component: lazyRouteComponent(() => import('./research/studies-page'), 'StudiesPage'),
});

const importStudyRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/studies/import',
  component: lazyRouteComponent(() => import('./research/import-study-page'), 'ImportStudyPage'),
});

const studyRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/studies/$studyId',
  component: lazyRouteComponent(() => import('./research/study-page'), 'StudyPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('./account/account-page'), 'AccountPage'),
});

const ownRecordRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/my-record',
  component: lazyRouteComponent(() => import('./own-record/own-record-page'), 'OwnRecordPage'),
});

const checkInRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/my-record/check-in',
  component: lazyRouteComponent(() => import('./own-record/check-in-page'), 'CheckInPage'),
});

const ownRecordPrintRoute = createRoute({
  getParentRoute: () => shellRoute,
  path: '/my-record/print',
  component: lazyRouteComponent(() => import('./own-record/own-record-print-page'), 'OwnRecordPrintPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  welcomeRoute,
  shellRoute.addChildren([
    homeRoute,
    caseloadRoute,
    workerRoute,
    recordRoute,
    sessionSummaryRoute,
    actionsRoute,
    notificationsRoute,
    teamRoute,
    adminRoute,
    studiesRoute,
    importStudyRoute,
    studyRoute,
    accountRoute,
    ownRecordRoute,
    checkInRoute,
    ownRecordPrintRoute,
  ]),
]);

/** Builds the router with the query client and the tRPC query options in its context. */
export function createAppRouter(queryClient: QueryClient, api: ApiOptions) {
  return createRouter({
    routeTree,
    context: { queryClient, api },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
