/**
 * `peerbridge import`: a REFI-QDA project, a CSV table or a PeerBridge JSON export into a study, in
 * one transaction (all or nothing). The same file again (same sha256) is a reported no-op, and
 * `--dry-run` reports what would be written without writing.
 */

import { basename } from 'node:path';
import {
  type ImportStudyInput,
  type ImportStudyReport,
  importStudy,
  previewStudyFile,
  resolveOperatorActor,
} from '@peerbridge/services';
import { type CsvKind, readMappingFile } from '@peerbridge/study-formats';
import type { CliContext } from '../context';
import { databaseFileMissing, withDatabase } from '../database/open-database';
import { CliError } from '../errors/cli-error';
import { readKeyFile } from '../exporting/key-file';
import { renderPseudonymization } from '../exporting/render-pseudonymization';
import { interruptibleProgress, interruptRequested, stoppingSafely } from '../interrupts';
import { heapBoundedProgress } from '../memory/heap-bound';
import { createProgress } from '../output/progress';
import { resolveUserPath } from '../paths/workspace-root';
import { remoteImport } from '../remote/remote-research';
import type { RemoteTarget } from '../remote/server-client';

export interface ImportOptions {
  db?: string | undefined;
  file: string;
  study: string;
  mapping?: string | undefined;
  dryRun: boolean;
  kind?: CsvKind | undefined;
  org?: string | undefined;
  /** --owner: the member the import acts as (default: the study's owner, else the first researcher or admin). */
  owner?: string | undefined;
  /** --pseudonymize: names become keyed pseudonyms before anything is written (needs keyFile). */
  pseudonymize?: boolean | undefined;
  keyFile?: string | undefined;
  /** --timings: where the time went, in the report. */
  timings?: boolean | undefined;
  /** --coder-from: whose user a REFI-QDA coded selection is credited to first (default: the coding's). */
  coderFrom?: 'coding' | 'selection' | undefined;
}

export interface ImportReport extends ImportStudyReport {
  file: string;
  seconds: number;
  segmentsPerSecond: number;
}

export async function importFile(
  options: ImportOptions,
  ctx: CliContext,
  remote: RemoteTarget | null = null,
): Promise<ImportReport> {
  const startedAt = performance.now();
  if (options.pseudonymize && options.keyFile === undefined) {
    throw new CliError('usage', '--pseudonymize needs --key-file <file> holding the key');
  }
  if (options.keyFile !== undefined && !options.pseudonymize) {
    throw new CliError('usage', '--key-file is only read with --pseudonymize');
  }
  // Read the key first: a missing or short key file fails before the project is read.
  const pseudonymKey =
    options.pseudonymize && options.keyFile !== undefined
      ? await readKeyFile(resolveUserPath(ctx.cwd, options.keyFile))
      : null;
  const file = resolveUserPath(ctx.cwd, options.file);
  const input: ImportStudyInput = {
    file,
    study: options.study,
    mapping:
      options.mapping === undefined
        ? undefined
        : await readMappingFile(resolveUserPath(ctx.cwd, options.mapping)),
    kind: options.kind,
    dryRun: options.dryRun,
    via: 'cli',
    pseudonymKey,
    timings: options.timings === true,
    coderFrom: options.coderFrom,
  };
  // The heap bound sits outside the interrupt check, so it sees every step the import reports (ADR 0028).
  const progress = heapBoundedProgress(
    interruptibleProgress(createProgress(ctx.progress, ctx.stderr, ctx.err)),
  );
  const finish = (result: ImportStudyReport): ImportReport => {
    const seconds = (performance.now() - startedAt) / 1000;
    return {
      ...result,
      file,
      seconds: Math.round(seconds * 1000) / 1000,
      segmentsPerSecond:
        seconds > 0 && result.status !== 'already_imported'
          ? Math.round(result.counts.coded_segment / seconds)
          : 0,
    };
  };
  if (remote !== null) {
    // On a server: the file streams up (the bar shows the bytes sent); the server imports it as its owner.
    if (options.owner !== undefined || options.org !== undefined)
      throw new CliError(
        'usage',
        '--owner and --org apply to a database; on a server the token says who you are',
      );
    return finish(await remoteImport(remote, input, progress));
  }
  // A dry run must not create the database file either: with no database there is nothing to compare with.
  if (options.dryRun && databaseFileMissing(options, ctx)) {
    return finish(await previewStudyFile(input, progress));
  }
  return withDatabase(
    options,
    ctx,
    async ({ db }) => {
      const actor = await resolveOperatorActor(db, {
        org: options.org,
        as: options.owner,
        study: options.study,
      });
      const result = await stoppingSafely(() => importStudy(db, actor, input, progress));
      const signal = interruptRequested();
      if (signal !== null && result.status === 'imported')
        ctx.stderr.write(`peerbridge: ${signal} came while the import was being committed; it is complete\n`);
      return finish(result);
    },
    { migrate: !options.dryRun },
  );
}

