/** `peerbridge export`: a study as JSON, CSV (one row per segment) or .qdpx, optionally with keyed pseudonyms. */
import { writeProject } from '@peerbridge/refi-qda';
import type { CliContext } from '../context';
import { withDatabase } from '../database/open-database';
import { CliError } from '../errors/cli-error';
import { type LoadedStudy, loadStudy } from '../exporting/load-study';
import { pseudonymizeStudy, readKeyFile } from '../exporting/pseudonymize-study';
import { studyToCsv } from '../exporting/study-to-csv';
import { studyToProject } from '../exporting/study-to-qdpx';
import { requireStudy } from '../importing/study-target';
import { writeOutput } from '../output/write-output';
import { resolveUserPath } from '../paths/workspace-root';

export interface ExportOptions {
  db?: string | undefined;
  study: string;
  format: 'json' | 'csv' | 'qdpx';
  out?: string | undefined;
  pseudonymize: boolean;
  keyFile?: string | undefined;
  org?: string | undefined;
}

export interface ExportResult {
  study: string;
  format: ExportOptions['format'];
  out: string | null;
  pseudonymized: boolean;
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
  const out = options.out === undefined ? undefined : resolveUserPath(ctx.cwd, options.out);
  const loaded = await withDatabase(options, ctx, async ({ db }) =>
    loadStudy(db, await requireStudy(db, options)),
  );
  const study: LoadedStudy = key === null ? loaded : await pseudonymizeStudy(loaded, key);
  let skippedSegments = study.segments.filter((s) => s.text === null).length;
  let inline: { data?: unknown; content?: string } = {};
  if (options.format === 'json') {
    const { segments, ...rest } = study;
    const json = { ...rest, segments: segments.filter((s) => s.text !== null).map(({ id: _id, ...s }) => s) };
    await writeOutput(
      ctx,
      out,
      `${JSON.stringify(json, null, 2)}
`,
    );
    if (ctx.json && out === undefined) inline = { data: json };
  } else if (options.format === 'csv') {
    const csv = studyToCsv(study);
    await writeOutput(ctx, out, csv);
    if (ctx.json && out === undefined) inline = { content: csv };
  } else {
    const model = studyToProject(study);
    skippedSegments = model.skippedSegments;
    await writeProject(model.project, out as string, { origin: 'PeerBridge' });
  }
  return {
    study: study.study.name,
    format: options.format,
    out: out ?? null,
    pseudonymized: key !== null,
    participants: study.participants.length,
    documents: study.documents.length,
    codes: study.codes.length,
    segments: study.segments.length - skippedSegments,
    skippedSegments,
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
  return lines.join('\n');
}
