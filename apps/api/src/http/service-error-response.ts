/** A service error as a plain HTTP route's JSON answer (`{ error: { code, message, issues } }`), as tRPC answers it. */
import { ServiceError } from '@peerbridge/services';
import type { Context } from 'hono';

const STATUS = { forbidden: 403, not_found: 404, invalid_input: 400, conflict: 409 } as const;

/** The answer for `error` when it is a ServiceError, else null (the caller rethrows). */
export function serviceErrorResponse(c: Context, error: unknown): Response | null {
  if (!(error instanceof ServiceError)) return null;
  const code = error.code === 'invalid_input' ? 'BAD_REQUEST' : error.code.toUpperCase();
  return c.json({ error: { code, message: error.message, issues: error.issues } }, STATUS[error.code]);
}
