/** The code-document table: how many segments of each code each document holds. */
import { type CodedSegment, compareStrings, parseSegments } from './segment';

/** A table of counts: `counts[r][c]` for row key `rows[r]` and column key `columns[c]`. */
export interface CountTable {
  rows: string[];
  columns: string[];
  counts: number[][];
}

/**
 * Segments per code (rows, sorted) and document (columns, sorted); only codes and documents that
 * occur appear. Feed the result to `suppressSmallCells` before showing it to someone who may not
 * see the individual records.
 */
export function codeDocumentTable(segments: ReadonlyArray<CodedSegment>): CountTable {
  const valid = parseSegments(segments, 'codeDocumentTable');
  const rows = [...new Set(valid.map((s) => s.codeId))].sort(compareStrings);
  const columns = [...new Set(valid.map((s) => s.documentId))].sort(compareStrings);
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const columnIndex = new Map(columns.map((c, i) => [c, i]));
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  for (const s of valid) counts[rowIndex.get(s.codeId)!]![columnIndex.get(s.documentId)!]! += 1;
  return { rows, columns, counts };
}