/** How the report is shown as text (`--json` always holds everything). */
export interface ImportRenderOptions {
  /** --list-unmapped: every unmapped code with its segment count, not only how many there are. */
  listUnmapped?: boolean | undefined;
}

/** The unmapped codes: one line saying how many, or (with --list-unmapped) each with its segment count. */
function unmappedLines(codes: ImportReport['unmappedCodes'], list: boolean): string[] {
  if (codes.length === 0) return [];
  const count = `${codes.length.toLocaleString('en')} code${codes.length === 1 ? '' : 's'}`;
  if (!list) return [`${count} kept unmapped (no observations); \`--list-unmapped\` to see them`];
  const lines = [`Unmapped codes (kept, no observations): ${codes.length.toLocaleString('en')}`];
  for (const c of codes) lines.push(`  ${c.name} (${c.segments} segment${c.segments === 1 ? '' : 's'})`);
  return lines;
}

export function renderImport(
  result: ImportReport,
  ctx: CliContext,
  options: ImportRenderOptions = {},
): string {
  const { out } = ctx;
  if (result.status === 'already_imported') {
    return `${out.yellow('Already imported')}: ${basename(result.file)} (sha256 ${result.sha256.slice(0, 12)}...) is in study "${result.study.name}" since ${result.importedAt}; nothing written.`;
  }
  const head =
    result.status === 'dry_run'
      ? `${out.yellow('Dry run')}: nothing written. Importing ${basename(result.file)} into ${result.study.created ? 'new ' : ''}study "${result.study.name}" would write:`
      : `${out.green('Imported')} ${basename(result.file)} into ${result.study.created ? 'new ' : ''}study "${result.study.name}" in ${result.seconds}s (${result.segmentsPerSecond.toLocaleString('en')} segments/s):`;
  const lines = [head];
  for (const [table, count] of Object.entries(result.counts))
    lines.push(`  ${table.padEnd(18)} ${count.toLocaleString('en').padStart(9)}`);
  if (result.participantsUpdated > 0)
    lines.push(`  (and ${result.participantsUpdated} existing participant(s) updated)`);
  if (result.offsetDecisions.length > 0) {
    lines.push('Offsets:');
    for (const d of result.offsetDecisions) {
      lines.push(
        `  ${d.document}: ${d.convention ?? 'not decided'}${d.ambiguous ? out.yellow(' (ambiguous)') : ''} - ${d.reason}`,
      );
    }
  }
  const kept = Object.entries(result.kept).filter(([, n]) => n > 0);
  if (kept.length > 0)
    lines.push(
      `Also kept from the project: ${kept.map(([what, n]) => `${what} ${n.toLocaleString('en')}`).join(', ')}`,
    );
  if (result.coders.length > 0) {
    lines.push('Segments per coder:');
    for (const c of result.coders)
      lines.push(
        `  ${(c.name ?? c.user ?? '(no user)').padEnd(24)} ${c.segments.toLocaleString('en').padStart(9)}${c.user !== null && c.name !== null ? `  ${c.user}` : ''}`,
      );
  }
  for (const line of unmappedLines(result.unmappedCodes, options.listUnmapped === true)) lines.push(line);
  if (result.warnings.length > 0) {
    lines.push(out.yellow(`Warnings: ${result.warnings.length}`));
    for (const w of result.warnings) lines.push(`  - ${w}`);
  }
  if (result.timings) {
    const t = result.timings;
    lines.push(
      `Time (ms): unzip ${t.unzip}, XML ${t.xml}, offsets ${t.offsets}, schema ${t.schema}, plan ${t.plan}, rows ${t.rows}, commit ${t.commit}, hash ${t.hash}; total ${t.total}`,
    );
  }
  if (result.pseudonymization)
    for (const line of renderPseudonymization(result.pseudonymization, ctx)) lines.push(line);
  return lines.join('\n');
}
