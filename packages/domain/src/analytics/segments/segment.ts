/**
 * A coded segment of an interview document (one REFI-QDA text selection with one code), its schema,
 * and the one definition of "overlap" every analytic uses.
 */
import { z } from 'zod';
import { parseInput } from '../../errors';

const nonEmpty = z.string().min(1, { message: 'expected a non-empty string' });
const offset = z
  .number()
  .int({ message: 'expected an integer offset' })
  .min(0, { message: 'expected an offset >= 0' });

/**
 * One coded segment. Offsets are a half-open range [start, end) of character positions in the
 * document's plain text (as the importer counted them), so `end` is the first position after it.
 * `codeId` is the code's GUID in the project; `codeName` its name, when known (mappings may use either).
 */
export interface CodedSegment {
  id: string;
  documentId: string;
  codeId: string;
  codeName?: string | undefined;
  start: number;
  end: number;
  coderId?: string | undefined;
  participantId?: string | undefined;
}

/** Zod schema of a coded segment; a segment must cover at least one position (end > start). */
export const codedSegmentSchema: z.ZodType<CodedSegment> = z
  .object({
    id: nonEmpty,
    documentId: nonEmpty,
    codeId: nonEmpty,
    codeName: z.string().optional(),
    start: offset,
    end: offset,
    coderId: nonEmpty.optional(),
    participantId: nonEmpty.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.end <= s.start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `expected end > start (${s.start})` });
    }
  });

/** A list of coded segments with unique ids. */
export const codedSegmentsSchema = z.array(codedSegmentSchema).superRefine((segments, ctx) => {
  const seen = new Set<string>();
  segments.forEach((s, i) => {
    if (seen.has(s.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `expected a unique id, "${s.id}" repeats` });
    seen.add(s.id);
  });
});

/**
 * Two segments overlap when they are in the same document and share at least one position:
 * a.start < b.end and b.start < a.end. Segments that only touch ([0,5) and [5,9)) do not overlap.
 */
export function segmentsOverlap(a: CodedSegment, b: CodedSegment): boolean {
  return a.documentId === b.documentId && a.start < b.end && b.start < a.end;
}

/** Deterministic string order (UTF-16 code units), independent of locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const isOptionalId = (v: unknown) => v === undefined || (typeof v === 'string' && v.length > 0);
const isOffset = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The same verdict as `codedSegmentSchema`, without allocating (the analytics see 100,000s of segments). */
function isCodedSegment(s: unknown): s is CodedSegment {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  const r = s as Record<string, unknown>;
  if (typeof r.id !== 'string' || r.id.length === 0) return false;
  if (typeof r.documentId !== 'string' || r.documentId.length === 0) return false;
  if (typeof r.codeId !== 'string' || r.codeId.length === 0) return false;
  if (r.codeName !== undefined && typeof r.codeName !== 'string') return false;
  if (!isOffset(r.start) || !isOffset(r.end) || r.end <= r.start) return false;
  return isOptionalId(r.coderId) && isOptionalId(r.participantId);
}

/**
 * Validate a segment list: a fast check first, and zod (through parseInput) to name every problem
 * when it fails. Returns the segments as given (zod would copy each one).
 */
export function parseSegments(segments: unknown, what: string): ReadonlyArray<CodedSegment> {
  if (Array.isArray(segments)) {
    const seen = new Set<string>();
    let ok = true;
    for (const s of segments) {
      if (!isCodedSegment(s) || seen.has(s.id)) {
        ok = false;
        break;
      }
      seen.add(s.id);
    }
    if (ok) return segments as CodedSegment[];
  }
  return parseInput(codedSegmentsSchema, segments, what);
}
