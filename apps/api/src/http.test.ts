/** The HTTP edge through a real server: health checks, security headers, origin check, body limit, sessions, the portal page. */
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, trpcClient } from './test-support/test-server';
import { countRows, type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe.each(testDialects())('http edge on %s', (dialect) => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let a: OrgFixture;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    ({ a } = await seedTwoOrganizations(api.handle));
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${api.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', auditChain: 'intact' } });
  });

  it('sends security headers and a request id', async () => {
    const response = await fetch(`${api.baseUrl}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-request-id')).toMatch(/.+/);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, and refuses a wrong password', async () => {
    const jar = new CookieJar();
    const wrong = await signIn(api.baseUrl, jar, a.users.supervisor.email, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(jar.size).toBe(0);
    const ok = await signIn(api.baseUrl, jar, a.users.supervisor.email, PASSWORD);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('peerbridge.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await trpcClient(api.baseUrl, jar).account.me.query();
    expect(me.user.email).toBe(a.users.supervisor.email);
    expect(me.roles).toEqual(['supervisor']);
  });

  it('refuses sign-up: accounts are made by admins', async () => {
    const response = await fetch(`${api.baseUrl}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'X', email: 'x@example.test', password: 'a-long-password-1' }),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    const user = await api.handle.db
      .selectFrom('user')
      .select('id')
      .where('email', '=', 'x@example.test')
      .executeTakeFirst();
    expect(user).toBeUndefined();
  });

  it('refuses a mutation from a foreign origin and writes nothing', async () => {
    const jar = new CookieJar();
    await signIn(api.baseUrl, jar, a.users.supervisor.email, PASSWORD);
    const before = await countRows(api.handle);
    const response = await fetch(`${api.baseUrl}/trpc/supervision.recordSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie: jar.header() },
      body: JSON.stringify({ workerId: a.workerId, heldOn: new Date().toISOString().slice(0, 10) }),
    });
    expect(response.status).toBe(403);
    expect(await countRows(api.handle)).toEqual(before);
    const sameOrigin = await fetch(`${api.baseUrl}/trpc/supervision.recordSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: api.baseUrl, cookie: jar.header() },
      body: JSON.stringify({
        requestId: crypto.randomUUID(),
        workerId: a.workerId,
        heldOn: new Date().toISOString().slice(0, 10),
        nothingToRecord: true,
      }),
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('signs out: the old cookie no longer works', async () => {
    const jar = new CookieJar();
    await signIn(api.baseUrl, jar, a.users.admin.email, PASSWORD);
    const stale = jar.header();
    const out = await jar.fetch(`${api.baseUrl}/api/auth/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(out.status).toBe(200);
    const response = await fetch(`${api.baseUrl}/trpc/account.me`, { headers: { cookie: stale } });
    expect(response.status).toBe(401);
  });
  // Last: the server closes the connection while the client is still sending.
  it('refuses a request body over the limit', async () => {
    const response = await fetch(`${api.baseUrl}/trpc/supervision.recordSession`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ privateNotes: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });
});
