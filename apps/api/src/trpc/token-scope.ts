/**
 * The token rule for tRPC (ADR 0021): a call made with an API token runs as its owner, a researcher,
 * only at `research.*`; anywhere else (and with a revoked or unknown token) it runs as a caller with no
 * credentials, so it gets exactly the answer a signed-out caller gets. Every refusal of a known token is
 * audited, once per call.
 */
import type { Actor, Db } from '@peerbridge/services';
import { type RequestToken, tokenActorFor } from '../http/api-tokens';
import type { Logger } from '../logger';

export interface TokenScopedContext {
  db: Db;
  actor: Actor | null;
  signedIn: boolean;
  sessionId: string | null;
  logger: Logger;
  /** The request's API token, when it came with one (then there is no session). */
  token: RequestToken | null;
}

/** The context a call runs with: unchanged without a token, else the token's actor for this procedure. */
export async function scopeToToken<C extends TokenScopedContext>(ctx: C, path: string): Promise<C> {
  if (ctx.token === null) return ctx;
  const actor = await tokenActorFor(ctx.db, ctx.token, path, ctx.logger);
  return { ...ctx, actor, signedIn: actor !== null, sessionId: null };
}
