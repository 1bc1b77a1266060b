/** Zod schema of a codebook tree, so writers accept codebooks built elsewhere (e.g. edited by a researcher). */
import { z } from 'zod';
import { indicatorIds } from '../../catalog/indicator-ids';
import { isUuid } from '../hashing/uuid-v5';
import type { Codebook, CodebookCode } from './codebook';

// XML 1.0 cannot carry most control characters, not even escaped; refuse them with a clear message.
function fitsXml(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return false;
  }
  return true;
}
const xmlText = z.string().refine(fitsXml, {
  message: 'expected text without control characters (XML cannot hold them)',
});

/** Zod schema of one code and its children. */
export const codebookCodeSchema: z.ZodType<CodebookCode> = z.lazy(() =>
  z.object({
    guid: z.string().refine(isUuid, { message: 'expected a GUID like 8-4-4-4-12 hex digits' }),
    name: xmlText.pipe(z.string().min(1, { message: 'expected a non-empty name' })),
    description: xmlText,
    color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, { message: 'expected a colour as #RRGGBB' }),
    isCodable: z.boolean(),
    indicatorId: z.enum(indicatorIds, { message: 'expected a known indicator id or null' }).nullable(),
    groupId: z.string().nullable(),
    children: z.array(codebookCodeSchema),
  }),
);

/** Zod schema of a codebook; GUIDs must be unique across the tree. */
export const codebookSchema: z.ZodType<Codebook> = z
  .object({
    namespace: z.string().refine(isUuid, { message: 'expected a namespace UUID' }),
    locale: z.enum(['en', 'cs']),
    codes: z
      .array(codebookCodeSchema)
      .min(1, { message: 'expected at least one code (REFI-QDA requires one)' }),
  })
  .superRefine((book, ctx) => {
    const seen = new Set<string>();
    const walk = (codes: CodebookCode[], path: (string | number)[]) =>
      codes.forEach((code, i) => {
        const key = code.guid.toLowerCase();
        if (seen.has(key))
          ctx.addIssue({
            code: 'custom',
            path: [...path, i, 'guid'],
            message: `expected a unique GUID, ${code.guid} repeats`,
          });
        seen.add(key);
        walk(code.children, [...path, i, 'children']);
      });
    walk(book.codes, ['codes']);
  });
