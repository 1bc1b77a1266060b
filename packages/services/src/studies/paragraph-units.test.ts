/** The streaming paragraph scanner finds exactly the units of the whole-text one, however the text is cut. */
import { describe, expect, it } from 'vitest';
import { paragraphScanner, paragraphUnits } from './paragraph-units';

/** Cut by characters (code points), as SQL `substr` cuts: a surrogate pair is never split. */
function chunksOf(text: string, size: number): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out;
}

function scanned(text: string, size: number) {
  const scanner = paragraphScanner('d');
  for (const chunk of chunksOf(text, size)) scanner.push(chunk);
  return scanner.end();
}

describe('paragraph units in chunks', () => {
  const alphabet = ['a', 'Ž', ' ', '\t', '\n', '\r', '\r\n', '\u00a0', '\u2028', '\ufeff', '😀', 'b'];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };

  it('matches the whole-text units for hand-picked edge cases and every chunk size', () => {
    const cases = [
      '',
      '\n\n',
      'one',
      'one\ntwo',
      'one\r\n\r\ntwo\r\n',
      '   \n\t\nreal\n  ',
      '\u00a0\u2028\n😀 emoji 😀\n',
      'a'.repeat(50),
    ];
    for (const text of cases)
      for (let size = 1; size <= text.length + 1; size++)
        expect(scanned(text, size), JSON.stringify({ text, size })).toEqual(paragraphUnits('d', text));
  });

  it('matches the whole-text units for 300 random texts cut at random sizes', () => {
    for (let n = 0; n < 300; n++) {
      const parts: string[] = [];
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) parts.push(alphabet[Math.floor(random() * alphabet.length)] ?? 'a');
      const text = parts.join('');
      const size = 1 + Math.floor(random() * 10);
      expect(scanned(text, size), JSON.stringify({ text, size })).toEqual(paragraphUnits('d', text));
    }
  });
});
