import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { aSegment } from './a-segment';
import { cCoefficient } from './c-coefficient';
import { coOccurrence } from './co-occurrence';
import type { CodedSegment } from './segment';

describe('cCoefficient', () => {
  it('is n12 / (n1 + n2 - n12)', () => {
    expect(cCoefficient(10, 5, 3)).toBe(0.25);
    expect(cCoefficient(4, 4, 4)).toBe(1);
  });

  it('is 0 when neither code occurs', () => {
    expect(cCoefficient(0, 0, 0)).toBe(0);
  });

  it('rejects negative, fractional and impossible counts', () => {
    expect(() => cCoefficient(-1, 2, 0)).toThrow(DomainValidationError);
    expect(() => cCoefficient(1.5, 2, 0)).toThrow(/n1/);
    expect(() => cCoefficient(2, 3, 4)).toThrow(/n12: expected n12 <= min/);
  });

  it('stays in [0, 1] for every valid triple (property)', () => {
    const triple = fc
      .tuple(fc.nat(1000), fc.nat(1000))
      .chain(([n1, n2]) => fc.tuple(fc.constant(n1), fc.constant(n2), fc.nat(Math.min(n1, n2))));
    fc.assert(
      fc.property(triple, ([n1, n2, n12]) => {
        const c = cCoefficient(n1, n2, n12);
        return c >= 0 && c <= 1;
      }),
    );
  });
});

describe('coOccurrence', () => {
  it('counts overlapping segments of different codes in the same document', () => {
    const rows = coOccurrence([
      aSegment({ id: 'a1', codeId: 'A', start: 0, end: 10 }),
      aSegment({ id: 'b1', codeId: 'B', start: 5, end: 15 }),
      aSegment({ id: 'a2', codeId: 'A', start: 100, end: 110 }),
      aSegment({ id: 'b2', codeId: 'B', start: 200, end: 210 }),
    ]);
    expect(rows).toEqual([{ codeA: 'A', codeB: 'B', n1: 2, n2: 2, n12: 1, c: 1 / 3 }]);
  });

  it('does not count segments that only touch, or that are in different documents', () => {
    const rows = coOccurrence([
      aSegment({ codeId: 'A', start: 0, end: 5 }),
      aSegment({ codeId: 'B', start: 5, end: 9 }),
      aSegment({ codeId: 'C', documentId: 'd2', start: 0, end: 9 }),
    ]);
    expect(rows).toEqual([]);
  });

  it('counts one long segment overlapping several of another code once (each segment used once)', () => {
    const rows = coOccurrence([
      aSegment({ id: 'long', codeId: 'A', start: 0, end: 100 }),
      aSegment({ id: 'b1', codeId: 'B', start: 10, end: 20 }),
      aSegment({ id: 'b2', codeId: 'B', start: 30, end: 40 }),
      aSegment({ id: 'b3', codeId: 'B', start: 50, end: 60 }),
    ]);
    expect(rows).toEqual([{ codeA: 'A', codeB: 'B', n1: 1, n2: 3, n12: 1, c: 1 / 3 }]);
  });

  it('finds the largest matching, not the first overlap in reading order', () => {
    // A1 [0,30) overlaps B1 [0,5) and B2 [20,25); A2 [1,4) overlaps only B1. Pairing A1 with the first
    // overlap (B1) would leave A2 alone: 1. The maximum pairs A1-B2 and A2-B1: 2.
    const rows = coOccurrence([
      aSegment({ id: 'A1', codeId: 'A', start: 0, end: 30 }),
      aSegment({ id: 'A2', codeId: 'A', start: 1, end: 4 }),
      aSegment({ id: 'B1', codeId: 'B', start: 0, end: 5 }),
      aSegment({ id: 'B2', codeId: 'B', start: 20, end: 25 }),
    ]);
    expect(rows).toEqual([{ codeA: 'A', codeB: 'B', n1: 2, n2: 2, n12: 2, c: 1 }]);
  });

  it('sorts rows by code pair and is independent of input order', () => {
    const segments = [
      aSegment({ id: 'x1', codeId: 'Z', start: 0, end: 10 }),
      aSegment({ id: 'x2', codeId: 'M', start: 2, end: 8 }),
      aSegment({ id: 'x3', codeId: 'A', start: 4, end: 6 }),
    ];
    const rows = coOccurrence(segments);
    expect(rows.map((r) => `${r.codeA}-${r.codeB}`)).toEqual(['A-M', 'A-Z', 'M-Z']);
    expect(coOccurrence([...segments].reverse())).toEqual(rows);
  });

  it("pairs only one coder's segments when asked", () => {
    const segments = [
      aSegment({ codeId: 'A', coderId: 'c1', start: 0, end: 10 }),
      aSegment({ codeId: 'B', coderId: 'c2', start: 0, end: 10 }),
    ];
    expect(coOccurrence(segments)).toHaveLength(1);
    expect(coOccurrence(segments, { withinCoder: true })).toEqual([]);
  });

  it('rejects a segment whose end is not after its start, naming the field', () => {
    expect(() => coOccurrence([aSegment({ start: 5, end: 5 })])).toThrow(/0\.end: expected end > start/);
    expect(() => coOccurrence([aSegment({ id: 'same' }), aSegment({ id: 'same' })])).toThrow(/1\.id/);
  });

  it('keeps n12 <= min(n1, n2) and c in [0, 1] on random segments (property)', () => {
    const segment = fc
      .record({
        documentId: fc.constantFrom('d1', 'd2'),
        codeId: fc.constantFrom('A', 'B', 'C'),
        start: fc.nat(50),
        length: fc.integer({ min: 1, max: 20 }),
      })
      .map((r) => ({ documentId: r.documentId, codeId: r.codeId, start: r.start, end: r.start + r.length }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 30 }), (raw) => {
        const segments: CodedSegment[] = raw.map((s, i) => ({ ...s, id: `s${i}` }));
        return coOccurrence(segments).every(
          (r) => r.n12 > 0 && r.n12 <= Math.min(r.n1, r.n2) && r.c > 0 && r.c <= 1 && r.codeA < r.codeB,
        );
      }),
    );
  });

  it('agrees with a brute-force maximum matching on small random inputs (property)', () => {
    const segment = fc
      .record({
        codeId: fc.constantFrom('A', 'B'),
        start: fc.nat(30),
        length: fc.integer({ min: 1, max: 12 }),
      })
      .map((r) => ({ codeId: r.codeId, start: r.start, end: r.start + r.length }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 9 }), (raw) => {
        const segments: CodedSegment[] = raw.map((s, i) => ({ ...s, id: `s${i}`, documentId: 'd' }));
        const got = coOccurrence(segments)[0]?.n12 ?? 0;
        return (
          got ===
          bruteForceMatching(
            segments.filter((s) => s.codeId === 'A'),
            segments.filter((s) => s.codeId === 'B'),
          )
        );
      }),
    );
  });
});

function bruteForceMatching(as: CodedSegment[], bs: CodedSegment[]): number {
  const overlaps = (x: CodedSegment, y: CodedSegment) => x.start < y.end && y.start < x.end;
  const best = (i: number, used: Set<number>): number => {
    if (i === as.length) return 0;
    let result = best(i + 1, used);
    bs.forEach((b, j) => {
      if (used.has(j) || !overlaps(as[i]!, b)) return;
      used.add(j);
      result = Math.max(result, 1 + best(i + 1, used));
      used.delete(j);
    });
    return result;
  };
  return best(0, new Set());
}
