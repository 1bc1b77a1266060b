/**
 * The real API with the demo organisation for component tests: `apps/api/src/main.ts --demo` in a child
 * process (happy-dom replaces fetch, Request and Response in the test's own globals, which the server
 * needs as Node has them) on a free port over a fresh SQLite file, and a tRPC client that talks to it
 * through node:http with the signed-in user's cookies, as the portal does in a browser.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AppRouter } from '@peerbridge/api';
import { createTRPCClient, httpBatchLink } from '@trpc/client';

const apiRoot = resolve(import.meta.dirname, '../../api');

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<RawResponse> {
  return new Promise((resolveResponse, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolveResponse({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface DemoApi {
  url: string;
  /** Signs in through better-auth's endpoint and returns a tRPC client carrying that session. */
  clientFor(who: {
    email: string;
    password: string;
  }): Promise<ReturnType<typeof createTRPCClient<AppRouter>>>;
  stop(): Promise<void>;
}

/** Starts the API with the demo seed; resolves once it prints where it runs. */
export async function startDemoApi(): Promise<DemoApi> {
  const work = await mkdtemp(join(tmpdir(), 'peerbridge-web-api-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--demo'], {
    cwd: apiRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: join(work, 'demo.db'),
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolveUrl(match[1] as string);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.once('exit', (code) => reject(new Error(`the api exited with ${code} before it ran: ${err}`)));
  });

  async function clientFor(who: { email: string; password: string }) {
    const signIn = await send(
      `${url}/api/auth/sign-in/email`,
      'POST',
      { 'content-type': 'application/json' },
      JSON.stringify(who),
    );
    if (signIn.status !== 200) throw new Error(`sign-in of ${who.email} failed: ${signIn.status}`);
    const setCookie = signIn.headers['set-cookie'] ?? [];
    const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie])
      .map((c) => c.split(';')[0])
      .join('; ');
    return createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${url}/trpc`,
          maxItems: 10,
          fetch: async (input, init) => {
            const headers: Record<string, string> = { cookie };
            new Headers(init?.headers as HeadersInit).forEach((value, key) => {
              headers[key] = value;
            });
            const body = typeof init?.body === 'string' ? init.body : undefined;
            const res = await send(String(input), init?.method ?? 'GET', headers, body);
            return new Response(res.body, {
              status: res.status,
              headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
            });
          },
        }),
      ],
    });
  }

  return {
    url,
    clientFor,
    async stop() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      await rm(work, { recursive: true, force: true });
    },
  };
}
