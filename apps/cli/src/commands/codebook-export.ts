/** `peerbridge codebook export`: the domain codebook as .qdc (for ATLAS.ti, NVivo, MAXQDA, QualCoder), JSON or CSV. */
import { codebookCounts, codebookFileText } from '@peerbridge/study-formats';
import type { CliContext } from '../context';
import { writeOutput } from '../output/write-output';
import { resolveUserPath } from '../paths/workspace-root';
import { remoteCodebook } from '../remote/remote-research';
import type { RemoteTarget } from '../remote/server-client';

export interface CodebookExportOptions {
  format: 'qdc' | 'json' | 'csv';
  lang?: 'en' | 'cs' | undefined;
  out?: string | undefined;
}

export interface CodebookExportResult {
  format: CodebookExportOptions['format'];
  out: string | null;
  codes: number;
  indicators: number;
  bytes: number;
  /** With --json and no --out: the file's content, inside the JSON document. */
  content?: string;
}

export async function exportCodebook(
  options: CodebookExportOptions,
  ctx: CliContext,
  remote: RemoteTarget | null = null,
): Promise<CodebookExportResult> {
  const lang = options.lang ?? 'en';
  // On a server: its codebook, the one its imports map codes against (it may be another version).
  const { text, codes, indicators } =
    remote === null
      ? { text: codebookFileText(options.format, lang), ...codebookCounts(lang) }
      : await remoteCodebook(remote, options.format, lang);
  const out = options.out === undefined ? undefined : resolveUserPath(ctx.cwd, options.out);
  const bytes = await writeOutput(ctx, out, text);
  return {
    format: options.format,
    out: out ?? null,
    codes,
    indicators,
    bytes,
    ...(ctx.json && out === undefined ? { content: text } : {}),
  };
}

export function renderCodebookExport(result: CodebookExportResult, ctx: CliContext): string {
  return `${ctx.out.green('Wrote')} ${result.out} (${result.format}, ${result.codes} codes of which ${result.indicators} indicators, ${result.bytes.toLocaleString('en')} bytes)`;
}
