/**
 * The api as a value: `createApp({ handle, env, logger })` builds the Hono app with accounts, tRPC,
 * health checks, security middleware and the web portal. `server.ts` serves it; tests serve it on port 0.
 */
import type { IncomingMessage } from 'node:http';
import { trpcServer } from '@hono/trpc-server';
import type { DatabaseHandle } from '@peerbridge/db';
import { isDatabaseBusy } from '@peerbridge/db';
import {
  createStudyUploads,
  resolveActor,
  type SignInPolicy,
  type StudyUploadLimits,
} from '@peerbridge/services';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { sql } from 'kysely';
import {
  AUTH_ENDPOINTS,
  type Auth,
  authBusyFlag,
  CLIENT_IP_HEADER,
  createAuth,
  SESSION_LIFETIME,
} from './auth';
import type { Env } from './env';
import { readRequestToken } from './http/api-tokens';
import { mountAuditCsv } from './http/audit-csv';
import { type AuditIntegrity, createAuditIntegrity } from './http/audit-integrity';
import { busyResponse, busyToTrpc, retryAfterSeconds } from './http/database-busy';
import { requestedOrganizationOf } from './http/organization-choice';
import { crossSiteCheck, originCheck } from './http/origin-check';
import { type DemoSignIn, mountPortal } from './http/portal';
import { IMPORT_ROUTE, mountRemoteResearch } from './http/remote-research';
import { createSessionLookup } from './http/session-lookup';
import { createSignInLimits } from './http/sign-in-limits';
import { mountStudyFiles, STUDY_UPLOAD_PATH } from './http/study-files';
import type { Logger } from './logger';
import { type AnalysisPoolOptions, createAnalysisPool } from './research/analysis-pool';
import { appRouter } from './root';
import type { TrpcContext } from './trpc/init';

const MAX_BODY_BYTES = 1024 * 1024;
/** Calls in one tRPC batch (issue 9: one POST created 100 sessions); the portal's client batches at most this many. */
export const MAX_BATCH_CALLS = 10;

export interface CreateAppOptions {
  handle: Pick<DatabaseHandle, 'db' | 'dialect' | 'url'>;
  env: Env;
  logger: Logger;
  /** Folder of the built web portal; served when it holds an index.html. */
  webDistDir?: string;
  /** Demo sign-ins listed on the placeholder page (only when the demo organisation was seeded). */
  demoSignIns?: ReadonlyArray<DemoSignIn>;
  /** The audit chain watch `/readyz` asks (the server shares its own, checked at start). */
  auditIntegrity?: AuditIntegrity;
  /** The analysis pool's limits (its workers read `handle.url`; started on first use). */
  analysis?: Omit<AnalysisPoolOptions, 'databaseUrl'>;
  /** Sign-in limits (ADR 0023); tests lower the address threshold. Applied when env.authRateLimit is on. */
  signInPolicy?: SignInPolicy;
  /** Where uploaded study files wait for their commit (default: the OS temp folder), and their limits: the
   * portal's uploads and the remote CLI's alike. */
  studyUploads?: { dir?: string; limits?: Partial<StudyUploadLimits> };
}

type AppBindings = { Bindings: { incoming?: IncomingMessage }; Variables: { requestId: string } };

export interface App {
  readonly hono: Hono<AppBindings>;
  readonly auth: Auth;
  /** Answers a Request (what @hono/node-server calls). */
  fetch: Hono<AppBindings>['fetch'];
  /** Stops the analysis pool's threads. */
  close(): Promise<void>;
}

function clientIp(incoming: IncomingMessage | undefined, headers: Headers, env: Env): string {
  if (env.clientIpHeader) {
    // Behind a load balancer: the right-most address is the one our own proxy appended.
    const forwarded = headers
      .get(env.clientIpHeader)
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const last = forwarded?.[forwarded.length - 1];
    if (last) return last;
  }
  return incoming?.socket.remoteAddress ?? '127.0.0.1';
}

