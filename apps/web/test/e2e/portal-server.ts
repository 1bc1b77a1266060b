/**
 * The real product for end-to-end tests: the portal built with Vite into a temporary folder, served by
 * the real API (apps/api `startServer`) on a free loopback port with a fresh SQLite file and the demo seed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLogger, parseEnv, type RunningServer, startServer } from '@peerbridge/api';
import { build } from 'vite';
import { inject } from 'vitest';
import type {} from './global-setup';

const webRoot = resolve(import.meta.dirname, '../..');

export interface PortalServer {
  url: string;
  /** The SQLite file the API runs on (tests may add data with the CLI). */
  databaseUrl: string;
  /** A scratch folder removed by `stop`. */
  workDir: string;
  server: RunningServer;
  stop(): Promise<void>;
}

/** A port the OS says is free right now (the API needs it up front for its public URL and cookies). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** Builds the portal into `outDir` (production build, the same one `pnpm build` makes). */
export async function buildPortal(outDir: string, options: { manifest?: boolean } = {}): Promise<void> {
  await build({
    root: webRoot,
    configFile: join(webRoot, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, manifest: options.manifest ?? false },
  });
}

/**
 * Starts the API with the demo organisation, serving the portal built in `distDir` (in an e2e run, the
 * one the project's global setup built); `stop` removes everything it made.
 */
export async function startPortal(options: { distDir?: string } = {}): Promise<PortalServer> {
  const work = await mkdtemp(join(tmpdir(), 'peerbridge-web-e2e-'));
  const distDir = options.distDir ?? inject('portalDistDir');
  const port = await freePort();
  const env = parseEnv({
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: join(work, 'e2e.db'),
    LOG_LEVEL: 'silent',
    AUTH_RATE_LIMIT: 'off',
  });
  const server = await startServer({ env, logger: createLogger(env), seedDemo: true, webDistDir: distDir });
  return {
    url: server.url,
    databaseUrl: env.databaseUrl,
    workDir: work,
    server,
    async stop() {
      await server.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
}
