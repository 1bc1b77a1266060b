/**
 * API tokens on both dialects (ADR 0021): shown once and stored only as a hash, a researcher-only actor,
 * revocable, another person's token "not found", refusals audited, and only researchers get one.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../actor';
import { insertUserWithPassword } from '../admin/users';
import { type MigratedDatabase, openMigratedDatabase } from '../test-support/migrated-database';
import { aSmallOrganization } from '../test-support/small-organization';
import {
  authenticateApiToken,
  createApiToken,
  createApiTokenAsOperator,
  hashApiToken,
  listApiTokens,
  recordTokenRefusal,
  revokeApiToken,
} from './api-tokens';

const PASSWORD = 'a long synthetic passphrase';

describe.each(testDialects())('API tokens on %s', (dialect) => {
  let mdb: MigratedDatabase;
  let admin: Actor;
  let supervisor: Actor;
  let researcher: Actor;
  let other: Actor;
  const db = () => mdb.handle.db;

  beforeAll(async () => {
    mdb = await openMigratedDatabase(dialect);
    ({ admin, supervisor } = await aSmallOrganization(db(), { workers: 1 }));
    const both = await insertUserWithPassword(db(), 'org-1', {
      name: 'Researcher Admin',
      email: 'ra@example.test',
      password: PASSWORD,
      roles: ['admin', 'researcher'],
    });
    researcher = { userId: both, organizationId: 'org-1', roles: ['admin', 'researcher'] };
    const second = await insertUserWithPassword(db(), 'org-1', {
      name: 'Second Researcher',
      email: 'r2@example.test',
      password: PASSWORD,
      roles: ['researcher'],
    });
    other = { userId: second, organizationId: 'org-1', roles: ['researcher'] };
  });
  afterAll(async () => {
    await mdb.close();
  });

  const events = (action: string) =>
    db().selectFrom('audit_event').selectAll().where('action', '=', action).orderBy('seq').execute();

  it('shows the token once, stores only its hash, and acts as a researcher only (not admin)', async () => {
    const created = await createApiToken(db(), researcher, { name: ' laptop ' });
    expect(created.token).toMatch(/^pbt_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe('laptop');
    const rows = await db().selectFrom('api_token').selectAll().where('id', '=', created.id).execute();
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain(created.token);
    expect(rows[0]?.token_hash).toBe(hashApiToken(created.token));
    expect(rows[0]?.token_prefix).toBe(created.token.slice(0, 10));

    const auth = await authenticateApiToken(db(), created.token);
    expect(auth).toEqual({
      kind: 'valid',
      tokenId: created.id,
      actor: { userId: researcher.userId, organizationId: 'org-1', roles: ['researcher'] },
    });
    const audit = await events('api_token.create');
    expect(audit.at(-1)).toMatchObject({ entity_id: created.id, actor_user_id: researcher.userId });
    expect(audit.at(-1)?.details).not.toContain(created.token);
    expect((await listApiTokens(db(), researcher)).map((t) => t.id)).toContain(created.id);
    expect(JSON.stringify(await listApiTokens(db(), researcher))).not.toContain(created.token);
  });

  it('refuses tokens to non-researchers and names the field of a bad name; nothing is written', async () => {
    const before = await db().selectFrom('api_token').select('id').execute();
    await expect(createApiToken(db(), supervisor, { name: 'x' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(createApiToken(db(), admin, { name: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      createApiTokenAsOperator(db(), { ...admin, roles: ['researcher'] }, { name: 'x' }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(createApiToken(db(), researcher, { name: '   ' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'name' })],
    });
    expect(await db().selectFrom('api_token').select('id').execute()).toEqual(before);
  });

  it('answers "not found" for another researcher\'s token, and a revoked token is refused and attributable', async () => {
    const created = await createApiTokenAsOperator(db(), other, { name: 'ci' });
    await expect(revokeApiToken(db(), researcher, { tokenId: created.id })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect((await authenticateApiToken(db(), created.token)).kind).toBe('valid');
    const revoked = await revokeApiToken(db(), other, { tokenId: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect((await events('api_token.revoke')).at(-1)).toMatchObject({ entity_id: created.id });
    // Twice is a no-op: one event.
    await revokeApiToken(db(), other, { tokenId: created.id });
    expect((await events('api_token.revoke')).filter((e) => e.entity_id === created.id)).toHaveLength(1);

    const auth = await authenticateApiToken(db(), created.token);
    expect(auth).toMatchObject({ kind: 'refused', reason: 'revoked', tokenId: created.id });
    if (auth.kind !== 'refused') throw new Error('expected a refusal');
    await recordTokenRefusal(db(), auth.owner, {
      tokenId: auth.tokenId,
      reason: auth.reason,
      procedure: 'x',
    });
    expect((await events('api_token.refused')).at(-1)).toMatchObject({
      entity_id: created.id,
      actor_user_id: other.userId,
    });
  });

  it('refuses a token whose owner is no longer a researcher, and knows no forged or altered token', async () => {
    const created = await createApiToken(db(), other, { name: 'later removed' });
    await db()
      .deleteFrom('membership')
      .where('user_id', '=', other.userId)
      .where('role', '=', 'researcher')
      .execute();
    expect(await authenticateApiToken(db(), created.token)).toMatchObject({
      kind: 'refused',
      reason: 'not_a_researcher',
    });
    const flipped = `${created.token.slice(0, -1)}${created.token.endsWith('A') ? 'B' : 'A'}`;
    expect(await authenticateApiToken(db(), flipped)).toEqual({ kind: 'unknown' });
    expect(await authenticateApiToken(db(), hashApiToken(created.token))).toEqual({ kind: 'unknown' });
    expect(await authenticateApiToken(db(), '')).toEqual({ kind: 'unknown' });
  });
});
