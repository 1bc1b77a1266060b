/** Writing CSV safely: RFC 4180 quoting, and cells neutralised against spreadsheet formula injection. */

/**
 * A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-` or `@`, or with a tab or
 * carriage return before them) gets a leading single quote, so Excel and LibreOffice show it as text.
 */
export function escapeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Quote a cell when it holds a delimiter, a quote or a line break. */
export function quoteCell(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

export type CsvCell = string | number | boolean | null | undefined;

/** How a CSV document is written. */
export interface CsvWriteOptions {
  /**
   * Neutralise cells a spreadsheet would run as formulas (default true). Off for R, SPSS or Python,
   * which read `+Government` as text anyway and should get it unchanged.
   */
  formulaGuard?: boolean | undefined;
  /** Start with a UTF-8 byte order mark, so Excel reads Czech and Hungarian letters right (default false). */
  bom?: boolean | undefined;
}

function cellText(value: CsvCell, formulaGuard: boolean): string {
  if (value === null || value === undefined) return '';
  // Numbers are data, not user text: a negative number stays a number, not an escaped string.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return formulaGuard ? escapeFormula(value) : value;
}

/** One CSV line (CRLF-terminated, as RFC 4180 says). */
export function csvLine(cells: ReadonlyArray<CsvCell>, options: CsvWriteOptions = {}): string {
  const guard = options.formulaGuard ?? true;
  return `${cells.map((c) => quoteCell(cellText(c, guard))).join(',')}\r\n`;
}

/** A whole CSV document from a header and rows. */
export function toCsv(
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>,
  options: CsvWriteOptions = {},
): string {
  const lines = [csvLine(header, options)];
  for (const row of rows) lines.push(csvLine(row, options));
  return (options.bom === true ? '\ufeff' : '') + lines.join('');
}
