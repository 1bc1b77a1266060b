/** Opening the application database for one command: resolve the URL, migrate, run, always close. */
import { existsSync } from 'node:fs';
import { type DatabaseHandle, dialectOfUrl, migrateToLatest, openDatabase } from '@peerbridge/db';
import type { CliContext } from '../context';
import { resolveDatabaseUrl } from '../paths/workspace-root';

export interface DatabaseOptions {
  /** `--db`; falls back to DATABASE_URL, then data/peerbridge.db at the workspace root. */
  readonly db?: string | undefined;
}

/** The URL a command will use, for messages and reports (passwords hidden). */
export function databaseUrlFor(options: DatabaseOptions, ctx: CliContext): string {
  return resolveDatabaseUrl(options.db, ctx.env.databaseUrl, ctx.cwd);
}

/** True when the database is a SQLite file that does not exist yet (opening it would create it). */
export function databaseFileMissing(options: DatabaseOptions, ctx: CliContext): boolean {
  const url = databaseUrlFor(options, ctx);
  return dialectOfUrl(url) === 'sqlite' && url !== ':memory:' && !existsSync(url);
}

/**
 * Open the database, bring its schema up to date (as the API does at start), run `work`, close.
 * Migrating here means a researcher's first `import` works on a fresh checkout.
 */
export async function withDatabase<T>(
  options: DatabaseOptions,
  ctx: CliContext,
  work: (handle: DatabaseHandle) => Promise<T>,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<T> {
  const handle = await openDatabase({ url: databaseUrlFor(options, ctx) });
  try {
    if (migrate) await migrateToLatest(handle);
    return await work(handle);
  } finally {
    await handle.destroy();
  }
}
