/**
 * Decides, per text source, which way of counting selection positions the exporting tool used, and converts the
 * positions to JavaScript string indices (UTF-16 code units over the text without BOM).
 */

import { RefiQdaError } from './errors';
import type { OffsetConvention } from './model';

/** The spec's reading (REFI-QDA 1.5 section 10.2): code points, so CR and LF are two; a BOM is not text. */
export const SPEC_CONVENTION: Readonly<OffsetConvention> = Object.freeze({
  unit: 'codePoint',
  crlf: 2,
  bomCounted: false,
});

/** Candidates in order of preference when they fit equally well: the spec's first. */
const ALL_CONVENTIONS: readonly OffsetConvention[] = [
  { unit: 'codePoint', crlf: 2, bomCounted: false },
  { unit: 'utf16', crlf: 2, bomCounted: false },
  { unit: 'codePoint', crlf: 1, bomCounted: false },
  { unit: 'utf16', crlf: 1, bomCounted: false },
  { unit: 'codePoint', crlf: 2, bomCounted: true },
  { unit: 'utf16', crlf: 2, bomCounted: true },
  { unit: 'codePoint', crlf: 1, bomCounted: true },
  { unit: 'utf16', crlf: 1, bomCounted: true },
];

export function describeConvention(c: OffsetConvention): string {
  const unit = c.unit === 'codePoint' ? 'Unicode code points' : 'UTF-16 code units';
  return `${unit}, CRLF as ${c.crlf}, BOM ${c.bomCounted ? 'counted' : 'not counted'}`;
}

export interface WrittenSpan {
  guid: string;
  start: number;
  end: number;
}

export interface ResolvedOffsets {
  convention: OffsetConvention;
  /** JavaScript string indices into the BOM-less text, in the same order as the input spans. */
  spans: { start: number; end: number }[];
  reason: string;
  ambiguous: boolean;
}

const SPLIT = -1;
const OUT_OF_RANGE = -2;

function hasAstral(text: string): boolean {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}

/**
 * Maps each wanted position (in convention `c`) to a JS index, SPLIT when it falls inside a surrogate pair or a
 * CRLF, or OUT_OF_RANGE past the end. `wanted` must be sorted ascending and unique.
 */
function mapPositions(text: string, c: OffsetConvention, wanted: number[]): Map<number, number> {
  const out = new Map<number, number>();
  let k = 0;
  let pos = 0;
  let i = 0;
  if (c.bomCounted) {
    // Position 0 is just before the BOM, which is not in our text; treat it as the start.
    while (k < wanted.length && wanted[k] === 0) out.set(wanted[k++]!, 0);
    pos = 1;
  }
  const n = text.length;
  const last = wanted[wanted.length - 1] ?? -1;
  while (k < wanted.length && pos <= last) {
    while (k < wanted.length && wanted[k]! < pos) out.set(wanted[k++]!, SPLIT);
    if (k < wanted.length && wanted[k] === pos) out.set(wanted[k++]!, i);
    if (i >= n) break;
    const ch = text.charCodeAt(i);
    let jsWidth = 1;
    let width = 1;
    if (ch >= 0xd800 && ch <= 0xdbff && i + 1 < n) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        jsWidth = 2;
        width = c.unit === 'utf16' ? 2 : 1;
      }
    } else if (ch === 0x0d && i + 1 < n && text.charCodeAt(i + 1) === 0x0a) {
      jsWidth = 2;
      width = c.crlf;
    }
    i += jsWidth;
    pos += width;
  }
  while (k < wanted.length) {
    const w = wanted[k++]!;
    out.set(w, w === pos && i >= n ? i : w < pos ? SPLIT : OUT_OF_RANGE);
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const SPACE_CHAR = /\s/u;

/** 0 = letter/digit, 1 = white space, 2 = anything else (punctuation, emoji), for the character at `index`. */
function classAt(text: string, index: number): number {
  const cp = text.codePointAt(index);
  if (cp === undefined) return 1;
  const ch = String.fromCodePoint(cp);
  return WORD_CHAR.test(ch) ? 0 : SPACE_CHAR.test(ch) ? 1 : 2;
}

function classBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  return classAt(text, low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1);
}

/**
 * A position is on a word boundary when it is at an end of the text or the kind of character changes there
 * (letters to space, space to punctuation...). Real selections almost always start and end on one; a reading
 * that is off by one or two lands inside words.
 */
function onWordBoundary(text: string, index: number): boolean {
  if (index === 0 || index === text.length) return true;
  return classBefore(text, index) !== classAt(text, index);
}

interface Candidate {
  convention: OffsetConvention;
  spans: { start: number; end: number }[];
  score: number;
  key: string;
}

/** A source as errors name it: `source "Interview 3" (GUID)`, by its GUID alone when it has no name. */
export function sourceLabel(where: { sourceGuid: string; sourceName?: string | undefined }): string {
  return where.sourceName === undefined || where.sourceName === ''
    ? `source ${where.sourceGuid}`
    : `source "${where.sourceName}" (${where.sourceGuid})`;
}

/**
 * Chooses the convention under which every span is in range and on character boundaries (no split surrogate pair,
 * no split CRLF), preferring more word-boundary ends, then the spec's order. Throws naming the source and the first
 * offending selection when none fits.
 */
