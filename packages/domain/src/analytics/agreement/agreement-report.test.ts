/**
 * agreementReport on published worked examples for every unit. Paragraph, sentence and document units carry the
 * two-coder binary example of Krippendorff (2004, section 11.3.1; also ATLAS.ti's manual): coder 1 codes units
 * 1-2, coder 2 units 2, 3, 6, 8 of ten; percent agreement .6, chance agreement .56 (so Cohen's kappa .04/.44),
 * alpha .095. The character unit carries Krippendorff's (2004, p. 254) unitizing example: cuα .7286 and 1.
 */
import { describe, expect, it } from 'vitest';
import { DomainValidationError } from '../../errors';
import type { CodedSegment } from '../segments/segment';
import { agreementReport } from './agreement-report';
import { textUnits } from './text-units';

const CODER1 = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
const CODER2 = [0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
const PUBLISHED = { percentAgreement: 0.6, cohenKappa: (0.6 - 0.56) / (1 - 0.56), alpha: 0.095 };

/** Segments of code X over the given units, for the two coders' patterns. */
function segmentsOver(units: { documentId: string; start: number; end: number }[]): CodedSegment[] {
  const out: CodedSegment[] = [];
  units.forEach((u, i) => {
    if (CODER1[i])
      out.push({
        id: `a${i}`,
        documentId: u.documentId,
        codeId: 'X',
        coderId: 'c1',
        start: u.start,
        end: u.end,
      });
    if (CODER2[i])
      out.push({
        id: `b${i}`,
        documentId: u.documentId,
        codeId: 'X',
        coderId: 'c2',
        start: u.start,
        end: u.end,
      });
  });
  return out;
}

function expectPublished(report: ReturnType<typeof agreementReport>) {
  expect(report.codes).toHaveLength(1);
  const [x] = report.codes;
  expect(x?.pairableUnits).toBe(10);
  expect(x?.percentAgreement).toBeCloseTo(PUBLISHED.percentAgreement, 12);
  expect(x?.cohenKappa).toBeCloseTo(PUBLISHED.cohenKappa, 12);
  expect(x?.krippendorffAlpha).toBeCloseTo(PUBLISHED.alpha, 3);
  expect(x?.matrix).toEqual([CODER1, CODER2]);
}

const LINES = Array.from({ length: 10 }, (_, i) => `Odstavec číslo ${i + 1} o podpoře.`);

describe('agreementReport on Krippendorff (2004) 11.3.1, for each unit', () => {
  it('paragraph: ten lines (blank lines between them are not units)', () => {
    const documents = [{ id: 'd1', text: LINES.join('\r\n\r\n') }];
    const units = textUnits(documents, 'paragraph');
    expect(units).toHaveLength(10);
    const report = agreementReport({ documents, segments: segmentsOver(units), unit: 'paragraph' });
    expect(report.unit).toBe('paragraph');
    expectPublished(report);
  });

  it('sentence: ten sentences in one paragraph', () => {
    const documents = [{ id: 'd1', text: LINES.join(' ') }];
    const units = textUnits(documents, 'sentence');
    expect(units.map((u) => documents[0]!.text.slice(u.start, u.end))).toEqual(LINES);
    expectPublished(agreementReport({ documents, segments: segmentsOver(units), unit: 'sentence' }));
  });

  it('document: ten documents, each coded (or not) as a whole, with the coded documents stated', () => {
    const documents = LINES.map((text, i) => ({ id: `d${i}`, text }));
    const units = textUnits(documents, 'document');
    expect(units).toHaveLength(10);
    const all = documents.map((d) => d.id);
    const report = agreementReport({
      documents,
      segments: segmentsOver(units),
      unit: 'document',
      codedDocuments: { c1: all, c2: all },
    });
    expectPublished(report);
    // Without the statement, coder 1 only "coded" the two documents with segments: fewer pairable units.
    const implicit = agreementReport({ documents, segments: segmentsOver(units), unit: 'document' });
    expect(implicit.codes[0]?.pairableUnits).toBe(1);
  });

  it('character: Krippendorff (2004, p. 254), cuα .7286 for c and 1 for k; percent agreement and kappa per character', () => {
    const documents = [{ id: 'd1', text: 'x'.repeat(300) }];
    const seg = (
      id: string,
      codeId: string,
      coderId: string,
      from: number,
      length: number,
    ): CodedSegment => ({
      id,
      documentId: 'd1',
      codeId,
      coderId,
      start: from - 150,
      end: from - 150 + length,
    });
    const segments = [
      seg('1', 'c', 'i', 225, 70),
      seg('2', 'c', 'i', 370, 30),
      seg('3', 'c', 'j', 220, 80),
      seg('4', 'c', 'j', 355, 20),
      seg('5', 'c', 'j', 400, 20),
      seg('6', 'k', 'i', 180, 60),
      seg('7', 'k', 'i', 300, 50),
      seg('8', 'k', 'j', 180, 60),
      seg('9', 'k', 'j', 300, 50),
    ];
    const report = agreementReport({ documents, segments, unit: 'character' });
    const [c, k] = report.codes;
    expect(c?.krippendorffAlpha).toBeCloseTo(0.7286, 4);
    expect(k?.krippendorffAlpha).toBe(1);
    // c: i marks 100 characters, j 120, both 75 -> agreement (75 + 155) / 300; kappa (.7667 - .5333) / .4667 = .5.
    expect(c?.percentAgreement).toBeCloseTo(230 / 300, 12);
    expect(c?.cohenKappa).toBeCloseTo(0.5, 12);
    expect(c?.pairableUnits).toBe(300);
    expect(report.unitCount).toBe(300);
    // Characters coded by nobody: 300 minus the union of every mark (180-350 and 355-420, 235 characters).
    expect(report.uncodedShare).toBeCloseTo(65 / 300, 12);
    // i: 180-295, 300-350, 370-400 = 195; j: 180-350, 355-375, 400-420 = 210 (codes overlapping count once).
    expect(report.coverage).toEqual([
      { coderId: 'i', documents: 1, units: 300, codedUnits: 195, coverage: 195 / 300 },
      { coderId: 'j', documents: 1, units: 300, codedUnits: 210, coverage: 0.7 },
    ]);
    expect(report.warnings).toEqual([]);
  });
});

describe('coverage and the warning when most units are uncoded', () => {
  // A transcript where most paragraphs are metadata nobody codes (the real two-coder file of the issue).
  const metadata = Array.from({ length: 8 }, (_, i) => `Metadata řádek ${i}: 00:0${i}:00`);
  const text = [...metadata, 'Mám strach z nové práce.', 'Kolegové mi pomohli.'].join('\n');
  const documents = [{ id: 'd1', text }];
  const units = textUnits(documents, 'paragraph');
  const at = (i: number) => units[i]!;
  const segments: CodedSegment[] = [
    { id: 's1', documentId: 'd1', codeId: 'fear', coderId: 'c1', start: at(8).start, end: at(8).end },
    { id: 's2', documentId: 'd1', codeId: 'fear', coderId: 'c2', start: at(8).start, end: at(8).end },
    { id: 's3', documentId: 'd1', codeId: 'help', coderId: 'c1', start: at(9).start, end: at(9).end },
  ];

  it('flags that 80% of the paragraphs are coded by no coder', () => {
    const report = agreementReport({ documents, segments });
    expect(report.uncodedShare).toBeCloseTo(0.8, 12);
    expect(report.warnings).toEqual([
      {
        code: 'mostly_uncoded',
        message:
          '80% of the paragraphs compared are coded by no coder, so agreement mostly counts text both left alone; look at coverage and at agreement on a finer unit',
      },
    ]);
    // "fear" looks perfect on paragraphs only because of the eight agreed blanks.
    expect(report.codes.find((c) => c.codeId === 'fear')?.percentAgreement).toBe(1);
  });

  it('reports per-coder coverage', () => {
    expect(agreementReport({ documents, segments }).coverage).toEqual([
      { coderId: 'c1', documents: 1, units: 10, codedUnits: 2, coverage: 0.2 },
      { coderId: 'c2', documents: 1, units: 10, codedUnits: 1, coverage: 0.1 },
    ]);
  });

  it('does not warn when the threshold is not passed, and warns with fewer than two coders', () => {
    expect(agreementReport({ documents, segments, uncodedWarningShare: 0.9 }).warnings).toEqual([]);
    const one = agreementReport({ documents, segments: segments.filter((s) => s.coderId === 'c1') });
    expect(one.codes).toEqual([]);
    expect(one.warnings.map((w) => w.code)).toEqual(['fewer_than_two_coders']);
  });

  it('rejects a segment past the end of its document or in an unknown document, naming it', () => {
    const past = () =>
      agreementReport({
        documents,
        segments: [{ id: 'x', documentId: 'd1', codeId: 'a', coderId: 'c1', start: 0, end: text.length + 1 }],
      });
    expect(past).toThrow(DomainValidationError);
    expect(past).toThrow(new RegExp(`segments\\.0.*expected end <= ${text.length}`));
    const unknown = () =>
      agreementReport({
        documents,
        segments: [{ id: 'x', documentId: 'nope', codeId: 'a', coderId: 'c1', start: 0, end: 1 }],
      });
    expect(unknown).toThrow(/"nope" is not among them/);
    expect(() => agreementReport({ documents, segments, unit: 'word' as never })).toThrow(
      /unit: expected one of paragraph, sentence, document, character/,
    );
  });
});

describe('coverage on units, found by binary search over merged spans', () => {
  it('equals the unit-by-unit definition on random overlapping, nested and touching segments', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const text = Array.from({ length: 40 }, (_, i) => `Line ${i} of the interview.`).join('\n');
    const docs = [
      { id: 'a', text },
      { id: 'b', text },
    ];
    for (let round = 0; round < 20; round++) {
      const segments = Array.from({ length: 60 }, (_, i) => {
        const start = next(text.length - 1);
        return {
          id: `s${i}`,
          documentId: next(2) === 0 ? 'a' : 'b',
          codeId: `k${next(3)}`,
          coderId: `c${next(3)}`,
          start,
          end: start + 1 + next(Math.min(60, text.length - start)),
        };
      });
      const codedDocuments = { c0: ['a', 'b'], c1: ['a'], c2: ['a', 'b'] };
      for (const unit of ['paragraph', 'sentence'] as const) {
        const units = textUnits(docs, unit);
        const report = agreementReport({ documents: docs, segments, unit, codedDocuments });
        const hit = (u: (typeof units)[number], coder?: string) =>
          segments.some(
            (s) =>
              s.documentId === u.documentId &&
              (coder === undefined || s.coderId === coder) &&
              codedDocuments[s.coderId as keyof typeof codedDocuments].includes(u.documentId) &&
              s.start < u.end &&
              u.start < s.end,
          );
        for (const c of report.coverage) {
          const mine = units.filter((u) =>
            codedDocuments[c.coderId as keyof typeof codedDocuments].includes(u.documentId),
          );
          expect([c.coderId, c.units, c.codedUnits]).toEqual([
            c.coderId,
            mine.length,
            mine.filter((u) => hit(u, c.coderId)).length,
          ]);
        }
        expect(report.uncodedShare).toBeCloseTo(units.filter((u) => !hit(u)).length / units.length, 12);
      }
    }
  });
});
