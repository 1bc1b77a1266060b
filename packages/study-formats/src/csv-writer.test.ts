import { describe, expect, it } from 'vitest';
import { escapeFormula, toCsv } from './csv-writer';

describe('CSV writing', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+420 123', "'+420 123"],
    ['-minus', "'-minus"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=tab', "'\t=tab"],
    ['plain = text', 'plain = text'],
  ])('escapes %j as %j', (cell, expected) => {
    expect(escapeFormula(cell)).toBe(expected);
  });

  it('quotes delimiters, quotes and line breaks; keeps numbers as numbers; CRLF line ends', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          ['x,y', 'say "hi"', -3],
          ['line\nbreak', null, true],
        ],
      ),
    ).toBe('a,b,c\r\n"x,y","say ""hi""",-3\r\n"line\nbreak",,true\r\n');
  });
});
