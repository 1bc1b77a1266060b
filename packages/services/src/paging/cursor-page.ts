/**
 * Cursor pagination for list use cases: an opaque cursor (the sort key of the last row a page showed),
 * a capped page size, and `{ items, nextCursor }` pages. Keyset, so page N costs what page 1 costs.
 */
import { z } from 'zod';
import { ServiceError } from '../errors';

/** One page of a list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const CURSOR_EXPECTED = 'the nextCursor of a previous page';

/** Input fields every paged list takes: `cursor` (absent = first page) and `limit` (capped at `max`). */
export function pageFields(defaultLimit: number, max: number) {
  return {
    cursor: z
      .string()
      .min(1)
      .max(500, { message: `expected ${CURSOR_EXPECTED}` })
      .nullish(),
    limit: z
      .number()
      .int({ message: `expected a whole number from 1 to ${max}` })
      .min(1, { message: `expected a whole number from 1 to ${max}` })
      .max(max, { message: `expected a whole number from 1 to ${max}` })
      .default(defaultLimit),
  };
}

/** Encodes a row's sort key (strings and numbers) as an opaque, URL-safe cursor. */
export function encodeCursor(key: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** Decodes a cursor into a sort key of the given shape; anything else is a clear invalid_input error. */
export function decodeCursor<const K extends ReadonlyArray<'string' | 'number'>>(
  cursor: string,
  shape: K,
): { [I in keyof K]: K[I] extends 'number' ? number : string } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  const fits =
    Array.isArray(key) && key.length === shape.length && key.every((part, i) => typeof part === shape[i]);
  if (!fits) {
    throw new ServiceError('invalid_input', `Invalid input: cursor: expected ${CURSOR_EXPECTED}`, [
      { path: 'cursor', expected: CURSOR_EXPECTED, message: `expected ${CURSOR_EXPECTED}` },
    ]);
  }
  return key as { [I in keyof K]: K[I] extends 'number' ? number : string };
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that more follow, and the
 * cursor is the sort key of the last row shown.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => ReadonlyArray<string | number>,
  toItem: (row: R) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
