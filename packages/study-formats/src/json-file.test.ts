import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseJsonText, zodErrorToInputError } from './json-file';
import { findJsonSyntaxProblem } from './json-syntax';
import { StudyInputError } from './study-input-error';

describe('JSON reading', () => {
  it('finds no problem in valid JSON', () => {
    expect(findJsonSyntaxProblem('{"a": [1, 2.5e3, "x\\u00e9", true, null]}')).toBeUndefined();
  });

  it.each([
    ['{\n  "a": 1,\n  "b": }', 3, 8, 'a JSON value'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "',' or '}' after a property value"],
    ['[1, 2', 1, 6, "',' or ']' after an array element"],
    ['{"a": "x\ny"}', 1, 9, 'no raw control characters inside a string (escape them)'],
  ])('locates the syntax error in %j at line %i, column %i', (text, line, column, expected) => {
    let error: unknown;
    try {
      parseJsonText(text, 'f.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StudyInputError);
    expect((error as StudyInputError).location).toMatchObject({ file: 'f.json', line, column });
    expect((error as StudyInputError).expected).toBe(expected);
  });

  it('locates a schema problem by its path', () => {
    const text = '{\n  "items": [\n    {"n": 1},\n    {"n": "two"}\n  ]\n}';
    const result = z.object({ items: z.array(z.object({ n: z.number() })) }).safeParse(JSON.parse(text));
    if (result.success) throw new Error('expected a failure');
    const error = zodErrorToInputError(result.error, 'f.json', text);
    expect(error.location).toMatchObject({ file: 'f.json', line: 4, column: 11 });
    expect(error.message).toContain('items.1.n');
  });
});
