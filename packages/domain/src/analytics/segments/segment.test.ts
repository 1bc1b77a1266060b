import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import { aSegment } from './a-segment';
import { codedSegmentsSchema, parseSegments, segmentsOverlap } from './segment';

describe('segmentsOverlap', () => {
  it('is true when half-open ranges share a position in the same document', () => {
    expect(segmentsOverlap(aSegment({ start: 0, end: 5 }), aSegment({ start: 4, end: 9 }))).toBe(true);
    expect(segmentsOverlap(aSegment({ start: 0, end: 5 }), aSegment({ start: 5, end: 9 }))).toBe(false);
    expect(
      segmentsOverlap(aSegment({ start: 0, end: 9 }), aSegment({ documentId: 'other', start: 0, end: 9 })),
    ).toBe(false);
  });
});

describe('parseSegments', () => {
  it('gives the same verdict as the zod schema on arbitrary near-valid input (property)', () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const raw = fc.record(
      {
        id: fc.constantFrom('a', 'b', '', 'c'),
        documentId: fc.oneof(fc.constantFrom('d', ''), fc.integer()),
        codeId: fc.constantFrom('x', ''),
        codeName: maybe(fc.oneof(fc.string(), fc.integer())),
        start: fc.oneof(fc.integer({ min: -2, max: 10 }), fc.double(), fc.constant('1')),
        end: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double()),
        coderId: maybe(fc.constantFrom('c1', '')),
        participantId: maybe(fc.constantFrom('p1', '', 3)),
      },
      { requiredKeys: ['id', 'documentId', 'codeId', 'start', 'end'] },
    );
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 4 }), (segments) => {
        const zodOk = codedSegmentsSchema.safeParse(segments).success;
        let fastOk = true;
        try {
          parseSegments(segments, 'test');
        } catch (e) {
          if (!(e instanceof DomainValidationError)) throw e;
          fastOk = false;
        }
        return zodOk === fastOk;
      }),
      { numRuns: 500 },
    );
  });

  it('names the bad field through zod when the fast check fails', () => {
    expect(() => parseSegments([aSegment(), { ...aSegment(), start: -1 }], 'x')).toThrow(/1\.start/);
    expect(() => parseSegments('nope', 'x')).toThrow(DomainValidationError);
  });
});
