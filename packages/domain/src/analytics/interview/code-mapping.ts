/**
 * A code mapping: which codes of a researcher's codebook stand for which catalog indicators, and
 * which participant a document belongs to when the segments do not say (domain.md section 9).
 */
import { z } from 'zod';
import { type IndicatorId, indicatorIds, indicatorShapes } from '../../catalog/indicator-ids';
import { expectedValueByKind, isValidValue } from '../../evidence/observation';
import { isUuid } from '../hashing/uuid-v5';

/** One rule: a code, named by GUID or by name, that stands for an indicator. */
export interface CodeMappingRule {
  /** The code's GUID (braces and letter case do not matter). */
  codeGuid?: string | undefined;
  /** The code's name, compared trimmed and case-insensitively; used when the GUID is not given. */
  codeName?: string | undefined;
  indicator: IndicatorId;
  /**
   * The value each segment records. Defaults: `bool` true (the sign is present), `likert` the
   * mapping's `defaultLikert`, `event` 1 (one event per segment; counts add up in the window).
   */
  value?: number | boolean | undefined;
}

/** How coded segments turn into observations. */
export interface CodeMapping {
  rules: CodeMappingRule[];
  /** Likert value for likert rules without a value: 4 ("agree"), a clearly present sign. */
  defaultLikert?: number | undefined;
  /** documentId -> participantId, for segments that carry no participantId (the REFI case). */
  documentParticipants?: Record<string, string> | undefined;
}

const nonEmpty = z.string().min(1, { message: 'expected a non-empty string' });

const ruleSchema = z
  .object({
    codeGuid: z
      .string()
      .refine((g) => isUuid(stripBraces(g)), { message: 'expected a GUID like 8-4-4-4-12 hex digits' })
      .optional(),
    codeName: nonEmpty.optional(),
    indicator: z.enum(indicatorIds, { message: 'expected a known indicator id from the catalog' }),
    value: z.union([z.number(), z.boolean()]).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.codeGuid === undefined && rule.codeName === undefined) {
      ctx.addIssue({ code: 'custom', path: ['codeGuid'], message: 'expected a codeGuid or a codeName' });
    }
    const kind = indicatorShapes[rule.indicator].kind;
    const valid =
      kind === 'event' ? isValidValue(kind, rule.value) && rule.value !== 0 : isValidValue(kind, rule.value);
    if (rule.value !== undefined && !valid) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `expected ${kind === 'event' ? 'a positive integer count' : expectedValueByKind[kind]} (${kind} indicator "${rule.indicator}")`,
      });
    }
  });

/** Zod schema of a CodeMapping. */
export const codeMappingSchema: z.ZodType<CodeMapping> = z
  .object({
    rules: z.array(ruleSchema),
    defaultLikert: z
      .number()
      .int({ message: 'expected an integer from 1 to 5' })
      .min(1, { message: 'expected an integer from 1 to 5' })
      .max(5, { message: 'expected an integer from 1 to 5' })
      .optional(),
    documentParticipants: z.record(z.string(), nonEmpty).optional(),
  })
  .strict();

/** A GUID without braces, lowercase: the form GUIDs are compared in. */
export function normalizeGuid(guid: string): string {
  return stripBraces(guid.trim()).toLowerCase();
}

/** A code name as names are compared: trimmed and lowercased. */
export function normalizeCodeName(name: string): string {
  return name.trim().toLowerCase();
}

function stripBraces(guid: string): string {
  return guid.startsWith('{') && guid.endsWith('}') ? guid.slice(1, -1) : guid;
}
