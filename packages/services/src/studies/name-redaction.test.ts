import { describe, expect, it } from 'vitest';
import { nameRedactor, nameVariants } from './name-redaction';

const redactor = (names: Record<string, string>) => nameRedactor(new Map(Object.entries(names)));

describe('nameVariants', () => {
  it('a document name gives its stem, the stem without generic words, and its name tokens', () => {
    expect(nameVariants('Interview with Alice Realname.txt').sort()).toEqual(
      [
        'Alice',
        'Alice Realname',
        'Interview with Alice Realname',
        'Interview with Alice Realname.txt',
        'Realname',
      ].sort(),
    );
  });

  it('generic words, numbers and short tokens are not names on their own', () => {
    expect(nameVariants('Participant 01')).toEqual(['Participant 01']);
    expect(nameVariants('Účastnice 07')).toEqual(['Účastnice 07']);
    expect(nameVariants('Rozhovor s Bo Vlk')).toEqual(['Rozhovor s Bo Vlk', 'Bo Vlk', 'Vlk']);
  });

  it('a name too short, generic or numeric to be told from ordinary text is not looked for', () => {
    expect(nameVariants('A')).toEqual([]);
    // Only the file name itself is looked for, not its generic or numeric stem.
    expect(nameVariants('Interview.txt')).toEqual(['Interview.txt']);
    expect(nameVariants('01.txt')).toEqual(['01.txt']);
    expect(nameVariants('P1')).toEqual(['P1']);
    expect(nameVariants('1234.txt')).toEqual(['1234.txt', '1234']);
  });

  it('an e-mail address gives the tokens of its local part only', () => {
    expect(nameVariants('ann.smith@example.org').sort()).toEqual(
      ['ann.smith@example.org', 'ann smith', 'smith', 'ann'].sort(),
    );
  });
});

describe('nameRedactor', () => {
  it('matches case-insensitively on word boundaries, longest first', () => {
    const r = redactor({ Ann: '[A]', 'Ann Lee': '[AL]', Lee: '[L]' });
    expect(r.redact('ANN LEE met ann, Annabel and lee.').text).toBe('[AL] met [A], Annabel and [L].');
    expect(r.redact('Ann\n  Lee').text).toBe('[AL]');
    expect(r.redact("Ann's hat").text).toBe("[A]'s hat");
    expect(r.redact('xAnn Ann2 Ann_').text).toBe('xAnn Ann2 [A]_');
  });

  it('treats names as text, not patterns, and matches decomposed accents', () => {
    const r = redactor({ 'J.R. (Jo)': '[J]', Žofie: '[Z]' });
    expect(r.redact('J.R. (Jo) and JXR. (Jo)').text).toBe('[J] and JXR. (Jo)');
    expect(r.redact(`${'Žofie'.normalize('NFD')} came`).text).toBe('[Z] came');
  });

  it('maps offsets: outside names they shift, inside a name they cover the whole placeholder', () => {
    const text = 'Hi Bartholomew, bye Bartholomew!';
    const r = redactor({ Bartholomew: '[B]' }).redact(text);
    expect(r.text).toBe('Hi [B], bye [B]!');
    expect(r.count).toBe(2);
    for (const [start, end, expected] of [
      [0, 2, 'Hi'],
      [3, 14, '[B]'],
      [5, 9, '[B]'],
      [16, 19, 'bye'],
      [14, 31, ', bye [B]'],
      [31, 32, '!'],
      [0, 32, 'Hi [B], bye [B]!'],
    ] as const) {
      expect(r.text.slice(r.mapStart(start), r.mapEnd(end)), text.slice(start, end)).toBe(expected);
    }
    expect([r.mapStart(7), r.mapEnd(7)]).toEqual([3, 6]);
  });

  it('with no names, or no match, the text and offsets stay as they are', () => {
    const none = redactor({}).redact('Alice');
    expect([none.text, none.count, none.mapStart(3), none.mapEnd(3)]).toEqual(['Alice', 0, 3, 3]);
    const miss = redactor({ Bob: '[B]' }).redact('Alice');
    expect([miss.text, miss.count, miss.mapEnd(5)]).toEqual(['Alice', 0, 5]);
  });
});

describe('offset maps over many names', () => {
  it('agree with a character-by-character walk at every offset', () => {
    const names = { Ann: '[A]', 'Bob Ray': '[BOB RAY]', Zed: '' };
    const text = 'Ann met Bob Ray. Zed, ann and BOB  RAY left; Annex stays. Zed';
    const r = redactor(names).redact(text);
    expect(r.text).toBe('[A] met [BOB RAY]. , [A] and [BOB RAY] left; Annex stays. ');
    // Reference: rebuild with a per-character walk of the matches the redactor made.
    const spans: Array<[number, number, string]> = [];
    const pattern = /Ann(?![a-z])|Bob\s+Ray|Zed/gi;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const ph = /^ann$/i.test(m[0]) ? '[A]' : /^zed$/i.test(m[0]) ? '' : '[BOB RAY]';
      spans.push([m.index, m.index + m[0].length, ph]);
    }
    for (let o = 0; o <= text.length; o++) {
      let shift = 0;
      let inside: [number, number] | null = null;
      for (const [s, e, ph] of spans) {
        if (o <= s) break;
        if (o < e) {
          inside = [s + shift, s + shift + ph.length];
          break;
        }
        shift += ph.length - (e - s);
      }
      expect(r.mapStart(o), `start ${o}`).toBe(inside ? inside[0] : o + shift);
      expect(r.mapEnd(o), `end ${o}`).toBe(inside ? inside[1] : o + shift);
    }
  });
});
