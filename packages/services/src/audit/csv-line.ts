/**
 * CSV lines for spreadsheets: RFC 4180 quoting (a cell with a comma, quote, CR or LF is quoted and its
 * quotes doubled; lines end in CRLF), and a guard against formula injection (OWASP "CSV injection"): a
 * cell a spreadsheet would run as a formula (starting with = + - @, or a tab or CR) gets a leading `'`,
 * so an actor who named themselves `=HYPERLINK(...)` shows as text. Written here rather than taken from
 * a library: it is these few lines, and the guard is ours to get right either way.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, guarded and quoted as needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF-terminated. */
export function csvLine(cells: ReadonlyArray<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The UTF-8 byte order mark: Excel reads a CSV as UTF-8 (Czech names intact) only when it starts with one. */
export const UTF8_BOM = '\uFEFF';
