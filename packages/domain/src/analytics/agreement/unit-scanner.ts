/**
 * Agreement's units (paragraph, sentence, document) of one document, found from its text fed in chunks, so a
 * long source is never held whole (issue 10: memory grows with the segments, not the sources). The units are
 * exactly those of the whole text, wherever the chunks are cut (between a CR and its LF, inside a surrogate
 * pair): paragraphs are the text between line breaks, sentences Unicode sentence boundaries
 * (`Intl.Segmenter`) within a paragraph, the document its whole text; each trimmed of white space (`\s`),
 * blank ones dropped. Offsets are UTF-16 code units, end exclusive, as segments are stored.
 *
 * What is held besides the spans: nothing of the text for paragraphs and documents; for sentences the
 * paragraph's text since its last settled sentence boundary (usually a sentence or two). A run of more than
 * `SENTENCE_CARRY_CHARS` without a settled boundary is cut at a point no sentence rule looks across (between
 * two letters), so even a source without any punctuation holds about that much.
 */
export type ScannedUnit = 'paragraph' | 'sentence' | 'document';

/** A unit's [start, end) in its document. */
export type UnitSpan = [number, number];

export interface UnitScanner {
  /** The next piece of the document's text. */
  push(chunk: string): void;
  /** Ends the document: its units, in text order, and its length. */
  end(): { spans: UnitSpan[]; length: number };
}

/** Above this many characters of an unfinished sentence, the held text is cut (see the module note). */
export const SENTENCE_CARRY_CHARS = 65_536;

/** `/\s/` (what `String#trim` removes) per UTF-16 code unit; all such characters are in the BMP. */
const WHITE = (() => {
  const table = new Uint8Array(65_536);
  for (let c = 0; c < 65_536; c++) if (/\s/.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();

/** Line breaks that end a paragraph. CR LF is two breaks here; the blank paragraph between them is dropped. */
function isBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;
}

const sentenceSegmenter = new Intl.Segmenter('und', { granularity: 'sentence' });
/**
 * A character that ends the look-ahead of the only unbounded sentence rule (UAX #29 SB8: after a full stop,
 * no break when a lower-case letter follows, whatever punctuation or digits come between): a letter
 * (Upper, Lower, OLetter; letters that extend a grapheme are Extend) or a sentence terminator (SATerm).
 */
const SETTLES = /[\p{L}\p{Sentence_Terminal}]/u;
const EXTEND = /\p{Grapheme_Extend}/u;
/** Two letters in a row: no sentence rule looks back across the second. */
const LETTER_PAIR = /\p{L}(?=\p{L})/gu;

function settles(text: string): boolean {
  for (const ch of text) if (SETTLES.test(ch) && !EXTEND.test(ch)) return true;
  return false;
}

/** [start, end) of `text.slice(start, end)` without surrounding white space, or null when blank. */
function trimSpan(text: string, start: number, end: number): [number, number] | null {
  let s = start;
  let e = end;
  while (s < e && WHITE[text.charCodeAt(s)] === 1) s++;
  while (e > s && WHITE[text.charCodeAt(e - 1)] === 1) e--;
  return s < e ? [s, e] : null;
}

/**
 * Sentences of one paragraph fed in pieces: `text` holds the paragraph from `base` (a settled boundary, or
 * a cut point) on; `pending` is where the sentence running through `base` began, when the text was cut.
 */
function sentenceSplitter(emit: (span: UnitSpan) => void, carryChars: number) {
  let text = '';
  let base = 0;
  let pending: number | null = null;
  const emitSegment = (from: number, to: number) => {
    const t = trimSpan(text, from, to);
    const start = pending ?? (t === null ? null : base + t[0]);
    const endAt = t === null ? null : base + t[1];
    pending = null;
    if (start !== null && endAt !== null) emit([start, endAt]);
  };
  const segments = (): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    for (const s of sentenceSegmenter.segment(text)) out.push([s.index, s.index + s.segment.length]);
    return out;
  };
  return {
    /** Text of the paragraph, starting at `at` in the document when nothing is held. */
    add(piece: string, at: number) {
      if (text === '' && pending === null) base = at;
      text += piece;
      const segs = segments();
      // Every boundary but the last is settled; the last too when the last sentence settles SB8's look-ahead.
      let keep = segs.length - 1;
      if (keep > 0 && settles(text.slice(segs[keep]![0]))) keep = segs.length;
      const settledTo = keep >= segs.length ? segs[segs.length - 1]![0] : keep > 0 ? segs[keep - 1]![0] : 0;
      for (let i = 0; i < segs.length && segs[i]![0] < settledTo; i++) emitSegment(segs[i]![0], segs[i]![1]);
      if (settledTo > 0) {
        text = text.slice(settledTo);
        base += settledTo;
      }
      if (text.length > carryChars) {
        // Cut between two letters in the first half: the sentence through the cut continues after it.
        LETTER_PAIR.lastIndex = 0;
        let cut = -1;
        for (
          let m = LETTER_PAIR.exec(text);
          m !== null && m.index < text.length / 2;
          m = LETTER_PAIR.exec(text)
        )
          cut = m.index + m[0].length;
        if (cut > 0) {
          if (pending === null) {
            const t = trimSpan(text, 0, cut);
            pending = t === null ? null : base + t[0];
          }
          text = text.slice(cut);
          base += cut;
        }
      }
    },
    /** The paragraph ends at `to` (its trimmed end) in the document. */
    close(to: number) {
      text = text.slice(0, Math.max(0, to - base));
      if (text !== '') {
        for (const [from, toSeg] of segments()) emitSegment(from, toSeg);
      }
      text = '';
      pending = null;
    },
  };
}

/** A scanner for one document's `unit`s; `sentenceCarryChars` (default `SENTENCE_CARRY_CHARS`) for tests. */
export function unitScanner(unit: ScannedUnit, options: { sentenceCarryChars?: number } = {}): UnitScanner {
  const carryChars = options.sentenceCarryChars ?? SENTENCE_CARRY_CHARS;
  const spans: UnitSpan[] = [];
  let offset = 0;
  // The current paragraph (or, for `document`, the whole text): first and past-last non-white character.
  let first = -1;
  let last = -1;
  const sentences = unit === 'sentence' ? sentenceSplitter((s) => spans.push(s), carryChars) : null;
  const endParagraph = () => {
    if (first >= 0) {
      if (sentences) sentences.close(last);
      else spans.push([first, last]);
    }
    first = -1;
    last = -1;
  };
  return {
    push(chunk) {
      // Where this chunk's part of the current paragraph starts (sentences only; -1: none yet).
      let pieceFrom = sentences && first >= 0 ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (unit !== 'document' && isBreak(c)) {
          if (sentences && pieceFrom >= 0) sentences.add(chunk.slice(pieceFrom, i), offset + pieceFrom);
          pieceFrom = -1;
          endParagraph();
          continue;
        }
        if (WHITE[c] !== 1) {
          if (first < 0) {
            first = offset + i;
            if (sentences) pieceFrom = i;
          }
          last = offset + i + 1;
        }
      }
      if (sentences && pieceFrom >= 0 && pieceFrom < chunk.length)
        sentences.add(chunk.slice(pieceFrom), offset + pieceFrom);
      offset += chunk.length;
    },
    end() {
      endParagraph();
      return { spans, length: offset };
    },
  };
}
