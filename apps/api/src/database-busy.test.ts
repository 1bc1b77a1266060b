/**
 * Write lock contention past the busy timeout (ADR 0014): another process holds SQLite's write lock,
 * and the api answers 503 with Retry-After (never 500), writes nothing, and serves the retry.
 */
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar, signIn, startTestApi, type TestApi } from './test-support/test-server';
import { type OrgFixture, PASSWORD, seedTwoOrganizations } from './test-support/two-organizations';

describe('the api when another process holds the SQLite write lock', () => {
  let api: TestApi & { tdb: { url: string } };
  let a: OrgFixture;
  let other: Database.Database;
  const jar = new CookieJar();
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    api = await startTestApi('sqlite', { DATABASE_BUSY_TIMEOUT_MS: '150' });
    ({ a } = await seedTwoOrganizations(api.handle));
    expect((await signIn(api.baseUrl, jar, a.users.supervisor.email, PASSWORD)).status).toBe(200);
    // The caseload is read while it is open (ADR 0009); opening it is a write, so it comes first.
    const opened = await jar.fetch(`${api.baseUrl}/trpc/supervision.openCaseload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(opened.status).toBe(200);
    // A second process's connection, as the CLI beside the api would have.
    other = new Database(api.tdb.url);
  });
  afterAll(async () => {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
    await api.close();
  });

  const record = (value: number) =>
    jar.fetch(`${api.baseUrl}/trpc/supervision.recordObservations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        requestId: randomUUID(),
        workerId: a.workerId,
        observations: [{ indicator: 'exhaustion', value, observedAt: today, source: 'supervision' }],
      }),
    });
  const countObservations = () =>
    (other.prepare('select count(*) as n from observation').get() as { n: number }).n;

  it('answers a write 503 with Retry-After, keeps reads working, and writes nothing', async () => {
    const before = countObservations();
    other.exec('BEGIN IMMEDIATE');
    try {
      const refused = await record(3);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('1');
      const body = (await refused.json()) as { error: { message: string; data: { code: string } } };
      expect(body.error.data.code).toBe('SERVICE_UNAVAILABLE');
      expect(body.error.message).toMatch(/busy.*retry/i);
      // Readers are not blocked by a writer (WAL).
      const read = await jar.fetch(
        `${api.baseUrl}/trpc/supervision.caseload?input=${encodeURIComponent(JSON.stringify({ asOf: today }))}`,
      );
      expect(read.status).toBe(200);
    } finally {
      other.exec('ROLLBACK');
    }
    expect(countObservations()).toBe(before);
    const retried = await record(3);
    expect(retried.status).toBe(200);
    expect(countObservations()).toBe(before + 1);
  });

  it('answers a sign-in 503 with Retry-After while the lock is held, and signs in after', async () => {
    other.exec('BEGIN IMMEDIATE');
    let status: number;
    let retryAfter: string | null;
    try {
      const refused = await signIn(api.baseUrl, new CookieJar(), a.users.admin.email, PASSWORD);
      status = refused.status;
      retryAfter = refused.headers.get('retry-after');
    } finally {
      other.exec('ROLLBACK');
    }
    expect(status).toBe(503);
    expect(retryAfter).toBe('1');
    expect((await signIn(api.baseUrl, new CookieJar(), a.users.admin.email, PASSWORD)).status).toBe(200);
  });
});
