/** `peerbridge migrate`: apply pending migrations and say which ran. */
import { migrateToLatest, openDatabase, redactUrl } from '@peerbridge/db';
import type { CliContext } from '../context';
import { databaseUrlFor } from '../database/open-database';

export interface MigrateResult {
  database: string;
  applied: string[];
  known: number;
}

export async function migrateDatabase(
  options: { db?: string | undefined },
  ctx: CliContext,
): Promise<MigrateResult> {
  const url = databaseUrlFor(options, ctx);
  const handle = await openDatabase({ url });
  try {
    const report = await migrateToLatest(handle);
    return { database: redactUrl(url), applied: report.applied, known: report.known.length };
  } finally {
    await handle.destroy();
  }
}

export function renderMigrate(result: MigrateResult, ctx: CliContext): string {
  if (result.applied.length === 0) return `${result.database}: up to date (${result.known} migrations)`;
  return [
    `${ctx.out.green('Migrated')} ${result.database}:`,
    ...result.applied.map((name) => `  applied ${name}`),
  ].join('\n');
}
