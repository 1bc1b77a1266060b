import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detectDelimiter, parseCsvText, requireColumns, validateRows } from './csv-file';
import { StudyInputError } from './study-input-error';

function failure(run: () => unknown): StudyInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof StudyInputError) return error;
    throw error;
  }
  throw new Error('expected a StudyInputError');
}

describe('CSV reading', () => {
  it('reads a header and rows, strips a BOM, keeps CRLF inside quoted cells, and numbers lines from the header', () => {
    const table = parseCsvText('\uFEFFname;note\r\nAna;"two\r\nlines"\r\nBo;x\r\n', 'p.csv');
    expect(table.columns).toEqual(['name', 'note']);
    expect(table.rows).toEqual([
      { line: 2, values: { name: 'Ana', note: 'two\r\nlines' } },
      { line: 4, values: { name: 'Bo', note: 'x' } },
    ]);
  });

  it('detects comma, semicolon and tab delimiters from the header', () => {
    expect(detectDelimiter('a,b,c\n1;2')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb')).toBe('\t');
  });

  it('reports a row with too few cells with its line number', () => {
    const error = failure(() => parseCsvText('a,b\n1,2\n3\n', 'bad.csv'));
    expect(error.code).toBe('invalid_input');
    expect(error.location).toMatchObject({ file: 'bad.csv', line: 3 });
  });

  it('reports an unclosed quote', () => {
    const error = failure(() => parseCsvText('a,b\n1,"open\n', 'q.csv'));
    expect(error.message).toMatch(/quote/i);
    expect(error.location?.file).toBe('q.csv');
  });

  it('names line, column number and column name of a value that fails validation', () => {
    const table = parseCsvText('participant,age\nAna,41\nBo,old\n', 'ages.csv');
    const error = failure(() =>
      validateRows(
        table,
        z.object({ participant: z.string(), age: z.string().regex(/^\d+$/, 'expected a number') }),
      ),
    );
    expect(error.location).toMatchObject({ file: 'ages.csv', line: 3, column: 2, element: 'column "age"' });
    expect(error.message).toContain('expected a number');
  });

  it('lists missing columns against the header it found', () => {
    const table = parseCsvText('document,code\nd,c\n', 's.csv');
    const error = failure(() =>
      requireColumns(table, ['document', 'code', 'start', 'end'], 'coded segments'),
    );
    expect(error.message).toContain('"start", "end"');
    expect(error.location?.line).toBe(1);
  });
});
