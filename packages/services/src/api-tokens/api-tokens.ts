/**
 * API tokens (ADR 0021): a researcher's bearer token for the remote CLI, scoped to research. The token is
 * shown once; only its SHA-256 is stored. A token acts as its owner in the organisation it was made in,
 * with the researcher role only (never admin or supervisor, whatever else the owner holds), and only
 * while the owner is still a researcher there and the token is not revoked. Creating and revoking are
 * audited; so is every refused use of a known token (`api_token.refused`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, type DbOrTrx, newId, nowIso } from '../db';
import { notFound, parseServiceInput, ServiceError } from '../errors';
import { idSchema } from '../schemas';

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'pbt_';
/** The only scope a token has. */
export const API_TOKEN_SCOPE = 'research';
/** Characters of a token kept to tell tokens apart in a list. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_PREFIX.length + 6;
/** Tokens one person may hold at once (revoked ones not counted). */
export const MAX_ACTIVE_TOKENS = 20;

export interface ApiTokenEntry {
  id: string;
  name: string;
  /** The token's first characters, e.g. `pbt_Ab12Cd`. */
  prefix: string;
  scope: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A new token: `token` is the secret, shown this once and stored nowhere. */
export interface CreatedApiToken extends ApiTokenEntry {
  token: string;
}

export const createApiTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'expected a name for the token, e.g. "laptop"' })
    .max(100, { message: 'expected at most 100 characters' }),
});

export const revokeApiTokenInput = z.object({ tokenId: idSchema });

/** The SHA-256 (hex) a token is stored and looked up by. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newTokenSecret(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

function entryOf(row: {
  id: string;
  name: string;
  token_prefix: string;
  scope: string;
  created_at: string;
  revoked_at: string | null;
}): ApiTokenEntry {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    scope: row.scope,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

async function insertToken(trx: DbOrTrx, actor: Actor, name: string, via: string): Promise<CreatedApiToken> {
  const active = await trx
    .selectFrom('api_token')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', actor.userId)
    .where('organization_id', '=', actor.organizationId)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(active.n) >= MAX_ACTIVE_TOKENS)
    throw new ServiceError(
      'conflict',
      `You hold ${MAX_ACTIVE_TOKENS} API tokens already; revoke one you no longer use first`,
    );
  const token = newTokenSecret();
  const row = {
    id: newId(),
    organization_id: actor.organizationId,
    user_id: actor.userId,
    name,
    token_hash: hashApiToken(token),
    token_prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
    scope: API_TOKEN_SCOPE,
    created_at: nowIso(),
    revoked_at: null,
  };
  await trx.insertInto('api_token').values(row).execute();
  await recordAudit(trx, actor, {
    action: 'api_token.create',
    entityType: 'api_token',
    entityId: row.id,
    details: { scope: row.scope, via },
  });
  return { ...entryOf(row), token };
}

/** A new research token for the researcher themselves (the portal's account page). */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: z.input<typeof createApiTokenInput>,
): Promise<CreatedApiToken> {
  requireRole(actor, 'researcher');
  const { name } = parseServiceInput(createApiTokenInput, input);
  return db.transaction().execute((trx) => insertToken(trx, actor, name, 'portal'));
}

/** The researcher's own tokens, newest first, revoked ones included (never the secret). */
export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenEntry[]> {
  requireRole(actor, 'researcher');
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'token_prefix', 'scope', 'created_at', 'revoked_at'])
    .where('user_id', '=', actor.userId)
    .where('organization_id', '=', actor.organizationId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(entryOf);
}

