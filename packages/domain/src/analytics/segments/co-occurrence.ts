/** Code co-occurrence within documents: per pair of codes n1, n2, n12 and the c-coefficient. */
import { z } from 'zod';
import { parseInput } from '../../errors';
import { cCoefficient } from './c-coefficient';
import { type CodedSegment, compareStrings, parseSegments } from './segment';

/** One pair of codes that co-occur at least once; `codeA` < `codeB`. */
export interface CoOccurrenceRow {
  codeA: string;
  codeB: string;
  /** segments coded with codeA */
  n1: number;
  /** segments coded with codeB */
  n2: number;
  /** co-occurrences: the largest number of overlapping (codeA, codeB) segment pairs using each segment once */
  n12: number;
  /** c-coefficient n12 / (n1 + n2 - n12), in [0, 1] */
  c: number;
}

/** Options of `coOccurrence`. */
export interface CoOccurrenceOptions {
  /** Only pair segments of the same coder (segments without a coder pair with each other). Default false. */
  withinCoder?: boolean | undefined;
}

const optionsSchema = z.object({ withinCoder: z.boolean().optional() }).strict();

/**
 * Code co-occurrence: two segments co-occur when they are in the same document and overlap
 * (share a position of their [start, end) ranges; see `segmentsOverlap`) and carry different codes.
 *
 * n12 counts co-occurrences so that each segment is used at most once: it is the size of a maximum
 * matching between the two codes' segments in each document, summed over documents. When no segment
 * overlaps more than one segment of the other code this is simply the number of overlapping pairs
 * (ATLAS.ti's count); when one long segment overlaps several short ones it counts once, which keeps
 * n12 <= min(n1, n2) and so c within [0, 1]. Rows are the pairs with n12 > 0, sorted by codeA then codeB.
 */
export function coOccurrence(
  segments: ReadonlyArray<CodedSegment>,
  options: CoOccurrenceOptions = {},
): CoOccurrenceRow[] {
  const valid = parseSegments(segments, 'coOccurrence');
  const opts = parseInput(optionsSchema, options, 'coOccurrence options');
  // Codes as small integers so a pair is one number (no string keys in the hot loop).
  const codeIndex = new Map<string, number>();
  const codes: string[] = [];
  const occurrences: number[] = [];
  for (const s of valid) {
    let i = codeIndex.get(s.codeId);
    if (i === undefined) {
      i = codes.length;
      codeIndex.set(s.codeId, i);
      codes.push(s.codeId);
      occurrences.push(0);
    }
    occurrences[i]! += 1;
  }
  const codeCount = codes.length;

  const n12 = new Map<number, number>();
  for (const group of groupForPairing(valid, opts.withinCoder === true)) {
    // Overlapping pairs of segments with distinct codes, per code pair (key = lower index * count + higher).
    const edges = new Map<number, CodedSegment[]>();
    const sorted = group.sort((x, y) => x.start - y.start || x.end - y.end || compareStrings(x.id, y.id));
    for (let i = 0; i < sorted.length; i++) {
      const x = sorted[i]!;
      const xi = codeIndex.get(x.codeId)!;
      for (let j = i + 1; j < sorted.length; j++) {
        const y = sorted[j]!;
        if (y.start >= x.end) break; // sorted by start: no later segment overlaps x
        const yi = codeIndex.get(y.codeId)!;
        if (xi === yi) continue;
        const key = xi < yi ? xi * codeCount + yi : yi * codeCount + xi;
        const list = edges.get(key);
        if (list === undefined) edges.set(key, [x, y]);
        else list.push(x, y);
      }
    }
    for (const [key, list] of edges) {
      // One overlapping pair is the common case and needs no matching.
      const matched = list.length === 2 ? 1 : maximumMatching(list);
      n12.set(key, (n12.get(key) ?? 0) + matched);
    }
  }

  const rows: CoOccurrenceRow[] = [];
  for (const [key, count] of n12) {
    const lo = Math.floor(key / codeCount);
    const hi = key % codeCount;
    const [codeA, codeB] =
      compareStrings(codes[lo]!, codes[hi]!) < 0 ? [codes[lo]!, codes[hi]!] : [codes[hi]!, codes[lo]!];
    const n1 = occurrences[codeIndex.get(codeA)!]!;
    const n2 = occurrences[codeIndex.get(codeB)!]!;
    rows.push({ codeA, codeB, n1, n2, n12: count, c: cCoefficient(n1, n2, count) });
  }
  return rows.sort((x, y) => compareStrings(x.codeA, y.codeA) || compareStrings(x.codeB, y.codeB));
}

/** Segments grouped by document (and coder, when pairing only within a coder). */
function groupForPairing(segments: ReadonlyArray<CodedSegment>, withinCoder: boolean): CodedSegment[][] {
  const groups = new Map<string, CodedSegment[]>();
  for (const s of segments) {
    const key = withinCoder ? `${s.documentId}\u0000${s.coderId ?? ''}` : s.documentId;
    let g = groups.get(key);
    if (g === undefined) {
      g = [];
      groups.set(key, g);
    }
    g.push(s);
  }
  return [...groups.values()];
}

/**
 * Maximum matching between the segments of two codes, edges = overlap (`ends` lists the edges'
 * endpoints two by two). Intervals allow a greedy: take the unmatched segment that ends first and
 * match it with the overlapping unmatched segment of the other code that ends first. (Every segment
 * overlapping the earliest-ending one contains its last position, so swapping partners never loses a pair.)
 */
function maximumMatching(ends: CodedSegment[]): number {
  const byEnd = [...new Set(ends)].sort(
    (x, y) => x.end - y.end || x.start - y.start || compareStrings(x.id, y.id),
  );
  const matched = new Set<CodedSegment>();
  let count = 0;
  for (const x of byEnd) {
    if (matched.has(x)) continue;
    for (const y of byEnd) {
      if (y.codeId === x.codeId || matched.has(y)) continue;
      if (y.start < x.end && x.start < y.end) {
        matched.add(x);
        matched.add(y);
        count++;
        break;
      }
    }
  }
  return count;
}
