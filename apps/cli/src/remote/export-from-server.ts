/**
 * `peerbridge export` on a server: the server reads, formats and records the export (its `study.export`
 * event holds the bytes' size and sha256), then sends it; the CLI writes it as for a local database (a
 * temporary file beside --out renamed into place, or stdout) and reports the same summary.
 */
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ExportOptions, ExportResult } from '../commands/export';
import type { CliContext } from '../context';
import { CliError } from '../errors/cli-error';
import { writeChunks } from '../exporting/write-chunks';
import { removeIfStoppedAtOnce } from '../interrupts';
import { writeOutput } from '../output/write-output';
import { remoteExport } from './remote-research';
import type { RemoteTarget } from './server-client';

export async function exportFromServer(
  remote: RemoteTarget,
  options: ExportOptions,
  read: {
    key: Uint8Array | null;
    allowVariables: ReadonlyArray<string> | undefined;
    out: string | undefined;
  },
  ctx: CliContext,
): Promise<ExportResult> {
  const { summary, body } = await remoteExport(remote, {
    study: options.study,
    format: options.format,
    pseudonymKey: read.key,
    allowVariables: read.allowVariables,
    ...(options.format === 'csv'
      ? { csv: { table: options.table, formulaGuard: options.formulaGuard, bom: options.bom } }
      : {}),
  });
  let inline: { data?: unknown; content?: string } = {};
  if (read.out === undefined) {
    const parts: Buffer[] = [];
    for await (const chunk of body) parts.push(Buffer.from(chunk));
    const text = Buffer.concat(parts).toString('utf8');
    await writeOutput(ctx, undefined, text);
    if (ctx.json) inline = options.format === 'json' ? { data: JSON.parse(text) } : { content: text };
  } else {
    const out = read.out;
    const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
    const forget = removeIfStoppedAtOnce(temp);
    try {
      const file = await writeChunks(temp, body, async () => {});
      if (file.sha256 !== summary.sha256 || file.bytes !== summary.bytes)
        throw new CliError(
          'unavailable',
          `the export from ${remote.server} arrived damaged (${file.bytes} of ${summary.bytes} bytes); nothing was written to ${out}`,
        );
      renameSync(temp, out);
    } finally {
      forget();
      rmSync(temp, { force: true });
    }
  }
  return {
    study: summary.study,
    format: options.format,
    out: read.out ?? null,
    pseudonymized: summary.pseudonymized,
    pseudonymization: summary.pseudonymization,
    participants: summary.participants,
    documents: summary.documents,
    codes: summary.codes,
    segments: summary.segments,
    skippedSegments: summary.skippedSegments,
    ...inline,
  };
}
