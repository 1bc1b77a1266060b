/** `peerbridge export`: a study as JSON, CSV (one row per segment) or .qdpx, optionally with keyed pseudonyms. */
import { writeProject } from '@peerbridge/refi-qda';
import {
  exportStudy as exportOwnStudy,
  type PseudonymizationReport,
  resolveOperatorActor,
} from '@peerbridge/services';
import { readMappingFile } from '@peerbridge/study-formats';
import type { CliContext } from '../context';
import { withDatabase } from '../database/open-database';
import { CliError } from '../errors/cli-error';
import { readKeyFile } from '../exporting/key-file';
import { renderPseudonymization } from '../exporting/render-pseudonymization';
import { writeOutput } from '../output/write-output';
import { resolveUserPath } from '../paths/workspace-root';

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

export async function exportStudy(options: ExportOptions, ctx: CliContext): Promise<ExportResult> {
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
  const exported = await withDatabase(options, ctx, async ({ db }) => {
    const actor = await resolveOperatorActor(db, { org: options.org, study: options.study });
    return exportOwnStudy(db, actor, {
      study: options.study,
      format: options.format,
      pseudonymKey: key,
      allowVariables: mapping?.allowVariables,
      via: 'cli',
    });
  });
  let inline: { data?: unknown; content?: string } = {};
  if (exported.json !== undefined) {
    await writeOutput(ctx, out, `${JSON.stringify(exported.json, null, 2)}\n`);
    if (ctx.json && out === undefined) inline = { data: exported.json };
  } else if (exported.csv !== undefined) {
    await writeOutput(ctx, out, exported.csv);
    if (ctx.json && out === undefined) inline = { content: exported.csv };
  } else if (exported.qdpx !== undefined) {
    await writeProject(exported.qdpx.project, out as string, { origin: 'PeerBridge' });
  }
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
