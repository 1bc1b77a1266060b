/**
 * Test support: the real api on a free port over a fresh migrated database, a cookie jar, sign-in
 * through better-auth's HTTP endpoint, and the real tRPC client.
 */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '@peerbridge/db';
import { createMigratedTestDatabase } from '@peerbridge/db/test-database';
import type { DialectName, TestDatabase } from '@peerbridge/testing';
import type {} from '@peerbridge/testing/global-setup';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { type CreateAppOptions, createApp } from '../app';
import { type Env, parseEnv } from '../env';
import { createLogger } from '../logger';
import type { AppRouter } from '../root';

export interface TestApi {
  baseUrl: string;
  handle: DatabaseHandle;
  close(): Promise<void>;
}

export function testEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({
    NODE_ENV: 'test',
    BETTER_AUTH_SECRET: 'test-secret-test-secret-test-secret-0123',
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT: 'off',
    ...overrides,
  });
}

/** What a test may set on the app: its limits, and the database the app's own thread uses. */
export type TestAppOptions = Pick<CreateAppOptions, 'signInPolicy' | 'analysis' | 'studyUploads'> & {
  /** The app's queries go through this (e.g. `db.withPlugin(recorder)`); `handle` stays unwrapped. */
  wrapDb?: (db: DatabaseHandle['db']) => DatabaseHandle['db'];
};

/** Serves a new app instance over an existing database URL (several instances may share one). */
export async function serveApi(
  url: string,
  envOverrides: Record<string, string> = {},
  appOptions: TestAppOptions = {},
): Promise<TestApi> {
  const env = testEnv({ DATABASE_URL: url, ...envOverrides });
  const handle = await openDatabase({ url, busyTimeoutMs: env.databaseBusyTimeoutMs });
  await migrateToLatest(handle);
  const { wrapDb, ...options } = appOptions;
  const appHandle = wrapDb ? { ...handle, db: wrapDb(handle.db) } : handle;
  const app = createApp({ handle: appHandle, env, logger: createLogger(env), ...options });
  const server = await new Promise<Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as Server));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    handle,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await app.close();
      await handle.destroy();
    },
  };
}

/** A fresh database on `dialect` and one api instance on it. */
export async function startTestApi(
  dialect: DialectName,
  envOverrides: Record<string, string> = {},
  appOptions: TestAppOptions = {},
): Promise<TestApi & { tdb: TestDatabase }> {
  const tdb = await createMigratedTestDatabase(dialect);
  const api = await serveApi(tdb.url, envOverrides, appOptions);
  return {
    ...api,
    tdb,
    async close() {
      await api.close();
      await tdb.drop();
    },
  };
}

/** What our fetch accepts: the standard init, or tRPC's looser one (signal may be undefined). */
type FetchInit = Omit<RequestInit, 'signal' | 'headers'> & {
  signal?: AbortSignal | null | undefined;
  headers?: unknown;
};

/** Keeps the cookies a server sets, and sends them back, like a browser would (minus the rules we do not need). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Sets a cookie the way the portal's own script would. */
  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get size(): number {
    return this.cookies.size;
  }

  /** A fetch that sends and stores this jar's cookies. */
  readonly fetch = async (input: string | URL | Request, init?: FetchInit): Promise<Response> => {
    const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
    if (this.cookies.size > 0) headers.set('cookie', this.header());
    const response = await fetch(input, { ...(init as RequestInit), headers });
    this.store(response);
    return response;
  };
}

/** Signs in through better-auth's endpoint; returns the response so tests can check refusals. */
export async function signIn(
  baseUrl: string,
  jar: CookieJar,
  email: string,
  password: string,
): Promise<Response> {
  return jar.fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

/** The real tRPC client, sending the jar's cookies. */
export function trpcClient(baseUrl: string, jar: CookieJar = new CookieJar()) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${baseUrl}/trpc`, fetch: jar.fetch, maxItems: 10 })],
  });
}

export type TestClient = ReturnType<typeof trpcClient>;
