/**
 * `peerbridge backup`: SQLite online backup to a new file, verified by opening it (integrity_check),
 * with a checkpoint of the audit chain heads beside it (`<out>.audit-checkpoint.json`, ADR 0008), taken
 * just before the copy so that both the copy and the live database must still reach it.
 *
 * Interrupts tell the truth (issue 10): both files are written under temporary names beside the
 * targets and renamed together at the end (one synchronous step, which no signal handler can split).
 * A SIGINT or SIGTERM before that removes the temporary files and exits 130; the source database is
 * only ever read. One after it hears that the backup is complete.
 */
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  backupSqlite,
  dialectOfUrl,
  openDatabase,
  PAGES_PER_STEP,
  removePartialCopy,
  takeAuditCheckpoint,
} from '@peerbridge/db';
import type { CliContext } from '../context';
import { databaseUrlFor } from '../database/open-database';
import { CliError } from '../errors/cli-error';
import { markCommitted, removeIfStoppedAtOnce, stoppingSafely } from '../interrupts';
import { resolveUserPath } from '../paths/workspace-root';
import { safePoints } from '../safe-points';

/** The phases an interrupt can hit, in order; `done` is after the rename. */
export type BackupPhase = 'checkpoint' | 'copying' | 'verified' | 'checkpoint-written' | 'done';

/** A temporary name beside `file`, so the final rename stays on one file system. */
function tempBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
}

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
  if (!existsSync(dirname(outFile)))
    throw new CliError('not_found', `the folder ${dirname(outFile)} does not exist`, {
      location: { file: outFile },
    });
  const points = safePoints<BackupPhase>(
    ctx,
    (signal, phase) =>
      `interrupted (${signal}) at ${phase}: the partial backup was removed, nothing was written to ${outFile} or ${checkpointFile}; the database ${url} was only read and is unchanged`,
  );
  const tempOut = tempBeside(outFile);
  const tempCheckpoint = tempBeside(checkpointFile);
  const forget = [`${tempOut}-journal`, tempOut, tempCheckpoint].map(removeIfStoppedAtOnce);
  const handle = await openDatabase({ url });
  try {
    return await stoppingSafely(async () => {
      const checkpoint = await takeAuditCheckpoint(handle.db);
      await points.reached('checkpoint');
      const report = await backupSqlite(handle, tempOut, {
        progress: ({ totalPages, remainingPages }) => {
          points.check('copying');
          // Under the test hook: one page first, then hold with a partial copy on disk.
          if (ctx.env.testPauseAt === 'copying' && totalPages === remainingPages) return 1;
          return points.holding('copying') ? 0 : PAGES_PER_STEP;
        },
      });
      await points.reached('verified');
      writeFileSync(tempCheckpoint, `${JSON.stringify(checkpoint, null, 2)}\n`, { flag: 'wx' });
      await points.reached('checkpoint-written');
      // The commit: both renames in one synchronous step (a signal is handled before or after it).
      if (existsSync(outFile) || existsSync(checkpointFile))
        throw new CliError(
          'conflict',
          `${outFile} or ${checkpointFile} appeared during the backup; nothing was written`,
        );
      renameSync(tempCheckpoint, checkpointFile);
      try {
        renameSync(tempOut, outFile);
      } catch (error) {
        rmSync(checkpointFile, { force: true });
        throw error;
      }
      markCommitted();
      await points.pause('done');
      return {
        database: url,
        outFile,
        totalPages: report.totalPages,
        integrity: report.integrity,
        checkpointFile,
        checkpointChains: checkpoint.chains.length,
      };
    });
  } finally {
    for (const done of forget) done();
    removePartialCopy(tempOut);
    rmSync(tempCheckpoint, { force: true });
    await handle.destroy();
  }
}

export function renderBackup(result: BackupResult, ctx: CliContext): string {
  return `${ctx.out.green('Backed up')} ${result.database} -> ${result.outFile} (${result.totalPages} pages, integrity ${result.integrity}); audit checkpoint of ${result.checkpointChains} chain(s) in ${result.checkpointFile}`;
}
