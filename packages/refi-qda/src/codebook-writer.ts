/** Writes any code tree as a REFI-QDA codebook (.qdc) that validates against Codebook.xsd. */

import { RefiQdaError } from './errors';
import type { Code, CodeSet } from './model';
import { colorAttr, guidAttr, XmlOut } from './xml-out';

export interface CodebookOptions {
  /** Written as the `origin` attribute (which tool made the file). */
  origin?: string;
  /** Code sets to include; only their member codes are kept (the codebook format has no sources or notes). */
  sets?: readonly CodeSet[];
}

/** Just the parts of a code the codebook format carries. */
export type CodebookCode = Pick<Code, 'guid' | 'name' | 'isCodable'> & {
  color?: string | undefined;
  description?: string | undefined;
  children: readonly CodebookCode[];
};

function writeCode(out: XmlOut, code: CodebookCode): void {
  const what = `code "${code.name}"`;
  const attrs = {
    guid: guidAttr(code.guid, what),
    name: code.name,
    isCodable: code.isCodable,
    color: colorAttr(code.color, what),
  };
  if (code.description === undefined && code.children.length === 0) {
    out.empty('Code', attrs);
    return;
  }
  out.open('Code', attrs);
  out.text('Description', code.description);
  for (const child of code.children) writeCode(out, child);
  out.close('Code');
}

/** Returns the .qdc XML text. Throws `invalid_input` for an empty tree (the schema needs at least one code). */
export function writeCodebook(codes: readonly CodebookCode[], options: CodebookOptions = {}): string {
  if (codes.length === 0) {
    throw new RefiQdaError(
      'invalid_input',
      'a codebook needs at least one code (Codebook.xsd requires one <Code>)',
    );
  }
  const out = new XmlOut();
  out.open('CodeBook', { xmlns: 'urn:QDA-XML:codebook:1.0', origin: options.origin });
  out.open('Codes');
  for (const code of codes) writeCode(out, code);
  out.close('Codes');
  if (options.sets && options.sets.length > 0) {
    out.open('Sets');
    for (const set of options.sets) {
      const what = `set "${set.name}"`;
      const attrs = { guid: guidAttr(set.guid, what), name: set.name };
      if (set.description === undefined && set.memberCodes.length === 0) {
        out.empty('Set', attrs);
        continue;
      }
      out.open('Set', attrs);
      out.text('Description', set.description);
      for (const member of set.memberCodes)
        out.empty('MemberCode', { guid: guidAttr(member, `${what} member`) });
      out.close('Set');
    }
    out.close('Sets');
  }
  out.close('CodeBook');
  return out.toString();
}
