/** Flat views of a codebook for JSON and CSV output (the CLI's `codebook` command). */
import type { IndicatorId } from '../../catalog/indicator-ids';
import { parseInput } from '../../errors';
import type { CodeMapping } from '../interview/code-mapping';
import type { Codebook } from './codebook';
import { codebookSchema } from './codebook-schema';

/** One code with its place in the tree. */
export interface FlatCode {
  guid: string;
  parentGuid: string | null;
  /** Names from the top down, joined with " > " */
  path: string;
  depth: number;
  name: string;
  description: string;
  color: string;
  isCodable: boolean;
  indicatorId: IndicatorId | null;
}

/** Every code in tree order (parent before children, siblings in order). */
export function flattenCodebook(book: Codebook): FlatCode[] {
  const valid = parseInput(codebookSchema, book, 'flattenCodebook');
  const out: FlatCode[] = [];
  const walk = (codes: Codebook['codes'], parent: FlatCode | null) => {
    for (const code of codes) {
      const flat: FlatCode = {
        guid: code.guid,
        parentGuid: parent?.guid ?? null,
        path: parent === null ? code.name : `${parent.path} > ${code.name}`,
        depth: parent === null ? 0 : parent.depth + 1,
        name: code.name,
        description: code.description,
        color: code.color,
        isCodable: code.isCodable,
        indicatorId: code.indicatorId,
      };
      out.push(flat);
      walk(code.children, flat);
    }
  };
  walk(valid.codes, null);
  return out;
}

/** The CSV columns, in order. */
export const codebookCsvHeader = [
  'guid',
  'parent_guid',
  'path',
  'depth',
  'name',
  'indicator_id',
  'is_codable',
  'color',
  'description',
] as const;

/**
 * The codebook as CSV rows of strings, the header first (`codebookCsvHeader`), in tree order.
 * Quoting is the CSV writer's job; null becomes the empty string, booleans `true` / `false`.
 */
export function codebookToCsvRows(book: Codebook): string[][] {
  const rows = flattenCodebook(book).map((c) => [
    c.guid,
    c.parentGuid ?? '',
    c.path,
    String(c.depth),
    c.name,
    c.indicatorId ?? '',
    String(c.isCodable),
    c.color,
    c.description,
  ]);
  return [[...codebookCsvHeader], ...rows];
}

/** The mapping that reads data coded with this codebook: each codable code's GUID -> its indicator. */
export function codeMappingFromCodebook(book: Codebook): CodeMapping {
  return {
    rules: flattenCodebook(book)
      .filter((c) => c.isCodable)
      .flatMap((c) => (c.indicatorId === null ? [] : [{ codeGuid: c.guid, indicator: c.indicatorId }])),
  };
}
