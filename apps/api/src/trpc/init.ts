/**
 * tRPC set up once: the request context, the error formatter that maps service errors and zod issues to
 * a field list, and the procedure builders (public, protected, and one per role).
 */

import type { Db } from '@peerbridge/services';
import { type Actor, type CaseloadCache, ServiceError, type UserRole } from '@peerbridge/services';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { busyToTrpc } from '../http/database-busy';
import type { Logger } from '../logger';

/** What every procedure receives: the database, the caller (null when signed out), a request logger. */
export interface TrpcContext {
  db: Db;
  actor: Actor | null;
  /** True when a valid session came with the request (a signed-in user may still belong to no organisation). */
  signedIn: boolean;
  logger: Logger;
  requestId: string;
  /** This app instance's caseload cache (ADR 0006), or null when it is turned off. */
  caseloadCache: CaseloadCache | null;
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
export const publicProcedure = t.procedure.use(mapErrors);

/** A signed-in member of an organisation; the actor is non-null from here on. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) {
    if (ctx.signedIn)
      throw new TRPCError({ code: 'FORBIDDEN', message: 'Your account belongs to no organisation yet' });
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
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
