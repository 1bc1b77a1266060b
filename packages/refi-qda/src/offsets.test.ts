/** Unit tests for offset-convention resolution and code point conversion. */

import { describe, expect, it } from 'vitest';
import { RefiQdaError } from './errors';
import { jsIndicesToCodePoints, resolveOffsets, SPEC_CONVENTION } from './offsets';

const where = { file: 'test.qdpx!sources/a.txt', sourceGuid: 'src-1' };
const span = (start: number, end: number, guid = 'sel-1') => ({ guid, start, end });

function caught(fn: () => unknown): RefiQdaError {
  try {
    fn();
  } catch (err) {
    if (err instanceof RefiQdaError) return err;
    throw err;
  }
  throw new Error('expected a RefiQdaError');
}

describe('resolveOffsets', () => {
  it('uses the spec convention when nothing tells the conventions apart', () => {
    const r = resolveOffsets('plain words here', false, [span(6, 11)], where);
    expect(r.convention).toEqual(SPEC_CONVENTION);
    expect(r.spans).toEqual([{ start: 6, end: 11 }]);
    expect(r.ambiguous).toBe(false);
  });

  it('reports no selections as the spec convention', () => {
    expect(resolveOffsets('x', true, [], where)).toMatchObject({
      convention: SPEC_CONVENTION,
      spans: [],
      ambiguous: false,
    });
  });

  it('picks CRLF-as-one when CRLF-as-two would cut a line break in two', () => {
    // a=0 b=1 CRLF=2 c=3 d=4 when a CRLF counts once; position 3 is inside the CRLF when it counts twice.
    const r = resolveOffsets('ab\r\ncd', false, [span(3, 5)], where);
    expect(r.convention).toEqual({ unit: 'codePoint', crlf: 1, bomCounted: false });
    expect(r.spans).toEqual([{ start: 4, end: 6 }]);
    expect(r.reason).toMatch(/cuts a surrogate pair or a CRLF/);
  });

  it('picks UTF-16 units when code points would land inside a word', () => {
    const text = '😀 slovo a dál';
    const start = text.indexOf('slovo');
    const r = resolveOffsets(text, false, [span(start, start + 5)], where);
    expect(r.convention.unit).toBe('utf16');
    expect(text.slice(r.spans[0]!.start, r.spans[0]!.end)).toBe('slovo');
  });

  it('counts a BOM when the positions are shifted by one', () => {
    const text = 'první druhé';
    const r = resolveOffsets(text, true, [span(7, 12)], where);
    expect(r.convention.bomCounted).toBe(true);
    expect(text.slice(r.spans[0]!.start, r.spans[0]!.end)).toBe('druhé');
  });

  it('flags a tie between different readings as ambiguous and prefers the spec', () => {
    // Written [2,3): code points give "a", UTF-16 units give " "; both sit on boundaries.
    const r = resolveOffsets('😀 a b', false, [span(2, 3)], where);
    expect(r.ambiguous).toBe(true);
    expect(r.convention).toEqual(SPEC_CONVENTION);
    expect(r.reason).toMatch(/tie broken/);
  });

  it('refuses a selection past the end under every convention, naming source and selection', () => {
    const err = caught(() =>
      resolveOffsets('krátký', false, [span(0, 3, 'ok'), span(2, 40, 'too-long')], where),
    );
    expect(err.code).toBe('selection_out_of_range');
    expect(err.message).toContain('too-long');
    expect(err.message).toContain('src-1');
    expect(err.message).toContain('test.qdpx!sources/a.txt');
  });

  it('names the source by its name as well as its GUID when it has one', () => {
    const err = caught(() =>
      resolveOffsets('krátký', false, [span(2, 40, 'too-long')], { ...where, sourceName: 'Rozhovor 3' }),
    );
    expect(err.code).toBe('selection_out_of_range');
    expect(err.message).toContain('source "Rozhovor 3" (src-1)');
  });

  it('refuses when every convention either overruns or splits a character', () => {
    // "😀" is 1 code point / 2 UTF-16 units: [1,2) overruns as code points and splits the pair as units.
    const err = caught(() => resolveOffsets('😀', false, [span(1, 2, 'half-emoji')], where));
    expect(err.code).toBe('offset_convention_mismatch');
    expect(err.message).toContain('half-emoji');
    expect(err.message).toMatch(/refusing to slice it wrongly/);
  });
});

describe('jsIndicesToCodePoints', () => {
  it('counts astral characters once', () => {
    const text = 'a😀b\r\nč';
    const map = jsIndicesToCodePoints(text, [0, 1, 3, 4, 6, 7]);
    expect([...map.entries()]).toEqual([
      [0, 0],
      [1, 1],
      [3, 2],
      [4, 3],
      [6, 5],
      [7, 6],
    ]);
  });

  it('rejects an index inside a surrogate pair or past the end', () => {
    expect(caught(() => jsIndicesToCodePoints('a😀', [2])).code).toBe('invalid_input');
    expect(caught(() => jsIndicesToCodePoints('ab', [3])).code).toBe('invalid_input');
  });
});