export function resolveOffsets(
  text: string,
  hadBom: boolean,
  spans: WrittenSpan[],
  where: { file: string; sourceGuid: string; sourceName?: string | undefined },
): ResolvedOffsets {
  const source = sourceLabel(where);
  const crlf = text.includes('\r\n');
  const astral = hasAstral(text);
  // Conventions that cannot differ on this text are left out so that "ambiguous" means a real difference.
  const candidates = ALL_CONVENTIONS.filter(
    (c) => (crlf || c.crlf === 2) && (astral || c.unit === 'codePoint') && (hadBom || !c.bomCounted),
  );
  if (spans.length === 0) {
    return {
      convention: { ...SPEC_CONVENTION },
      spans: [],
      reason: 'no selections; spec convention',
      ambiguous: false,
    };
  }
  const wanted = [...new Set(spans.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const fitting: Candidate[] = [];
  const failures: string[] = [];
  let outOfRangeEverywhere: WrittenSpan | undefined;
  const outCount = new Map<WrittenSpan, number>();

  for (const convention of candidates) {
    const map = mapPositions(text, convention, wanted);
    let failure: string | undefined;
    const mapped: { start: number; end: number }[] = [];
    for (const span of spans) {
      const start = map.get(span.start)!;
      const end = map.get(span.end)!;
      if (start === OUT_OF_RANGE || end === OUT_OF_RANGE) {
        outCount.set(span, (outCount.get(span) ?? 0) + 1);
        failure ??= `selection ${span.guid} [${span.start}, ${span.end}) runs past the end of the text`;
      } else if (start === SPLIT || end === SPLIT) {
        failure ??= `selection ${span.guid} [${span.start}, ${span.end}) cuts a surrogate pair or a CRLF in two`;
      }
      mapped.push({ start, end });
    }
    if (failure !== undefined) {
      failures.push(`${describeConvention(convention)}: ${failure}`);
      continue;
    }
    let score = 0;
    for (const m of mapped) {
      if (onWordBoundary(text, m.start)) score++;
      if (onWordBoundary(text, m.end)) score++;
    }
    fitting.push({
      convention,
      spans: mapped,
      score,
      key: mapped.map((m) => `${m.start}:${m.end}`).join(','),
    });
  }

  for (const [span, count] of outCount) {
    if (count === candidates.length) {
      outOfRangeEverywhere = span;
      break;
    }
  }

  const best = fitting.reduce<Candidate | undefined>(
    (acc, c) => (acc === undefined || c.score > acc.score ? c : acc),
    undefined,
  );
  if (!best) {
    if (outOfRangeEverywhere) {
      throw new RefiQdaError(
        'selection_out_of_range',
        `selection ${outOfRangeEverywhere.guid} of ${source} is [${outOfRangeEverywhere.start}, ${outOfRangeEverywhere.end}) but the text is only ${[...text].length} code points (${text.length} UTF-16 units) long; expected positions inside the text`,
        { file: where.file, element: 'PlainTextSelection' },
      );
    }
    throw new RefiQdaError(
      'offset_convention_mismatch',
      `no way of counting positions fits all selections of ${source}; refusing to slice it wrongly. Tried: ${failures.join('; ')}`,
      { file: where.file, element: 'PlainTextSelection' },
    );
  }
  const total = spans.length * 2;
  const rivals = fitting.filter((c) => c.key !== best.key && c.score === best.score);
  const others = fitting.filter((c) => c.key !== best.key);
  const sameAsBest = fitting.filter((c) => c.key === best.key);
  let reason = `${describeConvention(best.convention)}: all ${spans.length} selections in range and on character boundaries, ${best.score}/${total} ends on word boundaries`;
  if (sameAsBest.length > 1)
    reason += `; ${sameAsBest.length - 1} other convention(s) give the same positions`;
  if (others.length > 0) {
    reason += `; also fitting but with different positions: ${others
      .map((c) => `${describeConvention(c.convention)} (${c.score}/${total})`)
      .join(', ')}`;
  }
  if (failures.length > 0) reason += `; ruled out: ${failures.join('; ')}`;
  if (rivals.length > 0) reason += '; tie broken by preferring the spec convention';
  return { convention: { ...best.convention }, spans: best.spans, reason, ambiguous: rivals.length > 0 };
}

/** Converts JS string indices (sorted or not) to code point indices over the same text, for writing. */
export function jsIndicesToCodePoints(text: string, indices: number[]): Map<number, number> {
  const wanted = [...new Set(indices)].sort((a, b) => a - b);
  const out = new Map<number, number>();
  let k = 0;
  let cp = 0;
  let i = 0;
  while (k < wanted.length) {
    while (k < wanted.length && wanted[k]! <= i) {
      if (wanted[k] !== i) {
        throw new RefiQdaError('invalid_input', `offset ${wanted[k]} falls inside a surrogate pair`);
      }
      out.set(wanted[k++]!, cp);
    }
    if (i >= text.length) break;
    const ch = text.charCodeAt(i);
    i += ch >= 0xd800 && ch <= 0xdbff && i + 1 < text.length ? 2 : 1;
    cp++;
  }
  if (k < wanted.length) {
    throw new RefiQdaError(
      'invalid_input',
      `offset ${wanted[k]} is past the end of a ${text.length}-unit text`,
    );
  }
  return out;
}
