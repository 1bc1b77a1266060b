/**
 * Inter-coder agreement on coded interviews (domain.md section 9): units are text passages
 * (paragraphs) of the documents; per code and coder a unit is 1 when the coder coded a segment of
 * that code overlapping it, else 0. Reports percent agreement and Cohen's kappa (two coders) and
 * nominal Krippendorff's alpha (any number of coders, missing values allowed) per code.
 */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { type CodedSegment, compareStrings, parseSegments } from '../segments/segment';
import { cohenKappa } from './cohen-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';

/** One unit of coding: a passage [start, end) of a document, e.g. a paragraph. */
export interface TextUnit {
  documentId: string;
  start: number;
  end: number;
}

/** Input of `intercoderAgreement`. */
export interface IntercoderInput {
  /** Segments of all coders; segments without a coderId are ignored. */
  segments: ReadonlyArray<CodedSegment>;
  units: ReadonlyArray<TextUnit>;
  /**
   * coderId -> the documents that coder coded. A coder's units in other documents are missing
   * values. Default: a coder coded exactly the documents in which they have at least one segment.
   */
  codedDocuments?: Record<string, string[]> | undefined;
}

/** Agreement on one code. */
export interface CodeAgreement {
  codeId: string;
  /** Coders compared, sorted. */
  coders: string[];
  /** Units coded (1 or 0) by at least two coders. */
  pairableUnits: number;
  /** Two coders only, over the units both coded; null otherwise. */
  percentAgreement: number | null;
  /** Two coders only, over the units both coded; null otherwise or when undefined. */
  cohenKappa: number | null;
  /** Nominal alpha over all coders; null when undefined (e.g. nobody ever used the code). */
  krippendorffAlpha: number | null;
  /** The reliability matrix (row per coder, column per unit; 1, 0 or null) behind the numbers. */
  matrix: (0 | 1 | null)[][];
}

const offset = z.number().int().min(0, { message: 'expected an integer offset >= 0' });
const unitsSchema = z.array(
  z
    .object({
      documentId: z.string().min(1, { message: 'expected a non-empty string' }),
      start: offset,
      end: offset,
    })
    .refine((u) => u.end > u.start, { message: 'expected end > start', path: ['end'] }),
);
const codedDocumentsSchema = z.record(z.string(), z.array(z.string())).optional();

/** Agreement per code (rows sorted by code id) for every code that some coder used. */
export function intercoderAgreement(input: IntercoderInput): CodeAgreement[] {
  const segments = parseSegments(input.segments, 'intercoderAgreement segments').filter(
    (s) => s.coderId !== undefined,
  );
  const units = parseInput(unitsSchema, input.units, 'intercoderAgreement units');
  const codedDocuments = parseInput(
    codedDocumentsSchema,
    input.codedDocuments,
    'intercoderAgreement codedDocuments',
  );
  const coders = [...new Set(segments.map((s) => s.coderId!))].sort(compareStrings);
  const coded = new Map<string, Set<string>>(coders.map((c) => [c, new Set(codedDocuments?.[c] ?? [])]));
  if (codedDocuments === undefined) for (const s of segments) coded.get(s.coderId!)!.add(s.documentId);
  const codes = [...new Set(segments.map((s) => s.codeId))].sort(compareStrings);

  // Which units each (coder, code) hit, found once per segment instead of once per unit, coder and code
  // (the old nested scan was codes x coders x units x segments-in-document: 30 s on a large study).
  const hits = unitHits(segments, units);

  return codes.map((codeId) => {
    const matrix = coders.map((coder) => {
      const hit = hits.get(`${coder}\u0000${codeId}`);
      return units.map((u, i): 0 | 1 | null => {
        if (!coded.get(coder)!.has(u.documentId)) return null;
        return hit?.has(i) ? 1 : 0;
      });
    });
    const pairableUnits = units.filter((_, i) => matrix.filter((row) => row[i] !== null).length >= 2).length;
    let pa: number | null = null;
    let kappa: number | null = null;
    if (coders.length === 2) {
      const both = units.map((_, i) => i).filter((i) => matrix[0]![i] !== null && matrix[1]![i] !== null);
      if (both.length > 0) {
        const a = both.map((i) => matrix[0]![i]!);
        const b = both.map((i) => matrix[1]![i]!);
        pa = percentAgreement(a, b);
        kappa = cohenKappa(a, b);
      }
    }
    const alpha =
      coders.length >= 2 && units.length > 0 ? krippendorffAlpha(matrix, { level: 'nominal' }) : null;
    return {
      codeId,
      coders,
      pairableUnits,
      percentAgreement: pa,
      cohenKappa: kappa,
      krippendorffAlpha: alpha,
      matrix,
    };
  });
}

/**
 * For each `coder NUL code`, the indices of the units some segment of that coder and code overlaps.
 * Units are indexed per document and sorted by start; when a document's units do not overlap one another
 * (paragraphs, sentences) their ends rise too, so a binary search finds the first candidate.
 */
function unitHits(
  segments: ReadonlyArray<CodedSegment>,
  units: ReadonlyArray<TextUnit>,
): Map<string, Set<number>> {
  const byDocument = new Map<string, number[]>();
  units.forEach((u, i) => {
    const list = byDocument.get(u.documentId);
    if (list === undefined) byDocument.set(u.documentId, [i]);
    else list.push(i);
  });
  const disjoint = new Map<string, boolean>();
  for (const [documentId, list] of byDocument) {
    list.sort((a, b) => units[a]!.start - units[b]!.start || a - b);
    let ok = true;
    for (let k = 1; k < list.length && ok; k++) ok = units[list[k - 1]!]!.end <= units[list[k]!]!.start;
    disjoint.set(documentId, ok);
  }
  const hits = new Map<string, Set<number>>();
  for (const s of segments) {
    const list = byDocument.get(s.documentId);
    if (list === undefined) continue;
    const key = `${s.coderId!}\u0000${s.codeId}`;
    let set = hits.get(key);
    if (set === undefined) {
      set = new Set();
      hits.set(key, set);
    }
    let k = 0;
    if (disjoint.get(s.documentId)) {
      // First unit whose end is past the segment's start.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (units[list[mid]!]!.end > s.start) hi = mid;
        else lo = mid + 1;
      }
      k = lo;
    }
    for (; k < list.length; k++) {
      const u = units[list[k]!]!;
      if (u.start >= s.end) break;
      if (s.start < u.end) set.add(list[k]!);
    }
  }
  return hits;
}
