/** The process runner: migrate + seed on start (idempotent), the portal or its placeholder, graceful stop. */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@peerbridge/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { startServer } from './server';
import { testEnv } from './test-support/test-server';

const dir = mkdtempSync(join(tmpdir(), 'peerbridge-server-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startServer', () => {
  it('migrates and seeds the demo once, shows the placeholder page with the demo sign-ins, and stops cleanly', async () => {
    const env = testEnv({ DATABASE_URL: join(dir, 'demo.db'), PORT: '0' });
    const noPortal = join(dir, 'no-portal');
    const first = await startServer({ env, logger: createLogger(env), seedDemo: true, webDistDir: noPortal });
    const page = await (await fetch(`${first.url}/`)).text();
    expect(page).toContain('portal is coming');
    expect(page).toContain('tomas@demo.peerbridge.test');
    await first.stop();
    // A start refreshes stored assessments that are not of today (ADR 0026): drop them all behind its back.
    const before = await openDatabase({ url: env.databaseUrl });
    const seeded = (await before.db.selectFrom('worker_assessment').select('as_of').execute()).length;
    await before.db.deleteFrom('worker_assessment').execute();
    await before.destroy();
    expect(seeded).toBeGreaterThan(0);

    const second = await startServer({
      env,
      logger: createLogger(env),
      seedDemo: true,
      webDistDir: noPortal,
    });
    expect(second.signIns.map((s) => s.email)).toContain('admin@demo.peerbridge.test');
    await second.stop();
    const handle = await openDatabase({ url: env.databaseUrl });
    const orgs = await handle.db.selectFrom('organization').select(['is_demo']).execute();
    const stored = await handle.db.selectFrom('worker_assessment').select('as_of').execute();
    await handle.destroy();
    expect(orgs).toEqual([{ is_demo: 1 }]);
    expect(stored.map((r) => r.as_of)).toEqual(Array(seeded).fill(new Date().toISOString().slice(0, 10)));
  });

  it('serves the built portal with an SPA fallback, but not for api paths', async () => {
    const dist = join(dir, 'web-dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const env = testEnv({ DATABASE_URL: join(dir, 'portal.db'), PORT: '0' });
    const server = await startServer({ env, logger: createLogger(env), webDistDir: dist });
    try {
      const asset = await fetch(`${server.url}/assets/app.js`);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      expect(asset.headers.get('cache-control')).toMatch(/immutable/);
      expect(await (await fetch(`${server.url}/caseload/123`)).text()).toContain('<title>portal</title>');
      expect((await fetch(`${server.url}/api/nothing-here`)).status).toBe(404);
      expect((await fetch(`${server.url}/..%2f..%2fportal.db`)).headers.get('content-type')).toMatch(/html/);
    } finally {
      await server.stop();
    }
  });

  it('finishes a request in flight before it stops', async () => {
    const env = testEnv({ DATABASE_URL: join(dir, 'graceful.db'), PORT: '0' });
    const server = await startServer({ env, logger: createLogger(env) });
    const body = JSON.stringify({ email: 'nobody@example.test', password: 'wrong-password-1' });
    // Headers now, body later: the request is in flight when the stop begins.
    const request = http.request(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    const status = new Promise<number>((resolve, reject) => {
      request.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    request.flushHeaders();
    await new Promise((r) => setTimeout(r, 200));
    const stopped = server.stop();
    request.end(body);
    expect(await status).toBe(401);
    await stopped;
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
  });
});
