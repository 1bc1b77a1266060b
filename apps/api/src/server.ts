/**
 * Runs the api as a process: open and migrate the database, optionally seed the demo organisation,
 * serve on one port, and shut down gracefully on SIGTERM/SIGINT (finish in-flight requests, close the db).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  currentRole,
  type DatabaseHandle,
  grantAppPrivileges,
  migrateToLatest,
  openDatabase,
  ownsAuditTable,
  redactUrl,
} from '@peerbridge/db';
import { type DemoSignIn, seedDemo } from '@peerbridge/services';
import { createApp } from './app';
import type { Env } from './env';
import { refreshAssessmentsNow, startAssessmentRefresh } from './http/assessment-refresh';
import { createAuditIntegrity } from './http/audit-integrity';
import { runNotificationsNow, startNotificationSchedule } from './http/digest';
import { publishSnapshotsNow, startSnapshotPublishing } from './http/snapshot-publishing';
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

/**
 * Migrates with the owner role when MIGRATION_DATABASE_URL is set (and grants the app role its
 * privileges afterwards), else with the app's own connection. Warns when the app role owns the audit log.
 */
async function migrateAsOwner(handle: DatabaseHandle, env: Env, logger: Logger) {
  if (env.migrationDatabaseUrl === null || handle.dialect !== 'postgres') {
    if (env.migrationDatabaseUrl !== null)
      logger.warn('MIGRATION_DATABASE_URL is ignored: the database is SQLite');
    const report = await migrateToLatest(handle);
    if (await ownsAuditTable(handle.db))
      logger.warn(
        'the api connects as the owner of audit_event, so it could disable its triggers: set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to an app role (docs/deploying.md)',
      );
    return report;
  }
  const owner = await openDatabase({ url: env.migrationDatabaseUrl });
  try {
    const report = await migrateToLatest(owner);
    const appRole = await currentRole(handle.db);
    if (appRole === (await currentRole(owner.db)))
      throw new Error(
        'MIGRATION_DATABASE_URL and DATABASE_URL connect as the same role: give the api its own role',
      );
    await grantAppPrivileges(owner.db, appRole);
    logger.info({ appRole }, 'migrated as the owner role; granted the app role its privileges');
    return report;
  } finally {
    await owner.destroy();
  }
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { env, logger } = options;
  for (const warning of env.warnings) logger.warn(warning);
  const handle = await openDatabase({ url: env.databaseUrl, busyTimeoutMs: env.databaseBusyTimeoutMs });
  let migration: Awaited<ReturnType<typeof migrateToLatest>>;
  try {
    migration = await migrateAsOwner(handle, env, logger);
  } catch (error) {
    await handle.destroy();
    throw error;
  }
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
  await publishSnapshotsNow(handle.db, logger).catch((error: unknown) =>
    logger.warn({ err: error }, 'publishing team snapshots failed; retrying within the hour'),
  );
  const stopSnapshots = startSnapshotPublishing(handle.db, logger);
  await refreshAssessmentsNow(handle.db, logger).catch((error: unknown) =>
    logger.warn(
      { err: error },
      'refreshing stored assessments failed; reads compute them until the next run',
    ),
  );
  const stopAssessments = startAssessmentRefresh(handle.db, logger);
  const digest = env.digest === null ? null : { ...env.digest, publicUrl: env.publicUrl };
  await runNotificationsNow(handle.db, digest, logger).catch((error: unknown) =>
    logger.warn({ err: error }, 'the notification run failed; retrying within the hour'),
  );
  const stopNotifications = startNotificationSchedule(handle.db, digest, logger);
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
        stopSnapshots();
        stopAssessments();
        stopNotifications();
        await app.close().catch(() => undefined);
        await auditIntegrity.logCheckpoint().catch(() => undefined);
        await handle.destroy();
      })();
      return stopping;
    },
  };
}
