/** The domain codebook as a file: .qdc (ATLAS.ti, NVivo, MAXQDA, QualCoder), JSON or CSV, and its counts. */
import { codebook, codebookToCsvRows, codebookToQdcXml, flattenCodebook } from '@peerbridge/domain';
import { toCsv } from './csv-writer';

export type CodebookFormat = 'qdc' | 'json' | 'csv';

/** The codebook in `format` as text. */
export function codebookFileText(format: CodebookFormat, lang: 'en' | 'cs'): string {
  const book = codebook({ locale: lang });
  if (format === 'qdc') return codebookToQdcXml(book, { origin: 'PeerBridge' });
  if (format === 'json')
    return `${JSON.stringify({ namespace: book.namespace, locale: book.locale, codes: flattenCodebook(book) }, null, 2)}\n`;
  const [header, ...rows] = codebookToCsvRows(book);
  return toCsv(header ?? [], rows);
}

/** How many codes the codebook has, and how many of them are indicators. */
export function codebookCounts(lang: 'en' | 'cs'): { codes: number; indicators: number } {
  const flat = flattenCodebook(codebook({ locale: lang }));
  return { codes: flat.length, indicators: flat.filter((c) => c.indicatorId !== null).length };
}
