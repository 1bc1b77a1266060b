/** Reading CSV files into validated rows, with errors naming the file, line and column. */
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { stripBom } from './json-file';
import { StudyInputError } from './study-input-error';

/** One parsed CSV record with the line it starts on (1-based, the header is line 1). */
export interface CsvRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

export interface CsvTable {
  readonly file: string;
  /** Header names as written (trimmed). */
  readonly columns: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<CsvRow>;
}

/** Guess the delimiter from the header line: QDA tools and spreadsheets in many locales write `;` or tabs. */
export function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

interface CsvParseFailure {
  code?: string;
  message: string;
  lines?: number;
  column?: number | string;
  index?: number;
}

/** Parse CSV text with a header row; syntax errors become CliErrors with line and column. */
export function parseCsvText(text: string, file: string): CsvTable {
  const clean = stripBom(text);
  const delimiter = detectDelimiter(clean);
  let columns: string[] = [];
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(clean, {
      delimiter,
      columns: (header: string[]) => {
        columns = header.map((h) => h.trim());
        return columns;
      },
      info: true,
      skip_empty_lines: true,
      relax_quotes: false,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  } catch (error) {
    const failure = error as CsvParseFailure;
    const reason = failure.message.replace(/^[A-Za-z ]+: /, '').replace(/ on line \d+$/, '');
    const column = typeof failure.column === 'string' ? failure.column : undefined;
    throw new StudyInputError('invalid_input', `not valid CSV: ${reason}`, {
      location: {
        file,
        line: failure.lines,
        element: column === undefined ? undefined : `column "${column}"`,
      },
      cause: error,
    });
  }
  // csv-parse's `info.lines` is the line a record ends on, so a record starts on the line after the
  // previous one. It counts a CRLF inside a quoted cell as two lines; that is taken back here.
  let previousEnd = 1;
  const rows = records.map(({ record, info }) => {
    const line = previousEnd + 1;
    let crlfInside = 0;
    for (const value of Object.values(record)) crlfInside += value.split('\r\n').length - 1;
    previousEnd = info.lines - crlfInside;
    return { line, values: record };
  });
  return { file, columns, rows };
}

/** Fail unless every one of `required` is a header of `table`. */
export function requireColumns(table: CsvTable, required: ReadonlyArray<string>, what: string): void {
  const missing = required.filter((c) => !table.columns.includes(c));
  if (missing.length > 0) {
    throw new StudyInputError(
      'invalid_input',
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} for ${what}; the header has ${table.columns.map((c) => `"${c}"`).join(', ')}`,
      { location: { file: table.file, line: 1 }, expected: `columns ${required.join(', ')}` },
    );
  }
}

/** Validate every row with `schema`; the first bad row becomes a StudyInputError naming line and column. */
export function validateRows<S extends z.ZodType>(
  table: CsvTable,
  schema: S,
): Array<{ line: number; row: z.output<S> }> {
  return table.rows.map(({ line, values }) => {
    const result = schema.safeParse(values);
    if (!result.success) {
      const issue = result.error.issues[0];
      const key = issue?.path[0] === undefined ? undefined : String(issue.path[0]);
      const columnIndex = key === undefined ? -1 : table.columns.indexOf(key);
      throw new StudyInputError(
        'invalid_input',
        `${key ? `column "${key}": ` : ''}${issue?.message ?? 'invalid row'}`,
        {
          location: {
            file: table.file,
            line,
            column: columnIndex >= 0 ? columnIndex + 1 : undefined,
            element: key === undefined ? undefined : `column "${key}"`,
          },
          cause: result.error,
        },
      );
    }
    return { line, row: result.data };
  });
}
