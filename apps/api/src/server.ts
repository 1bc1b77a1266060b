/**
 * Runs the api as a process: open and migrate the database, optionally seed the demo organisation,
 * serve on one port, and shut down gracefully on SIGTERM/SIGINT (finish in-flight requests, close the db).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { migrateToLatest, openDatabase, redactUrl } from '@peerbridge/db';
import { type DemoSignIn, seedDemo } from '@peerbridge/services';
import { createApp } from './app';
import type { Env } from './env';
import { createAuditIntegrity } from './http/audit-integrity';
import type { Logger } from './logger';

/** How long shutdown waits for in-flight requests before closing connections anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  url: string;
  port: number;
  signIns: DemoSignIn[];
  stop(): Promise<void>;
}

export interface StartServerOptions {
  env: Env;
  logger: Logger;
  /** Seed the synthetic demo organisation if the database is empty (never touches real data). */
  seedDemo?: boolean;
  webDistDir?: string;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { env, logger } = options;
  for (const warning of env.warnings) logger.warn(warning);
  const handle = await openDatabase({ url: env.databaseUrl });
  const migration = await migrateToLatest(handle);
  logger.info(
    { database: redactUrl(env.databaseUrl), dialect: handle.dialect, applied: migration.applied },
    'database ready',
  );
  const auditIntegrity = createAuditIntegrity(handle.db, logger);
  try {
    await auditIntegrity.checkAtStart();
  } catch (error) {
    await handle.destroy();
    throw error;
  }
  let signIns: DemoSignIn[] = [];
  if (options.seedDemo) {
    const report = await seedDemo(handle.db);
    signIns = report.signIns;
    logger.info(
      { status: report.status, workers: report.workers, observations: report.observations },
      'demo organisation',
    );
  }
  const app = createApp({
    handle,
    env,
    logger,
    ...(options.webDistDir !== undefined ? { webDistDir: options.webDistDir } : {}),
    demoSignIns: signIns,
    auditIntegrity,
  });
  await auditIntegrity.logCheckpoint();
  const stopCheckpoints = auditIntegrity.startCheckpoints();
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, () => resolve(s as Server));
      s.once('error', reject);
    });
  } catch (error) {
    await handle.destroy();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(`Port ${env.port} on ${env.host} is already in use: set PORT to a free port.`);
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = env.port === port ? env.publicUrl : env.publicUrl.replace(/:\d+$/, `:${port}`);
  let stopping: Promise<void> | null = null;
  return {
    url,
    port,
    signIns,
    stop() {
      stopping ??= (async () => {
        // Stop accepting, let in-flight requests finish, then drop idle keep-alive sockets.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        await closed;
        clearTimeout(timer);
        stopCheckpoints();
        await auditIntegrity.logCheckpoint().catch(() => undefined);
        await handle.destroy();
      })();
      return stopping;
    },
  };
}
