/**
 * Runs a create once per client-generated request id. Inside the create's own transaction it claims
 * (user, request id); a later request with the same id gets the stored first answer and writes
 * nothing, and one with other content or for another operation is refused. Two concurrent requests
 * with one id: the second waits on the claim's primary key (PostgreSQL) or behind the single writer
 * (SQLite) and then sees the committed first answer.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../actor';
import { type DbOrTrx, nowIso } from '../db';
import { conflict } from '../errors';
import { canonicalJson } from './canonical-json';

export interface IdempotentRequest {
  /** Stable name of the create, e.g. `session.create`. */
  operation: string;
  /** The client's id; without one the create simply runs (CLI and seed callers). */
  requestId: string | undefined;
  /** What must be equal for a retry to count as the same request (leave secrets such as passwords out). */
  content: unknown;
}

function hashOf(operation: string, content: unknown): string {
  return createHash('sha256').update(canonicalJson({ operation, content })).digest('hex');
}

/** The stored answer for a repeated id, or runs `create` and stores its answer. Call it inside the transaction. */
export async function idempotentCreate<T>(
  trx: DbOrTrx,
  actor: Actor,
  request: IdempotentRequest,
  create: () => Promise<T>,
): Promise<T> {
  if (request.requestId === undefined) return create();
  const key = {
    organization_id: actor.organizationId,
    user_id: actor.userId,
    request_id: request.requestId,
  };
  const requestHash = hashOf(request.operation, request.content);
  const claimed = await trx
    .insertInto('idempotent_request')
    .values({ ...key, operation: request.operation, request_hash: requestHash, created_at: nowIso() })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id', 'request_id']).doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
    const first = await trx
      .selectFrom('idempotent_request')
      .select(['operation', 'request_hash', 'result'])
      .where('organization_id', '=', key.organization_id)
      .where('user_id', '=', key.user_id)
      .where('request_id', '=', key.request_id)
      .executeTakeFirstOrThrow();
    if (first.operation !== request.operation || first.request_hash !== requestHash) {
      throw conflict('This request id was already used for a different request; send a new id');
    }
    return JSON.parse(first.result) as T;
  }
  const result = await create();
  await trx
    .updateTable('idempotent_request')
    .set({ result: JSON.stringify(result) })
    .where('organization_id', '=', key.organization_id)
    .where('user_id', '=', key.user_id)
    .where('request_id', '=', key.request_id)
    .execute();
  return result;
}
