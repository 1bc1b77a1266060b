/**
 * The researcher's mapping file (YAML or JSON): which of their codes stand for which indicators, how
 * documents become participants, and the interview dates. Validated with zod; every error names the
 * file, line and column.
 */
import { indicatorIds } from '@peerbridge/domain';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { stripBom, zodErrorToInputError } from './json-file';
import { StudyInputError } from './study-input-error';
import { readTextFile } from './text-file';
import { normalizeVariableName } from './variable-allowlist';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' });
const nonEmpty = z.string().trim().min(1, { message: 'expected a non-empty string' });

const codeRuleSchema = z
  .object({
    guid: nonEmpty.optional(),
    name: nonEmpty.optional(),
    indicator: z.enum(indicatorIds, {
      message: 'expected an indicator id from the catalog (see `peerbridge codebook export --format csv`)',
    }),
    value: z.union([z.number(), z.boolean()]).optional(),
  })
  .strict()
  .refine((rule) => rule.guid !== undefined || rule.name !== undefined, {
    message: 'expected a `guid` or a `name` of the code',
    path: ['guid'],
  });

/** How documents are assigned to participants when the project has no cases for them. */
export const participantRules = ['case', 'document', 'none'] as const;

export const mappingFileSchema = z
  .object({
    codes: z.array(codeRuleSchema).default([]),
    participants: z
      .object({
        /** `case` (default): REFI cases; `document`: one participant per document; `none`. */
        rule: z
          .enum(participantRules, { message: `expected one of ${participantRules.join(', ')}` })
          .default('case'),
        /** Document name or GUID -> participant name; wins over the rule. */
        documents: z.record(z.string(), nonEmpty).default({}),
        /** Participant variable name in the project -> our attribute (setting, age, gender, tenure). */
        variables: z.record(z.string(), z.enum(['setting', 'age', 'gender', 'tenure'])).default({}),
      })
      .strict()
      .default({ rule: 'case', documents: {}, variables: {} }),
    /** The date interview observations carry when a document has none. */
    observedAt: isoDate.optional(),
    /** Document name or GUID -> interview date. */
    documentDates: z.record(z.string(), isoDate).default({}),
    defaultLikert: z.number().int().min(1).max(5).optional(),
    /**
     * Participant variables a pseudonymised export or import keeps (default: setting, age_band, gender,
     * tenure_band); every other variable is dropped and reported. Names compare after normalisation.
     */
    allowVariables: z
      .array(nonEmpty, { message: 'expected a list of variable names, e.g. [setting, age_band, gender]' })
      .superRefine((names, ctx) => {
        const seen = new Map<string, string>();
        names.forEach((name, index) => {
          const normal = normalizeVariableName(name);
          if (normal === '') {
            ctx.addIssue({
              code: 'custom',
              path: [index],
              message: `"${name}" has no letters or digits; expected a variable name`,
            });
            return;
          }
          const earlier = seen.get(normal);
          if (earlier !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [index],
              message: `"${name}" is the same variable as "${earlier}" (both read as "${normal}"); list it once`,
            });
          }
          seen.set(normal, name);
        });
      })
      .optional(),
  })
  .strict();

export type MappingFile = z.output<typeof mappingFileSchema>;

/** The mapping used when no file is given: codes by codebook GUID and by name, participants from cases. */
export const defaultMapping: MappingFile = mappingFileSchema.parse({});

/** Parse mapping text (YAML, or JSON which YAML reads too); errors carry line and column. */
export function parseMappingText(text: string, file: string): MappingFile {
  const clean = stripBom(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(clean, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const where = lineCounter.linePos(first.pos[0]);
    throw new StudyInputError('invalid_input', `not valid YAML/JSON: ${first.message.split('\n')[0]}`, {
      location: { file, line: where.line, column: where.col },
    });
  }
  const data: unknown = doc.toJS() ?? {};
  const result = mappingFileSchema.safeParse(data);
  if (!result.success) throw zodErrorToInputError(result.error, file, clean);
  return result.data;
}

/** Read and validate a mapping file. */
export async function readMappingFile(file: string): Promise<MappingFile> {
  return parseMappingText(await readTextFile(file), file);
}
