/**
 * tRPC set up once: the request context, the error formatter that maps service errors and zod issues to
 * a field list, and the procedure builders (public, protected, and one per role).
 */

import type { Db, ViewTarget } from '@peerbridge/services';
import {
  type Actor,
  type AnalysisRunner,
  firstMalformedText,
  hasOpenView,
  RECORD_VIEW_MINUTES,
  recordRefusal,
  refusedTargetOf,
  ServiceError,
  type StudyUploads,
  type UserRole,
} from '@peerbridge/services';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { RequestToken } from '../http/api-tokens';
import { busyToTrpc } from '../http/database-busy';
import type { Logger } from '../logger';
import { scopeToToken } from './token-scope';

/** What every procedure receives: the database, the caller (null when signed out), a request logger. */
export interface TrpcContext {
  db: Db;
  actor: Actor | null;
  /** True when a valid session came with the request (a signed-in user may still belong to no organisation). */
  signedIn: boolean;
  /** The request's better-auth session id (kept when the person changes their password), or null. */
  sessionId: string | null;
  logger: Logger;
  requestId: string;
  /** Where the research view's heavy computations run (a worker pool in the api). */
  analysis: AnalysisRunner;
  /** Study files uploaded for import, waiting for their commit (ADR 0020). */
  studyUploads: StudyUploads;
  /** The request's API token (ADR 0021), or null; `actor` is set per procedure by its scope. */
  token: RequestToken | null;
}

/** One bad field as the client sees it. */
export interface ErrorIssue {
  path: string;
  expected: string;
  message: string;
}

function issuesOf(cause: unknown): ErrorIssue[] | null {
  if (cause instanceof ServiceError && cause.issues.length > 0) return [...cause.issues];
  if (cause instanceof ZodError) {
    return cause.issues.map((i) => ({
      path: i.path.map(String).join('.'),
      expected: i.code === 'invalid_type' ? String(i.expected) : i.message.replace(/^Invalid input:\s*/, ''),
      message: i.message.replace(/^Invalid input:\s*/, ''),
    }));
  }
  return null;
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const issues = issuesOf(error.cause);
    const message =
      issues && error.cause instanceof ZodError
        ? `Invalid input: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`
        : shape.message;
    // Internal errors never leak their message or stack to the client.
    const safeMessage = error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : message;
    return {
      ...shape,
      message: safeMessage,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, issues },
    };
  },
});

const trpcCodeOf = {
  forbidden: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  invalid_input: 'BAD_REQUEST',
  conflict: 'CONFLICT',
} as const satisfies Record<ServiceError['code'], TRPCError['code']>;

/** The one place service errors become tRPC errors (internal errors are logged once, by the adapter's onError). */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof ServiceError) {
      throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
    }
    // Write lock contention past the busy timeout (ADR 0014): transient, so 503 and retry, not 500.
    const busy = busyToTrpc(cause);
    if (busy instanceof TRPCError) throw busy;
  }
  return result;
});

export const createTRPCRouter = t.router;
export const mergeRouters = t.mergeRouters;

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure
  .use(mapErrors)
  // An API token reaches research only; elsewhere the call runs as if signed out (ADR 0021).
  .use(async ({ ctx, path, next }) => next({ ctx: await scopeToToken(ctx, path) }))
  .use(async ({ getRawInput, next }) => {
    // JSON.parse keeps "\ud800" as a lone surrogate, which storage would turn into U+FFFD or refuse
    // with no field name: refuse it here, for every procedure and every field (issue 9).
    const malformed = firstMalformedText(await getRawInput().catch(() => undefined));
    if (malformed !== null)
      throw new ServiceError(
        'invalid_input',
        `Invalid input: ${malformed}: expected text without lone surrogate characters (invalid Unicode)`,
        [
          {
            path: malformed,
            expected: 'text without lone surrogate characters',
            message: 'expected text without lone surrogate characters (invalid Unicode)',
          },
        ],
      );
    return next();
  });

/** NOT_FOUND or FORBIDDEN, however the refusal was raised (a service error or a role gate), else null. */
function refusalOf(error: TRPCError): 'NOT_FOUND' | 'FORBIDDEN' | null {
  const cause = error.cause;
  if (cause instanceof ServiceError) {
    if (cause.code === 'not_found') return 'NOT_FOUND';
    if (cause.code === 'forbidden') return 'FORBIDDEN';
    return null;
  }
  return error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' ? error.code : null;
}

/**
 * A signed-in member of an organisation; the actor is non-null from here on. A call refused with
 * NOT_FOUND or FORBIDDEN that names a record is audited (ADR 0009), after its transaction rolled back.
 */
export const protectedProcedure = publicProcedure
  .use(({ ctx, next }) => {
    if (!ctx.actor) {
      if (ctx.signedIn)
        throw new TRPCError({ code: 'FORBIDDEN', message: 'Your account belongs to no organisation yet' });
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
    }
    return next({ ctx: { ...ctx, actor: ctx.actor } });
  })
  .use(async ({ ctx, path, getRawInput, next }) => {
    const result = await next();
    const outcome = result.ok ? null : refusalOf(result.error);
    if (outcome) {
      const target = refusedTargetOf(await getRawInput().catch(() => undefined));
      if (target) {
        try {
          await recordRefusal(ctx.db, ctx.actor, { procedure: path, outcome, target });
        } catch (error) {
          // The caller is refused either way; an unrecorded refusal must at least reach the log.
          ctx.logger.error({ err: error, path, outcome, target }, 'refusal not audited');
        }
      }
    }
    return result;
  });

function roleProcedure(role: UserRole) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!ctx.actor.roles.includes(role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `Only ${role === 'admin' ? 'an' : 'a'} ${role} may do this`,
      });
    }
    return next();
  });
}

export const adminProcedure = roleProcedure('admin');
export const supervisorProcedure = roleProcedure('supervisor');
export const researcherProcedure = roleProcedure('researcher');
export const peerWorkerProcedure = roleProcedure('peer_worker');

function notOpen(what: string): TRPCError {
  return new TRPCError({
    code: 'PRECONDITION_FAILED',
    message: `Open ${what} first: reads are answered for ${RECORD_VIEW_MINUTES} minutes after it was opened`,
  });
}

async function requireOpenView(ctx: { db: Db; actor: Actor }, target: ViewTarget, what: string) {
  if (!(await hasOpenView(ctx.db, ctx.actor, target))) throw notOpen(what);
}

/**
 * A read of one PSW's record (assessment, history, observations, sessions): answered only while the
 * supervisor has it open (`supervision.openWorker`, one audit event per page view; ADR 0009). The read
 * itself writes nothing. Refusals come first, exactly as the read itself would answer them.
 */
export const workerRecordProcedure = supervisorProcedure.use(async ({ ctx, getRawInput, next }) => {
  const raw = (await getRawInput()) as { workerId?: unknown } | undefined;
  // Anything but a string is left to the input parser, which names the field.
  if (typeof raw?.workerId === 'string')
    await requireOpenView(
      ctx,
      { kind: 'worker', workerId: raw.workerId },
      "the PSW's record (supervision.openWorker)",
    );
  return next();
});

/** A read of the supervisor's caseload: answered only while it is open (`supervision.openCaseload`). */
export const caseloadProcedure = supervisorProcedure.use(async ({ ctx, next }) => {
  await requireOpenView(ctx, { kind: 'caseload' }, 'the caseload (supervision.openCaseload)');
  return next();
});
