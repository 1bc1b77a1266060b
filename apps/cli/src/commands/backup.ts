/** `peerbridge backup`: SQLite online backup to a new file, verified by opening it (integrity_check). */
import { existsSync } from 'node:fs';
import { backupSqlite, dialectOfUrl, openDatabase } from '@peerbridge/db';
import type { CliContext } from '../context';
import { databaseUrlFor } from '../database/open-database';
import { CliError } from '../errors/cli-error';
import { resolveUserPath } from '../paths/workspace-root';

export interface BackupResult {
  database: string;
  outFile: string;
  totalPages: number;
  integrity: 'ok';
}

export async function backupDatabase(
  options: { db?: string | undefined; out: string },
  ctx: CliContext,
): Promise<BackupResult> {
  const url = databaseUrlFor(options, ctx);
  if (dialectOfUrl(url) === 'postgres') {
    throw new CliError('usage', 'backup copies SQLite databases; for PostgreSQL use pg_dump');
  }
  if (!existsSync(url)) throw new CliError('not_found', `database ${url} does not exist`);
  const outFile = resolveUserPath(ctx.cwd, options.out);
  if (existsSync(outFile))
    throw new CliError('conflict', `${outFile} already exists; choose a new file name`);
  const handle = await openDatabase({ url });
  try {
    const report = await backupSqlite(handle, outFile);
    return {
      database: url,
      outFile: report.outFile,
      totalPages: report.totalPages,
      integrity: report.integrity,
    };
  } finally {
    await handle.destroy();
  }
}

export function renderBackup(result: BackupResult, ctx: CliContext): string {
  return `${ctx.out.green('Backed up')} ${result.database} -> ${result.outFile} (${result.totalPages} pages, integrity ${result.integrity})`;
}
