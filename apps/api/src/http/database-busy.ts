/** Answers for a database too busy to take a write in time: 503 with Retry-After, never a 500. */
import { DatabaseBusyError, isDatabaseBusy } from '@peerbridge/db';
import { TRPCError } from '@trpc/server';

/** What a client is told, in every protocol: a transient condition, retry after a second. */
export const BUSY_MESSAGE = 'The database is busy with other writes; please retry in a moment';

/** Seconds in `Retry-After`. */
export function retryAfterSeconds(error: unknown): number {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    if (current instanceof DatabaseBusyError) return current.retryAfterSeconds;
    current = current.cause;
  }
  return 1;
}

/** The tRPC error for contention (503 on the wire); anything else is returned unchanged. */
export function busyToTrpc(error: unknown): unknown {
  if (error instanceof TRPCError || !isDatabaseBusy(error)) return error;
  return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: BUSY_MESSAGE, cause: error });
}

/** A JSON 503 for the plain HTTP routes (auth, health). */
export function busyResponse(error: unknown): Response {
  return new Response(JSON.stringify({ error: { code: 'SERVICE_UNAVAILABLE', message: BUSY_MESSAGE } }), {
    status: 503,
    headers: { 'content-type': 'application/json', 'retry-after': String(retryAfterSeconds(error)) },
  });
}
