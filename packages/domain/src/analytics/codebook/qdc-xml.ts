/**
 * Writes a codebook as a REFI-QDA codebook (.qdc) document, valid against Codebook.xsd
 * (namespace urn:QDA-XML:codebook:1.0): CodeBook > Codes > Code (Description?, Code*).
 */
import { parseInput } from '../../errors';
import type { Codebook, CodebookCode } from './codebook';
import { codebookSchema } from './codebook-schema';

/** Options of `codebookToQdcXml`. */
export interface QdcOptions {
  /** The `origin` attribute: the software that wrote the file. */
  origin?: string | undefined;
}

/**
 * The codebook as a REFI-QDA `.qdc` XML string (UTF-8 declaration, two-space indentation, LF line
 * ends, trailing newline). Every code carries guid, name, isCodable and color; a non-empty
 * description becomes its `<Description>`. Pure: the same codebook gives the same bytes.
 */
export function codebookToQdcXml(book: Codebook, options: QdcOptions = {}): string {
  const valid = parseInput(codebookSchema, book, 'codebookToQdcXml');
  const origin = options.origin ?? 'PeerBridge';
  const lines: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="${escapeXml(origin)}">`,
    '  <Codes>',
  ];
  const write = (code: CodebookCode, depth: number): void => {
    const pad = '  '.repeat(depth);
    const attrs = `guid="${code.guid}" name="${escapeXml(code.name)}" isCodable="${code.isCodable}" color="${code.color}"`;
    if (code.description === '' && code.children.length === 0) {
      lines.push(`${pad}<Code ${attrs}/>`);
      return;
    }
    lines.push(`${pad}<Code ${attrs}>`);
    if (code.description !== '')
      lines.push(`${pad}  <Description>${escapeXml(code.description)}</Description>`);
    for (const child of code.children) write(child, depth + 1);
    lines.push(`${pad}</Code>`);
  };
  for (const code of valid.codes) write(code, 2);
  lines.push('  </Codes>', '</CodeBook>', '');
  return lines.join('\n');
}

/** Escape for attribute values and text; line breaks and tabs as character references so attributes keep them. */
function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
