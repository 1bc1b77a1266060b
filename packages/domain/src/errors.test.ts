/** DomainValidationError and parseInput: one error type listing every issue with its dotted path. */

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainValidationError, parseInput } from './errors';

describe('parseInput', () => {
  const schema = z.object({ rows: z.array(z.object({ n: z.number() })), name: z.string() });

  it('returns the parsed value when the input is valid', () => {
    expect(parseInput(schema, { rows: [{ n: 1 }], name: 'x' }, 'demo')).toEqual({
      rows: [{ n: 1 }],
      name: 'x',
    });
  });

  it('throws one DomainValidationError listing every issue with path and expectation', () => {
    try {
      parseInput(schema, { rows: [{ n: 1 }, { n: 'two' }] }, 'demo');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainValidationError);
      const err = e as DomainValidationError;
      expect(err.code).toBe('invalid_input');
      expect(err.name).toBe('DomainValidationError');
      expect(err.issues).toEqual([
        { path: 'rows.1.n', expected: 'number', message: 'expected number, received string' },
        { path: 'name', expected: 'string', message: 'expected string, received undefined' },
      ]);
      expect(err.message).toBe(
        'Invalid demo input: rows.1.n: expected number, received string; name: expected string, received undefined',
      );
    }
  });
});
