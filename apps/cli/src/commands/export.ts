/**
 * `peerbridge export`: a study as JSON, CSV (one row per segment) or .qdpx, optionally with keyed pseudonyms.
 *
 * Interrupts tell the truth (issue 10). With --out the file is written under a temporary name beside
 * the target, in chunks with a safe point after each; the `study.export` audit event (with the file's
 * size and sha256) and the rename into place commit in one transaction. A SIGINT or SIGTERM before the
 * commit removes the temporary file, records nothing and exits 130 saying so; one after the commit has
 * begun lets it finish, exits 0 with the report and says so. The file and the audit event always agree.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { projectZipStream } from '@peerbridge/refi-qda';
import {
  type PseudonymizationReport,
  prepareStudyExport,
  recordStudyExport,
  resolveOperatorActor,
} from '@peerbridge/services';
import { readMappingFile, type StudyCsvTable } from '@peerbridge/study-formats';
import type { CliContext } from '../context';
import { withDatabase } from '../database/open-database';
import { CliError } from '../errors/cli-error';
import { readKeyFile } from '../exporting/key-file';
import { renderPseudonymization } from '../exporting/render-pseudonymization';
import { textChunks, writeChunks } from '../exporting/write-chunks';
import { interruptRequested, markCommitted, removeIfStoppedAtOnce, stoppingSafely } from '../interrupts';
import { writeOutput } from '../output/write-output';
import { resolveUserPath } from '../paths/workspace-root';
import { exportFromServer } from '../remote/export-from-server';
import type { RemoteTarget } from '../remote/server-client';
import { safePoints } from '../safe-points';

/** The phases an interrupt can hit, in order: `committing` and `done` are past the last safe point. */
export type ExportPhase = 'read' | 'writing' | 'written' | 'committing' | 'done';

export interface ExportOptions {
  db?: string | undefined;
  study: string;
  format: 'json' | 'csv' | 'qdpx';
  out?: string | undefined;
  pseudonymize: boolean;
  keyFile?: string | undefined;
  /** A mapping file whose `allowVariables` lists the variables a pseudonymised export keeps. */
  mapping?: string | undefined;
  org?: string | undefined;
  /** With --format csv: the table (segments, participants, codes), the formula guard, a BOM for Excel. */
  table?: StudyCsvTable | undefined;
  formulaGuard?: boolean | undefined;
  bom?: boolean | undefined;
}

export interface ExportResult {
  study: string;
  format: ExportOptions['format'];
  out: string | null;
  pseudonymized: boolean;
  /** With --pseudonymize: the variables dropped (names and counts) and the names redacted. */
  pseudonymization: PseudonymizationReport | null;
  participants: number;
  documents: number;
  codes: number;
  segments: number;
  /** Segments not written because their document has no text (a .qde imported without its sources). */
  skippedSegments: number;
  /** With --json and no --out: the study (format json) or the CSV text, inside the JSON document. */
  data?: unknown;
  content?: string;
}

