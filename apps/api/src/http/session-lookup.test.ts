/**
 * Attacks on the remembered session cookie (issue 10, ADR 0026): a cookie header the api has accepted
 * skips better-auth's signature check next time, but a session that was signed out (here or in another
 * api process), ended by a password change, deleted, or expired is refused on the very next request;
 * a tampered signature is refused while the genuine cookie is remembered; the sliding refresh still
 * slides; a removed membership is refused at once. Each refusal comes after the cookie was remembered.
 */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CookieJar,
  serveApi,
  signIn,
  startTestApi,
  type TestApi,
  trpcClient,
} from '../test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from '../test-support/two-organizations';

/** `account.me` with exactly this cookie header: the status and the tRPC error code, if any. */
async function me(baseUrl: string, cookie: string): Promise<{ status: number; code: string | null }> {
  const response = await fetch(`${baseUrl}/trpc/account.me`, { headers: { cookie } });
  const body = (await response.json()) as { error?: { data?: { code?: string } } };
  return { status: response.status, code: body.error?.data?.code ?? null };
}

const OK = { status: 200, code: null };
const SIGNED_OUT = { status: 401, code: 'UNAUTHORIZED' };

describe.each(testDialects())('the remembered session cookie on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let other: TestApi;
  let a: OrgFixture;
  let b: OrgFixture;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a, b } = await seedTwoOrganizations(api.handle));
    // A second api process on the same database, as behind a load balancer.
    other = await serveApi(api.tdb.url);
  });
  afterAll(async () => {
    await other?.close();
    await api?.close();
  });

  /** A fresh session of `email`, its cookie remembered by both api instances. */
  async function remembered(email: string): Promise<string> {
    const jar = new CookieJar();
    expect((await signIn(api.baseUrl, jar, email, PASSWORD)).status).toBe(200);
    const cookie = jar.header();
    for (const base of [api.baseUrl, other.baseUrl]) {
      expect(await me(base, cookie)).toEqual(OK);
      expect(await me(base, cookie)).toEqual(OK);
    }
    return cookie;
  }

  const tokenOf = (cookie: string) =>
    decodeURIComponent(/peerbridge\.session_token=([^;]+)/.exec(cookie)?.[1] ?? '').split('.')[0] ?? '';

  it('refuses a signed-out session at once, in this process and in another one', async () => {
    const cookie = await remembered(a.users.supervisor.email);
    const out = await fetch(`${api.baseUrl}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    expect(await me(api.baseUrl, cookie)).toEqual(SIGNED_OUT);
    expect(await me(other.baseUrl, cookie)).toEqual(SIGNED_OUT);
  });

  it('refuses a session ended by a password change elsewhere, or deleted from the database', async () => {
    const kept = new CookieJar();
    await signIn(api.baseUrl, kept, a.users.otherSupervisor.email, PASSWORD);
    const ended = await remembered(a.users.otherSupervisor.email);
    const NEW_PASSWORD = 'another synthetic passphrase 42';
    expect(
      await trpcClient(other.baseUrl, kept).account.changePassword.mutate({
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
    ).toEqual({ otherSessionsEnded: 1 });
    expect(await me(api.baseUrl, ended)).toEqual(SIGNED_OUT);
    expect(await me(other.baseUrl, ended)).toEqual(SIGNED_OUT);

    const deleted = await remembered(a.users.researcher.email);
    await api.handle.db.deleteFrom('session').where('token', '=', tokenOf(deleted)).execute();
    expect(await me(api.baseUrl, deleted)).toEqual(SIGNED_OUT);
    expect(await me(other.baseUrl, deleted)).toEqual(SIGNED_OUT);
  });

  it('refuses an expired session and slides one that is due for its refresh', async () => {
    const cookie = await remembered(a.users.admin.email);
    const token = tokenOf(cookie);
    const stored = await api.handle.db
      .selectFrom('session')
      .select('expiresAt')
      .where('token', '=', token)
      .executeTakeFirstOrThrow();
    // Written in the shape better-auth stores on this dialect.
    const at = (ms: number) =>
      (typeof stored.expiresAt === 'string'
        ? new Date(ms).toISOString()
        : typeof stored.expiresAt === 'number'
          ? ms
          : new Date(ms)) as typeof stored.expiresAt;
    // Due: better-auth slides a session whose expiry is less than expiresIn - updateAge (6 days) away.
    await api.handle.db
      .updateTable('session')
      .set({ expiresAt: at(Date.now() + 3_600_000) })
      .where('token', '=', token)
      .execute();
    expect(await me(api.baseUrl, cookie)).toEqual(OK);
    const slid = await api.handle.db
      .selectFrom('session')
      .select('expiresAt')
      .where('token', '=', token)
      .executeTakeFirstOrThrow();
    expect(new Date(slid.expiresAt as string).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    await api.handle.db
      .updateTable('session')
      .set({ expiresAt: at(Date.now() - 1000) })
      .where('token', '=', token)
      .execute();
    expect(await me(api.baseUrl, cookie)).toEqual(SIGNED_OUT);
    expect(await me(other.baseUrl, cookie)).toEqual(SIGNED_OUT);
  });

  it('refuses a tampered signature while the genuine cookie is remembered', async () => {
    const cookie = await remembered(a.users.supervisor.email);
    const value = /peerbridge\.session_token=([^;]+)/.exec(cookie)?.[1] ?? '';
    const [token, signature] = decodeURIComponent(value).split('.');
    const flipped = `${signature?.[0] === 'A' ? 'B' : 'A'}${signature?.slice(1)}`;
    const forged = cookie.replace(value, encodeURIComponent(`${token}.${flipped}`));
    expect(forged).not.toBe(cookie);
    expect(await me(api.baseUrl, forged)).toEqual(SIGNED_OUT);
    // The bare token without its signature, or with the genuine cookie's padding changed, is no better.
    expect(await me(api.baseUrl, cookie.replace(value, token ?? ''))).toEqual(SIGNED_OUT);
    expect(await me(api.baseUrl, `${cookie}x`)).toEqual(SIGNED_OUT);
    expect(await me(api.baseUrl, cookie)).toEqual(OK);
  });

  it('refuses a person whose last membership was removed, at once', async () => {
    const cookie = await remembered(b.users.supervisor.email);
    await api.handle.db.deleteFrom('membership').where('user_id', '=', b.users.supervisor.id).execute();
    const refused = { status: 403, code: 'FORBIDDEN' };
    expect(await me(api.baseUrl, cookie)).toEqual(refused);
    expect(await me(other.baseUrl, cookie)).toEqual(refused);
  });
});