export function createApp(options: CreateAppOptions): App {
  const { handle, env, logger } = options;
  const db = handle.db;
  const auth = createAuth(handle, env, logger);
  const sessions = createSessionLookup(auth, db, {
    expiresInSeconds: SESSION_LIFETIME.expiresIn,
    updateAgeSeconds: SESSION_LIFETIME.updateAge,
  });
  const analysis = createAnalysisPool({ ...options.analysis, databaseUrl: handle.url });
  const auditIntegrity = options.auditIntegrity ?? createAuditIntegrity(db, logger);
  const signInLimits = env.authRateLimit
    ? createSignInLimits(db, env.authSecret, options.signInPolicy)
    : null;
  const uploads = createStudyUploads(options.studyUploads);
  const app = new Hono<AppBindings>();

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const level = c.res.status >= 500 ? 'error' : 'info';
    logger[level](
      { reqId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms },
      'request',
    );
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      strictTransportSecurity: env.publicUrl.startsWith('https://')
        ? 'max-age=31536000; includeSubDomains'
        : false,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      c.json(
        { error: { code: 'PAYLOAD_TOO_LARGE', message: `Request body over ${MAX_BODY_BYTES} bytes` } },
        413,
      ),
  });
  // Uploads stream into the one upload store under its own size limit: the portal's (study-files.ts) and the
  // remote CLI's (http/remote-research.ts).
  app.use('*', (c, next) =>
    (c.req.method === 'POST' && c.req.path === STUDY_UPLOAD_PATH) || c.req.path === IMPORT_ROUTE
      ? next()
      : limitBody(c, next),
  );
  app.use('*', originCheck(env.trustedOrigins));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await sql`select 1`.execute(db);
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      return c.json({ status: 'unavailable', checks: { database: 'unavailable' } }, 503);
    }
    try {
      // The details (which event, which guard) go to the log only: this endpoint is public.
      const audit = await auditIntegrity.check();
      if (!audit.ok) {
        const guard = audit.problems.some((p) => p.startsWith('guard '));
        return c.json(
          {
            status: 'unavailable',
            checks: { database: 'ok', auditChain: guard ? 'guard missing' : 'broken' },
          },
          503,
        );
      }
      return c.json({ status: 'ready', checks: { database: 'ok', auditChain: 'intact' } });
    } catch (error) {
      logger.warn({ err: error }, 'audit chain check failed');
      return c.json({ status: 'unavailable', checks: { database: 'ok', auditChain: 'unavailable' } }, 503);
    }
  });

  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    const endpoint = `${c.req.method} ${c.req.path.slice('/api/auth'.length)}`;
    if (!AUTH_ENDPOINTS.has(endpoint))
      return c.json({ error: { code: 'NOT_FOUND', message: `No such account endpoint: ${endpoint}` } }, 404);
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, clientIp(c.env?.incoming, c.req.raw.headers, env));
    // better-auth answers 500 for any database error; it flags write contention for us to say 503.
    const flag = { busy: null as unknown };
    const handle = (request: Request) => authBusyFlag.run(flag, () => auth.handler(request));
    const request = new Request(c.req.raw, { headers });
    let response: Response;
    if (endpoint === 'POST /sign-in/email') {
      // Browsers always send Origin on a POST; in production a sign-in without one is a script (docs/deploying.md).
      if (env.nodeEnv === 'production' && c.req.header('origin') === undefined) {
        return c.json(
          {
            error: {
              code: 'FORBIDDEN',
              message: 'Sign-in needs an Origin header from a trusted origin (browsers send it themselves)',
            },
          },
          403,
        );
      }
      const address = headers.get(CLIENT_IP_HEADER) ?? '';
      response = signInLimits ? await signInLimits.guard(request, address, handle) : await handle(request);
    } else {
      response = await handle(request);
    }
    return flag.busy !== null && response.status >= 500 ? busyResponse(flag.busy) : response;
  });

  mountAuditCsv(app, { db, auth, trustedOrigins: env.trustedOrigins });
  mountStudyFiles(app, { db, auth, uploads, trustedOrigins: env.trustedOrigins, logger });
  mountRemoteResearch(app, { db, logger, uploads });

  app.use('/trpc/*', crossSiteCheck(env.trustedOrigins));
  // Answers carry supervision data: never stored by a browser or a proxy, errors included.
  app.use('/trpc/*', async (c, next) => {
    c.header('cache-control', 'no-store');
    if (c.req.query('batch') === '1') {
      const calls = c.req.path.slice('/trpc/'.length).split(',').length;
      if (calls > MAX_BATCH_CALLS) {
        return c.json(
          {
            error: {
              code: 'BAD_REQUEST',
              message: `A batch holds at most ${MAX_BATCH_CALLS} calls; this one holds ${calls}. Send the rest in another request.`,
            },
          },
          400,
        );
      }
    }
    await next();
    c.res.headers.set('cache-control', 'no-store');
  });
  app.use(
    '/trpc/*',
    trpcServer({
      // The middleware above refuses a longer batch with a clearer message; this holds for any path encoding.
      maxBatchSize: MAX_BATCH_CALLS,
      router: appRouter,
      createContext: async (_opts, c): Promise<TrpcContext & Record<string, unknown>> => {
        // Reading the session may refresh it (a write): contention there is a 503 as well.
        // A request with an API token is judged by the token alone, per procedure (trpc/token-scope.ts).
        const token = await readRequestToken(db, c.req.raw.headers).catch((error: unknown) => {
          throw busyToTrpc(error);
        });
        const { session, actor } = await (async () => {
          if (token !== null) return { session: null, actor: null };
          const found = await sessions.find(c.req.raw.headers);
          const requested = requestedOrganizationOf(c.req.raw.headers);
          return { session: found, actor: found ? await resolveActor(db, found.userId, requested) : null };
        })().catch((error: unknown) => {
          throw busyToTrpc(error);
        });
        const reqId = c.get('requestId') as string;
        return {
          db,
          actor,
          signedIn: session !== null,
          sessionId: session?.sessionId ?? null,
          logger: logger.child({ reqId }),
          requestId: reqId,
          analysis,
          studyUploads: uploads,
          token,
        };
      },
      responseMeta({ errors }) {
        const busy = errors.find((e) => e.code === 'SERVICE_UNAVAILABLE');
        return busy ? { headers: { 'retry-after': String(retryAfterSeconds(busy)) } } : {};
      },
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          logger.error({ err: error.cause ?? error, path }, 'trpc error');
      },
    }),
  );

  if (options.webDistDir !== undefined) mountPortal(app, options.webDistDir, options.demoSignIns ?? []);

  app.onError((error, c) => {
    if (isDatabaseBusy(error)) {
      logger.warn({ err: error, reqId: c.get('requestId') }, 'database busy');
      return busyResponse(error);
    }
    logger.error({ err: error, reqId: c.get('requestId') }, 'unhandled error');
    return c.json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } }, 500);
  });

  return { hono: app, auth, fetch: app.fetch, close: () => analysis.destroy() };
}