/** Revokes one of the actor's own tokens; another person's token is "not found". Revoking twice is a no-op. */
export async function revokeApiToken(
  db: Db,
  actor: Actor,
  input: z.input<typeof revokeApiTokenInput>,
): Promise<ApiTokenEntry> {
  requireRole(actor, 'researcher');
  const { tokenId } = parseServiceInput(revokeApiTokenInput, input);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_token')
      .select(['id', 'name', 'token_prefix', 'scope', 'created_at', 'revoked_at'])
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.userId)
      .where('organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!row) throw notFound('API token');
    if (row.revoked_at !== null) return entryOf(row);
    const revokedAt = nowIso();
    await trx.updateTable('api_token').set({ revoked_at: revokedAt }).where('id', '=', row.id).execute();
    await recordAudit(trx, actor, { action: 'api_token.revoke', entityType: 'api_token', entityId: row.id });
    return entryOf({ ...row, revoked_at: revokedAt });
  });
}

/**
 * A token for a researcher made by the operator on the server's database (`peerbridge token create`):
 * `actor` is that researcher (the operator holds the database, as for every CLI command); they must hold
 * the researcher role themselves, since the token acts as a researcher. Audited under them, via `cli`.
 */
export async function createApiTokenAsOperator(
  db: Db,
  researcher: Actor,
  input: z.input<typeof createApiTokenInput>,
): Promise<CreatedApiToken> {
  const { name } = parseServiceInput(createApiTokenInput, input);
  return db.transaction().execute(async (trx) => {
    const held = await trx
      .selectFrom('membership')
      .select('role')
      .where('user_id', '=', researcher.userId)
      .where('organization_id', '=', researcher.organizationId)
      .where('role', '=', 'researcher')
      .executeTakeFirst();
    if (!held)
      throw new ServiceError(
        'forbidden',
        'API tokens are for researchers: this member does not hold the researcher role in the organisation',
      );
    return insertToken(trx, { ...researcher, roles: ['researcher'] }, name, 'cli');
  });
}

/** Why a known token was refused. */
export type TokenRefusalReason = 'revoked' | 'not_a_researcher' | 'out_of_scope';

export type TokenAuthentication =
  /** A valid token: `actor` holds the researcher role only. */
  | { readonly kind: 'valid'; readonly tokenId: string; readonly actor: Actor }
  /** A known token that may not be used: `owner` is whom the refusal is audited under. */
  | {
      readonly kind: 'refused';
      readonly tokenId: string;
      readonly owner: Actor;
      readonly reason: TokenRefusalReason;
    }
  /** No such token (or not one of ours): nothing to attribute. */
  | { readonly kind: 'unknown' };

/** Checks a presented token. Reads only; the caller records a refusal with `recordTokenRefusal`. */
export async function authenticateApiToken(db: DbOrTrx, token: string): Promise<TokenAuthentication> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return { kind: 'unknown' };
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'organization_id', 'scope', 'revoked_at'])
    .where('token_hash', '=', hashApiToken(token))
    .executeTakeFirst();
  if (!row || row.scope !== API_TOKEN_SCOPE) return { kind: 'unknown' };
  const owner: Actor = { userId: row.user_id, organizationId: row.organization_id, roles: [] };
  if (row.revoked_at !== null) return { kind: 'refused', tokenId: row.id, owner, reason: 'revoked' };
  const researcher = await db
    .selectFrom('membership')
    .select('role')
    .where('user_id', '=', row.user_id)
    .where('organization_id', '=', row.organization_id)
    .where('role', '=', 'researcher')
    .executeTakeFirst();
  if (!researcher) return { kind: 'refused', tokenId: row.id, owner, reason: 'not_a_researcher' };
  return { kind: 'valid', tokenId: row.id, actor: { ...owner, roles: ['researcher'] } };
}

/** One `api_token.refused` event in the token owner's organisation: which token, where, and why. */
export async function recordTokenRefusal(
  db: Db,
  owner: Actor,
  refusal: { tokenId: string; reason: TokenRefusalReason; procedure: string },
): Promise<void> {
  await recordAudit(db, owner, {
    action: 'api_token.refused',
    entityType: 'api_token',
    entityId: refusal.tokenId,
    details: { reason: refusal.reason, procedure: refusal.procedure.slice(0, 200) },
    changesData: false,
  });
}
