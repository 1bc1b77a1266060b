/** The Observation: one dated piece of evidence about a PSW or a unit (domain.md section 5), and its schema. */
import { z } from 'zod';
import {
  type IndicatorId,
  type IndicatorKind,
  indicatorIds,
  indicatorShapes,
} from '../catalog/indicator-ids';
import { isoDateSchema } from '../dates/iso-date';

/** Where an observation came from. */
export const observationSources = ['supervision', 'self_report', 'interview', 'import'] as const;
/** Where an observation came from: a supervision session, the PSW's check-in, a coded interview, a bulk import. */
export type ObservationSource = (typeof observationSources)[number];

/** The value an observation may carry: 1..5 for likert, boolean for bool, a count for event. */
export type ObservationValue = number | boolean;

/** One piece of evidence. Exactly one of `workerId` / `unitId` says whom it is about. */
export interface Observation {
  id: string;
  workerId?: string | undefined;
  unitId?: string | undefined;
  indicator: IndicatorId;
  value: ObservationValue;
  observedAt: string;
  source: ObservationSource;
  sourceRef?: string | undefined;
  recordedBy?: string | undefined;
  note?: string | undefined;
}

/**
 * The most events of one kind a month of evidence can hold: one an hour, every hour of a 31-day month
 * (31 x 24 = 744). The same bound for every event indicator today (friendship requests, after-hours
 * contact, meeting clients outside work, witnessed disrespect): none can plausibly happen more than
 * hourly; a larger count is a typo (7440 for 74) that would swamp the assessment (issue 9).
 */
export const MAX_EVENTS_PER_MONTH = 31 * 24;

/** What a valid value looks like for each kind, in the words an error message uses. */
export const expectedValueByKind: Record<IndicatorKind, string> = {
  likert: 'an integer from 1 to 5',
  bool: 'true or false',
  event: `a whole count from 0 to ${MAX_EVENTS_PER_MONTH} (one an hour for a month)`,
};

/** True when `value` is valid for an indicator of the given kind. */
export function isValidValue(kind: IndicatorKind, value: unknown): boolean {
  switch (kind) {
    case 'likert':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
    case 'bool':
      return typeof value === 'boolean';
    case 'event':
      return (
        typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_EVENTS_PER_MONTH
      );
  }
}

const nonEmpty = z.string().min(1, { message: 'expected a non-empty string' });

const observationObject = z.object({
  id: nonEmpty,
  workerId: nonEmpty.optional(),
  unitId: nonEmpty.optional(),
  indicator: z.enum(indicatorIds, { message: 'expected a known indicator id from the catalog' }),
  value: z.union([z.number(), z.boolean()], { message: 'expected a number or a boolean' }),
  observedAt: isoDateSchema,
  source: z.enum(observationSources, { message: `expected one of ${observationSources.join(', ')}` }),
  sourceRef: z.string().optional(),
  recordedBy: z.string().optional(),
  note: z.string().optional(),
});

/** Zod schema of an Observation, checking the value against the indicator's kind and the worker/unit reference. */
export const observationSchema: z.ZodType<Observation> = observationObject.superRefine((o, ctx) => {
  const hasWorker = o.workerId !== undefined;
  const hasUnit = o.unitId !== undefined;
  if (hasWorker === hasUnit) {
    ctx.addIssue({
      code: 'custom',
      path: ['workerId'],
      message: 'expected exactly one of workerId or unitId',
    });
  }
  const shape = indicatorShapes[o.indicator];
  if (hasUnit && !hasWorker && shape.level === 'worker') {
    ctx.addIssue({
      code: 'custom',
      path: ['unitId'],
      message: `expected a workerId: "${o.indicator}" is a worker-level indicator`,
    });
  }
  if (!isValidValue(shape.kind, o.value)) {
    ctx.addIssue({
      code: 'custom',
      path: ['value'],
      message: `expected ${expectedValueByKind[shape.kind]} (${shape.kind} indicator "${o.indicator}")`,
    });
  }
});
