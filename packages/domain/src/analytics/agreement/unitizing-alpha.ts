/**
 * Krippendorff's alpha for unitizing a continuum, per category (_cuα, Krippendorff 2004, Content Analysis,
 * 2nd ed., section 12.4): coders mark stretches of one continuum (here the characters of a text) as belonging
 * to category c; alpha compares where their stretches begin and end, with gaps as the complement.
 */
import { z } from 'zod';
import { parseInput } from '../../errors';

/** One coder's stretch of category c: [start, end) on the continuum [0, length). */
export interface UnitizedSpan {
  coder: string;
  start: number;
  end: number;
}

/** Input of `unitizingAlpha`. */
export interface UnitizingInput {
  /** Length of the continuum; every span lies in [0, length). */
  length: number;
  /** The coders compared; a coder without spans marked nothing (all gap). At least two. */
  coders: ReadonlyArray<string>;
  /** Spans of the category; overlapping or touching spans of one coder are merged first. */
  spans: ReadonlyArray<UnitizedSpan>;
}

/** cuα with the disagreements behind it; alpha is null when undefined (no coder marked anything). */
export interface UnitizingAlpha {
  alpha: number | null;
  /** Observed disagreement D_o. */
  observed: number;
  /** Expected disagreement D_e. */
  expected: number;
}

const position = z.number().int({ message: 'expected an integer position' }).min(0, {
  message: 'expected a position >= 0',
});
const inputSchema = z
  .object({
    length: z.number().int().min(1, { message: 'expected a continuum length >= 1' }),
    coders: z
      .array(z.string().min(1, { message: 'expected a non-empty coder id' }))
      .min(2, { message: 'expected at least two coders' })
      .refine((c) => new Set(c).size === c.length, { message: 'expected each coder listed once' }),
    spans: z.array(z.object({ coder: z.string(), start: position, end: position })),
  })
  .superRefine((input, ctx) => {
    const coders = new Set(input.coders);
    input.spans.forEach((s, i) => {
      if (!coders.has(s.coder))
        ctx.addIssue({ code: 'custom', path: ['spans', i, 'coder'], message: 'expected one of coders' });
      if (s.end <= s.start)
        ctx.addIssue({
          code: 'custom',
          path: ['spans', i, 'end'],
          message: `expected end > start (${s.start})`,
        });
      if (s.end > input.length)
        ctx.addIssue({
          code: 'custom',
          path: ['spans', i, 'end'],
          message: `expected end <= length (${input.length})`,
        });
    });
  });

/** A coder's continuum as alternating sections: marked (category c) or gap. */
interface Section {
  start: number;
  length: number;
  marked: boolean;
}

function sectionsOf(spans: ReadonlyArray<UnitizedSpan>, length: number): Section[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  const out: Section[] = [];
  let at = 0;
  for (const m of merged) {
    if (m.start > at) out.push({ start: at, length: m.start - at, marked: false });
    out.push({ start: m.start, length: m.end - m.start, marked: true });
    at = m.end;
  }
  if (at < length) out.push({ start: at, length: length - at, marked: false });
  return out;
}

/**
 * The distance of two overlapping sections of two coders (Krippendorff 2004, section 12.4): for two marked
 * units, the squared differences of their starts and of their ends; for a marked unit lying wholly inside the
 * other coder's gap, its squared length; otherwise 0.
 */
function distance(g: Section, h: Section): number {
  const startDiff = g.start - h.start;
  if (g.marked && h.marked) {
    const endDiff = g.start + g.length - (h.start + h.length);
    return startDiff * startDiff + endDiff * endDiff;
  }
  if (g.marked && !h.marked && startDiff >= 0 && g.start + g.length <= h.start + h.length)
    return g.length ** 2;
  if (!g.marked && h.marked && startDiff <= 0 && h.start + h.length <= g.start + g.length)
    return h.length ** 2;
  return 0;
}

/** Sum of distances over all overlapping section pairs of two coders (a sweep; sections are sorted). */
function pairDistance(a: Section[], b: Section[]): number {
  let sum = 0;
  let j = 0;
  for (const g of a) {
    const gEnd = g.start + g.length;
    while (j < b.length && b[j]!.start + b[j]!.length <= g.start) j++;
    for (let k = j; k < b.length && b[k]!.start < gEnd; k++) sum += distance(g, b[k]!);
  }
  return sum;
}

/**
 * _cuα for one category over one continuum (Krippendorff 2004, eqs. for D_o and D_e in section 12.4):
 *
 * D_o = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m (m - 1) L²)
 * D_e = (2 / L) Σ_{marked ig} [ (N_c - 1)(2 l³ - 3 l² + l) / 3 + l² Σ_{gaps jh, l_jh >= l} (l_jh - l + 1) ]
 *       / ( m L (m L - 1) - Σ_{marked ig} l (l - 1) )
 *
 * with m coders, continuum length L, N_c marked units over all coders, l = l_ig. alpha = 1 - D_o / D_e.
 */
export function unitizingAlpha(input: UnitizingInput): UnitizingAlpha {
  const { length: L, coders, spans } = parseInput(inputSchema, input, 'unitizingAlpha');
  const m = coders.length;
  const byCoder = coders.map((c) =>
    sectionsOf(
      spans.filter((s) => s.coder === c),
      L,
    ),
  );
  let observedSum = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) if (i !== j) observedSum += pairDistance(byCoder[i]!, byCoder[j]!);
  }
  const observed = observedSum / (m * (m - 1) * L * L);

  const all = byCoder.flat();
  const marked = all.filter((s) => s.marked);
  const gaps = all
    .filter((s) => !s.marked)
    .map((s) => s.length)
    .sort((a, b) => b - a);
  const nc = marked.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const u of marked) {
    const l = u.length;
    let fits = 0;
    for (const gap of gaps) {
      if (gap < l) break;
      fits += gap - l + 1;
    }
    numerator += ((nc - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
    selfPairs += l * (l - 1);
  }
  const expected = ((2 / L) * numerator) / (m * L * (m * L - 1) - selfPairs);
  if (nc === 0 || expected === 0) return { alpha: null, observed, expected };
  return { alpha: 1 - observed / expected, observed, expected };
}