export async function exportStudy(
  options: ExportOptions,
  ctx: CliContext,
  remote: RemoteTarget | null = null,
): Promise<ExportResult> {
  const csvOnly =
    (options.table ?? 'segments') !== 'segments' || options.bom === true || options.formulaGuard === false;
  if (csvOnly && options.format !== 'csv') {
    throw new CliError('usage', '--table, --bom and --no-formula-guard apply only to --format csv');
  }
  if (options.pseudonymize && options.keyFile === undefined) {
    throw new CliError('usage', '--pseudonymize needs --key-file <file> holding the key');
  }
  if (options.format === 'qdpx' && options.out === undefined) {
    throw new CliError('usage', '--format qdpx needs --out <file.qdpx> (a zip is not written to a terminal)');
  }
  // Read the key first: a missing key file should fail before any database work.
  const key =
    options.pseudonymize && options.keyFile !== undefined
      ? await readKeyFile(resolveUserPath(ctx.cwd, options.keyFile))
      : null;
  if (options.mapping !== undefined && !options.pseudonymize) {
    throw new CliError('usage', '--mapping on export only sets `allowVariables` for --pseudonymize');
  }
  const mapping =
    options.mapping === undefined
      ? undefined
      : await readMappingFile(resolveUserPath(ctx.cwd, options.mapping));
  const out = options.out === undefined ? undefined : resolveUserPath(ctx.cwd, options.out);
  if (out !== undefined && !existsSync(dirname(out))) {
    throw new CliError('not_found', `the folder ${dirname(out)} does not exist`, { location: { file: out } });
  }
  if (remote !== null) {
    if (options.org !== undefined)
      throw new CliError('usage', '--org applies to a database; on a server the token says who you are');
    return exportFromServer(remote, options, { key, allowVariables: mapping?.allowVariables, out }, ctx);
  }
  const points = safePoints<ExportPhase>(
    ctx,
    (signal, phase) =>
      `interrupted (${signal}) at ${phase}: nothing was written${out === undefined ? '' : ` to ${out}`} and no export was recorded in the audit log`,
  );
  let inline: { data?: unknown; content?: string } = {};
  const exported = await withDatabase(options, ctx, ({ db }) =>
    stoppingSafely(async () => {
      const actor = await resolveOperatorActor(db, { org: options.org, study: options.study });
      const prepared = await prepareStudyExport(db, actor, {
        study: options.study,
        format: options.format,
        pseudonymKey: key,
        allowVariables: mapping?.allowVariables,
        via: 'cli',
        csv: { table: options.table, formulaGuard: options.formulaGuard, bom: options.bom },
      });
      await points.reached('read');
      const text =
        prepared.json !== undefined
          ? `${JSON.stringify(prepared.json, null, 2)}\n`
          : prepared.csv !== undefined
            ? prepared.csv
            : undefined;
      if (out === undefined) {
        // To stdout (or inside the --json document): recorded, then handed over.
        await recordStudyExport(db, actor, prepared, null);
        markCommitted();
        await writeOutput(ctx, undefined, text ?? '');
        if (ctx.json)
          inline = prepared.json !== undefined ? { data: prepared.json } : { content: text ?? '' };
      } else {
        const project = prepared.qdpx?.project;
        await withTempFileBeside(out, async (temp, place) => {
          const chunks =
            text !== undefined
              ? textChunks(text)
              : project !== undefined
                ? projectZipStream(project).stream
                : [];
          const file = await writeChunks(temp, chunks, () => points.reached('writing'));
          await points.reached('written');
          await recordStudyExport(db, actor, prepared, file, async () => {
            await points.pause('committing');
            place();
          });
        });
        markCommitted();
      }
      const signal = interruptRequested();
      if (signal !== null)
        ctx.stderr.write(`peerbridge: ${signal} came while the export was being committed; it is complete\n`);
      await points.pause('done');
      return prepared;
    }),
  );
  const { study } = exported;
  return {
    study: study.study.name,
    format: options.format,
    out: out ?? null,
    pseudonymized: exported.pseudonymized,
    pseudonymization: exported.pseudonymization,
    participants: study.participants.length,
    documents: study.documents.length,
    codes: study.codes.length,
    segments: study.segments.length - exported.skippedSegments,
    skippedSegments: exported.skippedSegments,
    ...inline,
  };
}

/**
 * Runs `write` with a temporary file beside `out` and a `place` that renames it into place (the export
 * calls it inside the audit transaction). The temporary file never outlives the command; if the commit
 * fails after the rename, `out` is removed as well, so the file and the audit event still agree.
 */
async function withTempFileBeside(
  out: string,
  write: (temp: string, place: () => void) => Promise<void>,
): Promise<void> {
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  const forget = [removeIfStoppedAtOnce(temp)];
  let placed = false;
  try {
    await write(temp, () => {
      renameSync(temp, out);
      placed = true;
      forget.push(removeIfStoppedAtOnce(out));
    });
  } catch (error) {
    if (placed) rmSync(out, { force: true });
    throw error;
  } finally {
    for (const done of forget) done();
    rmSync(temp, { force: true });
  }
}

export function renderExport(result: ExportResult, ctx: CliContext): string {
  const lines = [
    `${ctx.out.green('Exported')} study "${result.study}" as ${result.format} to ${result.out}${result.pseudonymized ? ' (pseudonymised)' : ''}: ${result.participants} participants, ${result.documents} documents, ${result.codes} codes, ${result.segments} segments`,
  ];
  if (result.skippedSegments > 0) {
    lines.push(ctx.out.yellow(`  ${result.skippedSegments} segment(s) left out: their document has no text`));
  }
  if (result.pseudonymization)
    for (const line of renderPseudonymization(result.pseudonymization, ctx)) lines.push(line);
  return lines.join('\n');
}
