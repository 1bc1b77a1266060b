/**
 * The units agreement is measured on: paragraphs (the text between line breaks), sentences (Unicode sentence
 * boundaries within a paragraph), whole documents, or single characters. Units are trimmed of surrounding
 * white space and blank ones are dropped, so empty lines never count as "agreed: not coded".
 */
import { z } from 'zod';
import { parseInput } from '../../errors';
import type { TextUnit } from './intercoder-agreement';
import { unitScanner } from './unit-scanner';

/** What one unit of coding is. */
export type AgreementUnit = 'paragraph' | 'sentence' | 'document' | 'character';

export const agreementUnitSchema = z.enum(['paragraph', 'sentence', 'document', 'character'], {
  message: 'expected one of paragraph, sentence, document, character',
});

/** A document's plain text, with the offsets segments use (JavaScript string indices). */
export interface UnitDocument {
  id: string;
  text: string;
}

export const unitDocumentsSchema = z
  .array(z.object({ id: z.string().min(1, { message: 'expected a non-empty string' }), text: z.string() }))
  .superRefine((docs, ctx) => {
    const seen = new Set<string>();
    docs.forEach((d, i) => {
      if (seen.has(d.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `expected a unique id, "${d.id}" repeats` });
      seen.add(d.id);
    });
  });

/** The units of every document, in document order then text order (character units are not listed one by one). */
export function textUnits(
  documents: ReadonlyArray<UnitDocument>,
  unit: Exclude<AgreementUnit, 'character'>,
): TextUnit[] {
  const docs = parseInput(unitDocumentsSchema, documents, 'textUnits documents');
  const kind = parseInput(agreementUnitSchema.exclude(['character']), unit, 'textUnits unit');
  const out: TextUnit[] = [];
  for (const d of docs) {
    // The same scanner the study reads feed chunk by chunk; here the text is one chunk.
    const scanner = unitScanner(kind);
    scanner.push(d.text);
    for (const [start, end] of scanner.end().spans) out.push({ documentId: d.id, start, end });
  }
  return out;
}
