/**
 * The units agreement is measured on: paragraphs (the text between line breaks), sentences (Unicode sentence
 * boundaries within a paragraph), whole documents, or single characters. Units are trimmed of surrounding
 * white space and blank ones are dropped, so empty lines never count as "agreed: not coded".
 */
import { z } from 'zod';
import { parseInput } from '../../errors';
import type { TextUnit } from './intercoder-agreement';

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

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/g;

/** [start, end) of `text.slice(start, end)` without surrounding white space, or null when it is blank. */
function trimmed(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? [s, e] : null;
}

function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    const t = trimmed(text, at, m.index);
    if (t) out.push(t);
    at = m.index + m[0].length;
  }
  const last = trimmed(text, at, text.length);
  if (last) out.push(last);
  return out;
}

const sentenceSegmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const [start, end] of paragraphs(text)) {
    for (const seg of sentenceSegmenter.segment(text.slice(start, end))) {
      const t = trimmed(text, start + seg.index, start + seg.index + seg.segment.length);
      if (t) out.push(t);
    }
  }
  return out;
}

/** The units of every document, in document order then text order (character units are not listed one by one). */
export function textUnits(
  documents: ReadonlyArray<UnitDocument>,
  unit: Exclude<AgreementUnit, 'character'>,
): TextUnit[] {
  const docs = parseInput(unitDocumentsSchema, documents, 'textUnits documents');
  const kind = parseInput(agreementUnitSchema.exclude(['character']), unit, 'textUnits unit');
  const out: TextUnit[] = [];
  for (const d of docs) {
    const spans =
      kind === 'paragraph'
        ? paragraphs(d.text)
        : kind === 'sentence'
          ? sentences(d.text)
          : [trimmed(d.text, 0, d.text.length)].filter((t): t is [number, number] => t !== null);
    for (const [start, end] of spans) out.push({ documentId: d.id, start, end });
  }
  return out;
}
