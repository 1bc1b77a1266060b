/** The input of `assess`, its zod schema, and a fast check that gives the same verdict on observations. */
import { z } from 'zod';
import { indicatorShapes, isIndicatorId } from '../catalog/indicator-ids';
import { isIsoDate, isoDateSchema } from '../dates/iso-date';
import {
  isValidValue,
  type Observation,
  observationSchema,
  observationSources,
} from '../evidence/observation';
import type { Ruleset } from '../ruleset/ruleset-schema';

const nonEmpty = z.string().min(1, { message: 'expected a non-empty string' });

/** The care settings a unit can have. */
export const settings = ['inpatient', 'community', 'other'] as const;

/** The unit's care setting. */
export type Setting = (typeof settings)[number];

/** The PSW being assessed. */
export const workerSchema = z.object({
  id: nonEmpty,
  startedOn: isoDateSchema,
  unitId: nonEmpty.optional(),
});

/** The unit (ward, service) the PSW works in. */
export const unitSchema = z.object({
  id: nonEmpty,
  setting: z.enum(settings, { message: `expected one of ${settings.join(', ')}` }),
});

/** A supervision session that took place. */
export const sessionSchema = z.object({ heldOn: isoDateSchema, id: z.string().optional() });

const headShape = {
  asOf: isoDateSchema,
  worker: workerSchema,
  unit: unitSchema.optional(),
  sessions: z.array(sessionSchema).optional(),
  cadenceDays: z.number().int().positive({ message: 'expected a positive whole number of days' }).optional(),
  /** Checked separately (and only once per ruleset object) by validateRuleset. */
  ruleset: z.unknown().optional(),
};

type Head = {
  asOf: string;
  worker: { startedOn: string; unitId?: string | undefined };
  unit?: { id: string } | undefined;
};

function checkCrossFields(input: Head, ctx: z.core.$RefinementCtx<Head>): void {
  if (input.worker.startedOn > input.asOf) {
    ctx.addIssue({
      code: 'custom',
      path: ['worker', 'startedOn'],
      message: 'expected a date on or before asOf',
    });
  }
  if (
    input.unit !== undefined &&
    input.worker.unitId !== undefined &&
    input.unit.id !== input.worker.unitId
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['unit', 'id'],
      message: `expected the worker's unit "${input.worker.unitId}"`,
    });
  }
}

/** Everything but the observations (those go through `isObservation` first, for speed). */
const assessHeadSchema = z.object(headShape).superRefine(checkCrossFields);

/** Zod schema of the whole `assess` input. */
export const assessInputSchema = z
  .object({ ...headShape, observations: z.array(observationSchema) })
  .superRefine(checkCrossFields);

/** The input of `assess`. */
export interface AssessInput {
  /** ISO date; nothing after it counts. */
  asOf: string;
  worker: { id: string; startedOn: string; unitId?: string | undefined };
  unit?: { id: string; setting: Setting } | undefined;
  /** Observations about this PSW or their unit; others are ignored, so a batch can be passed. */
  observations: readonly Observation[];
  /** Supervision sessions held with this PSW. */
  sessions?: ReadonlyArray<{ heldOn: string; id?: string | undefined }> | undefined;
  ruleset?: Ruleset | undefined;
  /** Overrides the ruleset's supervision cadence (days) for this organisation. */
  cadenceDays?: number | undefined;
}

const sources: ReadonlySet<unknown> = new Set(observationSources);
const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
const optionalId = (v: unknown) => v === undefined || (typeof v === 'string' && v.length > 0);

/**
 * The same verdict as `observationSchema.safeParse(o).success`, without allocating: `assess`
 * runs it on every observation and falls back to zod only to describe a failure.
 */
export function isObservation(o: unknown): o is Observation {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return false;
  const r = o as Record<string, unknown>;
  const indicator = r.indicator;
  if (typeof r.id !== 'string' || r.id.length === 0) return false;
  if (!optionalId(r.workerId) || !optionalId(r.unitId)) return false;
  if (typeof indicator !== 'string' || !isIndicatorId(indicator)) return false;
  if (!isIsoDate(r.observedAt) || !sources.has(r.source)) return false;
  if (!optionalString(r.sourceRef) || !optionalString(r.recordedBy) || !optionalString(r.note)) return false;
  const hasWorker = r.workerId !== undefined;
  if (hasWorker === (r.unitId !== undefined)) return false;
  const shape = indicatorShapes[indicator];
  if (!hasWorker && shape.level === 'worker') return false;
  return isValidValue(shape.kind, r.value);
}

/** Validate the head with zod and the observations with the fast check; on any failure, zod names every issue. */
export function validateAssessInput(
  input: unknown,
): { ok: true; head: z.output<typeof assessHeadSchema> } | { ok: false } {
  if (typeof input !== 'object' || input === null) return { ok: false };
  const observations = (input as { observations?: unknown }).observations;
  if (!Array.isArray(observations)) return { ok: false };
  for (const o of observations) if (!isObservation(o)) return { ok: false };
  const head = assessHeadSchema.safeParse(input);
  return head.success ? { ok: true, head: head.data } : { ok: false };
}
