import { describe, expect, it } from 'vitest';
import type { CodedSegment } from '../segments/segment';
import { intercoderAgreement, type TextUnit } from './intercoder-agreement';

/** The definition, unit by unit: 1 when the coder has a segment of the code overlapping the unit. */
function naiveHit(segments: CodedSegment[], coder: string, code: string, u: TextUnit): 0 | 1 {
  return segments.some(
    (s) =>
      s.documentId === u.documentId &&
      s.coderId === coder &&
      s.codeId === code &&
      s.start < u.end &&
      u.start < s.end,
  )
    ? 1
    : 0;
}

/** A small deterministic generator (no randomness between runs). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

describe('intercoderAgreement unit lookup', () => {
  for (const [label, overlapping] of [
    ['disjoint paragraph units', false],
    ['overlapping, unsorted units', true],
  ] as const) {
    it(`matches the unit-by-unit definition for ${label}`, () => {
      const rand = lcg(overlapping ? 7 : 3);
      const units: TextUnit[] = [];
      for (const doc of ['d1', 'd2']) {
        let at = 0;
        for (let k = 0; k < 40; k++) {
          const len = 1 + Math.floor(rand() * 20);
          const start = overlapping ? Math.floor(rand() * 400) : at;
          units.push({ documentId: doc, start, end: start + len });
          at += len + 1;
        }
      }
      if (overlapping) units.reverse();
      const segments: CodedSegment[] = [];
      for (let k = 0; k < 120; k++) {
        const start = Math.floor(rand() * 500);
        segments.push({
          id: `s${k}`,
          documentId: rand() < 0.5 ? 'd1' : 'd2',
          codeId: `c${Math.floor(rand() * 3)}`,
          coderId: `coder-${Math.floor(rand() * 2)}`,
          start,
          end: start + 1 + Math.floor(rand() * 30),
        });
      }
      const result = intercoderAgreement({ segments, units });
      expect(result.length).toBe(3);
      for (const row of result) {
        row.coders.forEach((coder, r) => {
          expect(row.matrix[r]).toEqual(units.map((u) => naiveHit(segments, coder, row.codeId, u)));
        });
      }
    });
  }
});
