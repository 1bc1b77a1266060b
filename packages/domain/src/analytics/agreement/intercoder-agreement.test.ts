import { describe, expect, it } from 'vitest';
import { aSegment } from '../segments/a-segment';
import { cohenKappa } from './cohen-kappa';
import { intercoderAgreement } from './intercoder-agreement';
import { krippendorffAlpha } from './krippendorff-alpha';

// Four paragraphs in d1 and two in d2.
const units = [
  { documentId: 'd1', start: 0, end: 100 },
  { documentId: 'd1', start: 100, end: 200 },
  { documentId: 'd1', start: 200, end: 300 },
  { documentId: 'd1', start: 300, end: 400 },
  { documentId: 'd2', start: 0, end: 100 },
  { documentId: 'd2', start: 100, end: 200 },
];

describe('intercoderAgreement', () => {
  it('marks a unit 1 when the coder coded an overlapping segment of the code', () => {
    const rows = intercoderAgreement({
      units,
      segments: [
        aSegment({ coderId: 'ann', codeId: 'X', start: 10, end: 150 }), // paragraphs 0 and 1
        aSegment({ coderId: 'ben', codeId: 'X', start: 120, end: 180 }), // paragraph 1
        aSegment({ coderId: 'ben', codeId: 'X', start: 390, end: 400 }), // paragraph 3
        aSegment({ coderId: 'ann', codeId: 'Y', documentId: 'd2', start: 0, end: 10 }),
        aSegment({ coderId: 'ben', codeId: 'Y', documentId: 'd2', start: 5, end: 10 }),
      ],
    });
    expect(rows.map((r) => r.codeId)).toEqual(['X', 'Y']);
    const x = rows[0]!;
    expect(x.coders).toEqual(['ann', 'ben']);
    expect(x.matrix).toEqual([
      [1, 1, 0, 0, 0, 0],
      [0, 1, 0, 1, 0, 0],
    ]);
    expect(x.pairableUnits).toBe(6);
    expect(x.percentAgreement).toBeCloseTo(4 / 6, 12);
    expect(x.cohenKappa).toBe(cohenKappa([1, 1, 0, 0, 0, 0], [0, 1, 0, 1, 0, 0]));
    expect(x.krippendorffAlpha).toBe(krippendorffAlpha(x.matrix, { level: 'nominal' }));
  });

  it('treats documents a coder did not code as missing values', () => {
    const rows = intercoderAgreement({
      units,
      segments: [
        aSegment({ coderId: 'ann', codeId: 'X', start: 0, end: 10 }),
        aSegment({ coderId: 'ann', codeId: 'X', documentId: 'd2', start: 0, end: 10 }),
        aSegment({ coderId: 'ben', codeId: 'X', start: 0, end: 10 }),
      ],
    });
    expect(rows[0]!.matrix[1]).toEqual([1, 0, 0, 0, null, null]);
    expect(rows[0]!.pairableUnits).toBe(4);
    expect(rows[0]!.percentAgreement).toBe(1);
  });

  it('uses the declared coded documents when given', () => {
    const rows = intercoderAgreement({
      units,
      codedDocuments: { ann: ['d1', 'd2'], ben: ['d1', 'd2'] },
      segments: [
        aSegment({ coderId: 'ann', codeId: 'X', documentId: 'd2', start: 0, end: 10 }),
        aSegment({ coderId: 'ben', codeId: 'X', start: 0, end: 10 }),
      ],
    });
    expect(rows[0]!.matrix).toEqual([
      [0, 0, 0, 0, 1, 0],
      [1, 0, 0, 0, 0, 0],
    ]);
  });

  it('reports only alpha for three coders', () => {
    const rows = intercoderAgreement({
      units,
      segments: ['ann', 'ben', 'cat'].map((coderId) => aSegment({ coderId, codeId: 'X', start: 0, end: 10 })),
    });
    expect(rows[0]!.percentAgreement).toBeNull();
    expect(rows[0]!.cohenKappa).toBeNull();
    expect(rows[0]!.krippendorffAlpha).toBe(1);
  });

  it('rejects a unit with end <= start', () => {
    expect(() =>
      intercoderAgreement({ units: [{ documentId: 'd1', start: 5, end: 5 }], segments: [] }),
    ).toThrow(/0\.end: expected end > start/);
  });
});
