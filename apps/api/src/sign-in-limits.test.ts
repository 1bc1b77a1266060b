/**
 * The sign-in limits of ADR 0023 over real HTTP on both dialects: a ward's staff signing in correctly
 * from one shared address are never refused; one attacked account backs off (1 s, 2 s ...), refuses even
 * the right password with 429 until the wait ends, and a success clears it; an address is held only
 * after many failures; the 429 reads the same for an account that does not exist; and in production a
 * sign-in without an Origin header is refused.
 */
import { DEFAULT_SIGN_IN_POLICY, insertUserWithPassword } from '@peerbridge/services';
import { testDialects } from '@peerbridge/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, startTestApi } from './test-support/test-server';

const PASSWORD = 'ward-colleague-passphrase-7';
const ORG = 'org-ward';

type Api = Awaited<ReturnType<typeof startTestApi>>;

async function seedWard(api: Api, people: number): Promise<string[]> {
  const now = new Date().toISOString();
  await api.handle.db
    .insertInto('organization')
    .values({ id: ORG, name: 'Synthetic Ward', created_at: now })
    .execute();
  const emails: string[] = [];
  for (let i = 0; i < people; i++) {
    const email = `colleague${i}@ward.example.test`;
    await insertUserWithPassword(api.handle.db, ORG, {
      name: `Colleague ${i}`,
      email,
      password: PASSWORD,
      roles: ['supervisor'],
    });
    emails.push(email);
  }
  return emails;
}

