/**
 * The streaming splitter gives exactly the units of the whole text, wherever the chunks are cut: between
 * CR and LF, inside a surrogate pair, inside "etc." or a run of digits after a full stop. The reference is
 * the whole-text definition (paragraphs between line breaks, `Intl.Segmenter` sentences within a trimmed
 * paragraph, the trimmed document), written out here independently of the scanner.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textUnits } from './text-units';
import { type ScannedUnit, type UnitSpan, unitScanner } from './unit-scanner';

function trimmed(text: string, start: number, end: number): UnitSpan | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return s < e ? [s, e] : null;
}

function paragraphs(text: string): UnitSpan[] {
  const out: UnitSpan[] = [];
  let at = 0;
  for (const m of text.matchAll(/\r\n|[\n\r\u2028\u2029\u0085]/g)) {
    const t = trimmed(text, at, m.index);
    if (t) out.push(t);
    at = m.index + m[0].length;
  }
  const t = trimmed(text, at, text.length);
  if (t) out.push(t);
  return out;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'sentence' });

function reference(text: string, unit: ScannedUnit): UnitSpan[] {
  if (unit === 'paragraph') return paragraphs(text);
  if (unit === 'document') {
    const t = trimmed(text, 0, text.length);
    return t ? [t] : [];
  }
  const out: UnitSpan[] = [];
  for (const [start, end] of paragraphs(text)) {
    for (const seg of segmenter.segment(text.slice(start, end))) {
      const t = trimmed(text, start + seg.index, start + seg.index + seg.segment.length);
      if (t) out.push(t);
    }
  }
  return out;
}

function scan(chunks: string[], unit: ScannedUnit, sentenceCarryChars?: number) {
  const scanner = unitScanner(unit, sentenceCarryChars === undefined ? {} : { sentenceCarryChars });
  for (const c of chunks) scanner.push(c);
  return scanner.end();
}

function cutAt(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const c of at) {
    out.push(text.slice(from, c));
    from = c;
  }
  out.push(text.slice(from));
  return out;
}

// Pieces chosen for the rules that look across characters: CR LF, other breaks, abbreviations followed
// by lower case, digits after a full stop, closing punctuation, non-Latin terminators, surrogate pairs,
// combining and grapheme-extending marks, white space that `\s` trims but UAX #29 counts as a letter.
const PIECES = [
  'Ahoj',
  'svět',
  'žluťoučký',
  'Mr.',
  'etc.',
  'e.g.',
  ' ',
  '  ',
  '\t',
  '.',
  '. ',
  '!',
  '?',
  '?!',
  ')',
  '"',
  '”',
  '3.14',
  '12',
  '\r\n',
  '\n',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u00a0',
  '\ufeff',
  '😀',
  '𝐀𝐁',
  'e\u0301',
  'ｶﾞ',
  '。',
  '日本語',
  'Ünal',
  'x',
  'I',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));
const cuts = fc.array(fc.nat(), { maxLength: 12 });

describe('unitScanner', () => {
  for (const unit of ['paragraph', 'sentence', 'document'] as const) {
    it(`${unit}: any chunking gives the whole text's units and its length`, () => {
      fc.assert(
        fc.property(text, cuts, (t, c) => {
          expect(scan(cutAt(t, c), unit)).toEqual({ spans: reference(t, unit), length: t.length });
        }),
        { numRuns: 1500 },
      );
    });
  }

  it('sentence: a run held past the carry limit is cut without changing a unit', () => {
    // With a carry of 8 characters nearly every sentence is cut at least once.
    fc.assert(
      fc.property(text, cuts, fc.integer({ min: 4, max: 24 }), (t, c, carry) => {
        expect(scan(cutAt(t, c), 'sentence', carry).spans).toEqual(reference(t, 'sentence'));
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps CR LF split across chunks one break, a surrogate pair split across chunks one character', () => {
    const t = 'Jedna věta. Druhá😀 věta.\r\nDalší odstavec etc. a konec.\r\n\r\n  😀  ';
    const crlf = t.indexOf('\r\n') + 1;
    const pair = t.indexOf('😀') + 1;
    for (const unit of ['paragraph', 'sentence', 'document'] as const) {
      expect(scan(cutAt(t, [crlf, pair]), unit).spans, unit).toEqual(reference(t, unit));
      expect(scan(t.split(''), unit).spans, `${unit} one code unit a chunk`).toEqual(reference(t, unit));
    }
    expect(scan([t], 'sentence').spans.map(([s, e]) => t.slice(s, e))).toEqual([
      'Jedna věta.',
      'Druhá😀 věta.',
      'Další odstavec etc. a konec.',
      '😀',
    ]);
  });

  it('holds a bounded carry for a long paragraph with no sentence end, and still finds its one sentence', () => {
    const long = 'slovo '.repeat(200_000);
    const scanner = unitScanner('sentence');
    for (let i = 0; i < long.length; i += 10_000) scanner.push(long.slice(i, i + 10_000));
    expect(scanner.end().spans).toEqual([[0, long.length - 1]]);
  });

  it('textUnits (the whole-text entry point) agrees with the reference', () => {
    const t = 'A. B? C!\n\nD e.g. f.\r\n';
    for (const unit of ['paragraph', 'sentence', 'document'] as const)
      expect(textUnits([{ id: 'd', text: t }], unit).map((u) => [u.start, u.end])).toEqual(
        reference(t, unit),
      );
  });
});
