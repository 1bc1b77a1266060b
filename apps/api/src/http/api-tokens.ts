/**
 * Bearer API tokens on a request (ADR 0021): `Authorization: Bearer pbt_...`. A request that carries one
 * is judged by the token alone (a cookie beside it is ignored), so a token never widens into a session.
 * A token reaches only research: tRPC's `research.*` procedures and the remote CLI's `/api/research/*`
 * routes. Everywhere else it answers as for no credentials, and the refusal is audited.
 */
import {
  type Actor,
  authenticateApiToken,
  type Db,
  recordTokenRefusal,
  type TokenAuthentication,
  type TokenRefusalReason,
} from '@peerbridge/services';
import type { Logger } from '../logger';

/**
 * The bearer token of a request, or null when it carries none. Only the Bearer scheme counts: a proxy's
 * `Authorization: Basic ...` in front of the portal must not turn its users' sessions into token calls.
 */
export function bearerTokenOf(headers: Headers): string | null {
  const value = headers.get('authorization');
  if (value === null) return null;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(value.trim());
  // "Bearer" with nothing usable after it is still a token request: one whose token matches nothing.
  return match ? (match[1] ?? '').trim() : null;
}

/** True for what a research token may reach. */
export function inTokenScope(procedure: string): boolean {
  return procedure.startsWith('research.') || procedure.startsWith('/api/research/');
}

/** What a request's token turned out to be, kept on the request until the procedure is known. */
export interface RequestToken {
  readonly authentication: TokenAuthentication;
}

export async function readRequestToken(db: Db, headers: Headers): Promise<RequestToken | null> {
  const token = bearerTokenOf(headers);
  if (token === null) return null;
  return { authentication: await authenticateApiToken(db, token) };
}

/**
 * The actor a token request acts as at `procedure`, or null (answered as for no credentials). A refused
 * use of a known token is audited in its owner's organisation; an unknown token reaches the log only.
 */
export async function tokenActorFor(
  db: Db,
  token: RequestToken,
  procedure: string,
  logger: Logger,
): Promise<Actor | null> {
  const auth = token.authentication;
  if (auth.kind === 'unknown') {
    logger.warn({ procedure }, 'unknown API token refused');
    return null;
  }
  let refusal: { owner: Actor; reason: TokenRefusalReason } | null = null;
  if (auth.kind === 'refused') refusal = { owner: auth.owner, reason: auth.reason };
  else if (!inTokenScope(procedure)) refusal = { owner: auth.actor, reason: 'out_of_scope' };
  if (refusal === null) return auth.kind === 'valid' ? auth.actor : null;
  try {
    await recordTokenRefusal(db, refusal.owner, { tokenId: auth.tokenId, reason: refusal.reason, procedure });
  } catch (error) {
    logger.error({ err: error, procedure, tokenId: auth.tokenId }, 'API token refusal not audited');
  }
  return null;
}