/** A sign-in as a browser on `address` sends it (the api trusts x-forwarded-for in these tests). */
function signInFrom(api: Api, address: string, email: string, password: string): Promise<Response> {
  return new CookieJar().fetch(`${api.baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WARD = '10.20.30.40';

describe.each(testDialects())('sign-in limits on %s', (dialect) => {
  let api: Api;
  let staff: string[];

  beforeAll(async () => {
    api = await startTestApi(dialect, { AUTH_RATE_LIMIT: 'on', CLIENT_IP_HEADER: 'x-forwarded-for' });
    staff = await seedWard(api, 30);
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('lets 30 colleagues on one address sign in correctly within a minute, some after a typo', async () => {
    const started = Date.now();
    const statuses: number[] = [];
    for (const [i, email] of staff.entries()) {
      if (i % 6 === 0)
        expect((await signInFrom(api, WARD, email, 'a typo in the passphrase')).status).toBe(401);
      const response = await signInFrom(api, WARD, email, PASSWORD);
      statuses.push(response.status);
      if (response.status === 200) expect(response.headers.getSetCookie().length).toBeGreaterThan(0);
    }
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(statuses).toEqual(staff.map(() => 200));
  }, 60_000);

  it('backs one attacked account off, refuses even the right password until the wait ends, and a success clears it', async () => {
    const victim = staff[1] as string;
    const attacker = '198.51.100.7';
    const wrong = [];
    for (let i = 0; i < 5; i++)
      wrong.push((await signInFrom(api, attacker, victim, `guess number ${i}`)).status);
    expect(wrong).toEqual([401, 401, 401, 401, 401]);

    // The owner, from the ward, right password, during the 1 s back-off: refused, and not counted.
    const held = await signInFrom(api, WARD, victim, PASSWORD);
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('1');
    const body = (await held.json()) as { code: string; message: string };
    expect(body.code).toBe('TOO_MANY_FAILED_SIGN_INS');
    expect(body.message).toBe('Too many failed sign-ins. Try again in 1 second.');
    expect(held.headers.getSetCookie()).toEqual([]);

    await sleep(1100);
    expect((await signInFrom(api, attacker, victim, 'guess number 5')).status).toBe(401);
    const longer = await signInFrom(api, WARD, victim, PASSWORD);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');

    await sleep(2100);
    expect((await signInFrom(api, WARD, victim, PASSWORD)).status).toBe(200);
    // Cleared: five more failures before any back-off again.
    for (let i = 0; i < 5; i++)
      expect((await signInFrom(api, attacker, victim, `again ${i}`)).status).toBe(401);
    expect((await signInFrom(api, attacker, victim, 'again 5')).status).toBe(429);
    // Other accounts on the same address are untouched by this one's back-off.
    expect((await signInFrom(api, WARD, staff[2] as string, PASSWORD)).status).toBe(200);
  }, 30_000);

  it('answers an account that does not exist exactly as one that does', async () => {
    const attacker = '198.51.100.8';
    // Each account's sixth try follows its own fifth failure at once, so the 1 s back-off is still
    // running whatever the machine's load (an interleaved order let it expire on a busy CI).
    const attack = async (email: string) => {
      const failures: Array<[number, string]> = [];
      for (let i = 0; i < 5; i++) {
        const r = await signInFrom(api, attacker, email, `g${i}-guess`);
        failures.push([r.status, await r.text()]);
      }
      const held = await signInFrom(api, attacker, email, 'x'.repeat(12));
      return { failures, held: [held.status, held.headers.get('retry-after'), await held.text()] };
    };
    const ghost = await attack('nobody-here@ward.example.test');
    const real = await attack(staff[3] as string);
    expect(ghost.failures.map(([status]) => status)).toEqual([401, 401, 401, 401, 401]);
    expect(ghost.failures).toEqual(real.failures);
    expect(ghost.held[0]).toBe(429);
    expect(ghost.held).toEqual(real.held);
  });

  it('counts failures in the database: the counters hold keys, never the e-mail or the address', async () => {
    const rows = await api.handle.db.selectFrom('sign_in_failure').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.key).toMatch(/^(account|address):[0-9a-f]{64}$/);
    }
  });
});

describe.each(testDialects())('the address limit on %s', (dialect) => {
  let api: Api;
  let staff: string[];
  const limit = 20;

  beforeAll(async () => {
    api = await startTestApi(
      dialect,
      { AUTH_RATE_LIMIT: 'on', CLIENT_IP_HEADER: 'x-forwarded-for' },
      { signInPolicy: { ...DEFAULT_SIGN_IN_POLICY, addressMaxFailures: limit } },
    );
    staff = await seedWard(api, 1);
  });
  afterAll(async () => {
    await api.close();
  });

  it('holds an address after many failures on many accounts, and only that address', async () => {
    const sprayer = '203.0.113.9';
    const statuses = [];
    for (let i = 0; i < limit; i++)
      statuses.push((await signInFrom(api, sprayer, `spray${i}@ward.example.test`, 'Winter2026!')).status);
    expect(statuses).toEqual(statuses.map(() => 401));
    const held = await signInFrom(api, sprayer, staff[0] as string, PASSWORD);
    expect(held.status).toBe(429);
    const wait = Number(held.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(((await held.json()) as { message: string }).message).toBe(
      'Too many failed sign-ins. Try again in 15 minutes.',
    );
    expect((await signInFrom(api, WARD, staff[0] as string, PASSWORD)).status).toBe(200);
    // Each failed sign-in hashes with scrypt (unknown accounts too): a wide guard against a hang, not a timing.
  }, 120_000);

  it('uses 100 failures in 15 minutes per address by default', () => {
    expect(DEFAULT_SIGN_IN_POLICY.addressMaxFailures).toBe(100);
    expect(DEFAULT_SIGN_IN_POLICY.addressWindowSeconds).toBe(900);
  });
});

describe.each(testDialects())('sign-in in production on %s', (dialect) => {
  let api: Api;
  let staff: string[];

  beforeAll(async () => {
    api = await startTestApi(dialect, {
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://peerbridge.example.test',
    });
    staff = await seedWard(api, 1);
  });
  afterAll(async () => {
    await api.close();
  });

  const post = (headers: Record<string, string>) =>
    fetch(`${api.baseUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ email: staff[0], password: PASSWORD }),
    });

  it('refuses a sign-in without an Origin header, and accepts one from the public origin', async () => {
    const bare = await post({});
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { error: { message: string } }).error.message).toMatch(/Origin header/);
    expect((await post({ origin: 'https://elsewhere.example.test' })).status).toBe(403);
    expect((await post({ origin: 'https://peerbridge.example.test' })).status).toBe(200);
  });
});
