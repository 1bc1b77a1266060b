/**
 * `peerbridge backup`: SQLite online backup to a new file, verified by opening it (integrity_check),
 * with a checkpoint of the audit chain heads beside it (`<out>.audit-checkpoint.json`, ADR 0008), taken
 * just before the copy so that both the copy and the live database must still reach it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { backupSqlite, dialectOfUrl, openDatabase, takeAuditCheckpoint } from '@peerbridge/db';
import type { CliContext } from '../context';
import { databaseUrlFor } from '../database/open-database';
import { CliError } from '../errors/cli-error';
import { resolveUserPath } from '../paths/workspace-root';

export interface BackupResult {
  database: string;
  outFile: string;
  totalPages: number;
  integrity: 'ok';
  /** The audit checkpoint written beside the backup, for `audit verify --checkpoint`. */
  checkpointFile: string;
  checkpointChains: number;
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
  const checkpointFile = `${outFile}.audit-checkpoint.json`;
  if (existsSync(checkpointFile))
    throw new CliError('conflict', `${checkpointFile} already exists; choose a new file name`);
  const handle = await openDatabase({ url });
  try {
    const checkpoint = await takeAuditCheckpoint(handle.db);
    const report = await backupSqlite(handle, outFile);
    writeFileSync(checkpointFile, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx' });
    return {
      database: url,
      outFile: report.outFile,
      totalPages: report.totalPages,
      integrity: report.integrity,
      checkpointFile,
      checkpointChains: checkpoint.chains.length,
    };
  } finally {
    await handle.destroy();
  }
}

export function renderBackup(result: BackupResult, ctx: CliContext): string {
  return `${ctx.out.green('Backed up')} ${result.database} -> ${result.outFile} (${result.totalPages} pages, integrity ${result.integrity}); audit checkpoint of ${result.checkpointChains} chain(s) in ${result.checkpointFile}`;
}
