/**
 * This CLI's own study format (`peerbridge export --format json`, readable by `peerbridge import`):
 * every coded segment with its source GUID, selection GUID, offsets, code and the exact text.
 */
import { indicatorIds } from '@peerbridge/domain';
import { z } from 'zod';

const guid = z
  .string()
  .regex(/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/, {
    message: 'expected a GUID like 8-4-4-4-12 hex digits',
  });
const nonEmpty = z.string().min(1, { message: 'expected a non-empty string' });
const offset = z
  .number()
  .int({ message: 'expected a whole number' })
  .min(0, { message: 'expected a number >= 0' });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected a date as YYYY-MM-DD' });

export const STUDY_JSON_FORMAT = 'peerbridge-study';
export const STUDY_JSON_VERSION = 1;

export const studyJsonSchema = z
  .object({
    format: z.literal(STUDY_JSON_FORMAT, { message: `expected "${STUDY_JSON_FORMAT}"` }),
    version: z.literal(STUDY_JSON_VERSION, { message: `expected version ${STUDY_JSON_VERSION}` }),
    study: z.object({ name: nonEmpty }),
    exportedAt: z.string().optional(),
    /** True when participant names are keyed pseudonyms (the key is not in the file). */
    pseudonymized: z.boolean().default(false),
    /** How offsets count: UTF-16 code units of `documents[].text`, end exclusive. */
    offsets: z.literal('utf16-code-units, end exclusive').default('utf16-code-units, end exclusive'),
    participants: z.array(
      z.object({
        ref: nonEmpty,
        name: nonEmpty,
        setting: z.enum(['inpatient', 'community', 'other']).nullable(),
        attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
      }),
    ),
    documents: z.array(
      z.object({
        guid,
        name: nonEmpty,
        participantRef: nonEmpty.nullable(),
        date: isoDate.nullable().default(null),
        text: z.string(),
      }),
    ),
    codes: z.array(
      z.object({
        guid,
        name: nonEmpty,
        parentGuid: guid.nullable(),
        isCodable: z.boolean(),
        indicator: z
          .enum(indicatorIds, { message: 'expected an indicator id from the catalog, or null' })
          .nullable(),
      }),
    ),
    segments: z.array(
      z.object({
        selectionGuid: guid,
        sourceGuid: guid,
        codeGuid: guid,
        code: z.string(),
        start: offset,
        end: offset,
        text: z.string(),
        coder: z.string().nullable(),
        createdAt: z.string().nullable(),
        participantRef: nonEmpty.nullable().default(null),
      }),
    ),
    /** Observations imported from tables (interview observations are derived again from the segments). */
    observations: z.array(
      z.object({
        participantRef: nonEmpty,
        indicator: z.enum(indicatorIds, { message: 'expected an indicator id from the catalog' }),
        value: z.number(),
        observedAt: isoDate,
      }),
    ),
  })
  .strict();

export type StudyJson = z.output<typeof studyJsonSchema>;
