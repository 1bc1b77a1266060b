/** Process entry: `node dist/main.js [--demo]` reads the environment, starts the server, prints where it runs. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnvError, loadEnv } from './env';
import { createLogger } from './logger';
import { startServer } from './server';

/**
 * The portal's files: apps/web/dist in the repository (this file runs from src/ or dist/), or web/ beside
 * dist/ in a `pnpm bundle` directory. The repository's place when neither holds a build yet.
 */
function findWebDist(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const inRepository = resolve(here, '..', '..', 'web', 'dist');
  const inBundle = resolve(here, '..', 'web');
  if (!existsSync(resolve(inRepository, 'index.html')) && existsSync(resolve(inBundle, 'index.html')))
    return inBundle;
  return inRepository;
}

async function main(): Promise<void> {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(env);
  const demo = process.argv.includes('--demo');
  const webDist = findWebDist();
  const serveWeb = env.nodeEnv === 'production' || existsSync(resolve(webDist, 'index.html'));
  const server = await startServer({ env, logger, seedDemo: demo, webDistDir: webDist });
  logger.info({ url: server.url, portal: serveWeb ? webDist : 'placeholder page' }, 'PeerBridge is running');
  if (demo) {
    const lines = server.signIns.map((s) => `    ${s.role.padEnd(11)} ${s.email.padEnd(34)} ${s.password}`);
    process.stdout.write(
      `\n  PeerBridge is running at ${server.url}\n\n  Demo sign-ins (synthetic data only):\n${lines.join('\n')}\n\n`,
    );
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // Expected start-up failures (port taken, database unreachable) get one readable line, not a stack.
  console.error(error instanceof Error ? `PeerBridge could not start: ${error.message}` : error);
  process.exit(1);
});
