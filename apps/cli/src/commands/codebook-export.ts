/** `peerbridge codebook export`: the domain codebook as .qdc (for ATLAS.ti, NVivo, MAXQDA, QualCoder), JSON or CSV. */
import { codebook, codebookToCsvRows, codebookToQdcXml, flattenCodebook } from '@peerbridge/domain';
import { toCsv } from '@peerbridge/study-formats';
import type { CliContext } from '../context';
import { writeOutput } from '../output/write-output';
import { resolveUserPath } from '../paths/workspace-root';

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

/** The codebook in `format` as text. */
export function codebookText(format: CodebookExportOptions['format'], lang: 'en' | 'cs'): string {
  const book = codebook({ locale: lang });
  if (format === 'qdc') return codebookToQdcXml(book, { origin: 'PeerBridge' });
  if (format === 'json')
    return `${JSON.stringify({ namespace: book.namespace, locale: book.locale, codes: flattenCodebook(book) }, null, 2)}\n`;
  const [header, ...rows] = codebookToCsvRows(book);
  return toCsv(header ?? [], rows);
}

export async function exportCodebook(
  options: CodebookExportOptions,
  ctx: CliContext,
): Promise<CodebookExportResult> {
  const lang = options.lang ?? 'en';
  const text = codebookText(options.format, lang);
  const out = options.out === undefined ? undefined : resolveUserPath(ctx.cwd, options.out);
  const bytes = await writeOutput(ctx, out, text);
  const flat = flattenCodebook(codebook({ locale: lang }));
  return {
    format: options.format,
    out: out ?? null,
    codes: flat.length,
    indicators: flat.filter((c) => c.indicatorId !== null).length,
    bytes,
    ...(ctx.json && out === undefined ? { content: text } : {}),
  };
}

export function renderCodebookExport(result: CodebookExportResult, ctx: CliContext): string {
  return `${ctx.out.green('Wrote')} ${result.out} (${result.format}, ${result.codes} codes of which ${result.indicators} indicators, ${result.bytes.toLocaleString('en')} bytes)`;
}
