/**
 * Input schemas for recording evidence: an indicator from the catalog with a value valid for its kind,
 * at the right level (worker or unit). The value rule is the domain's own `observationSchema`, not a copy.
 */
import {
  catalog,
  type IndicatorLevel,
  indicatorIds,
  isoDateSchema,
  observationSchema,
} from '@peerbridge/domain';
import { z } from 'zod';

const NOTE_MAX = 2000;

/** One indicator value as a supervisor or admin enters it; the date and source come from the context. */
function evidenceValueSchema(level: IndicatorLevel) {
  return z
    .object({
      indicator: z.enum(indicatorIds, { message: 'expected a known indicator id from the catalog' }),
      value: z.union([z.number(), z.boolean()], { message: 'expected a number or a boolean' }),
      note: z
        .string()
        .max(NOTE_MAX, { message: `expected at most ${NOTE_MAX} characters` })
        .optional(),
    })
    .superRefine((o, ctx) => {
      const entry = catalog.indicators[o.indicator];
      if (entry.level !== level) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicator'],
          message: `expected a ${level}-level indicator ("${o.indicator}" is recorded for the ${entry.level})`,
        });
        return;
      }
      // Ask the domain whether this value is valid for the indicator's kind.
      const probe = observationSchema.safeParse({
        id: 'probe',
        ...(level === 'worker' ? { workerId: 'probe' } : { unitId: 'probe' }),
        indicator: o.indicator,
        value: o.value,
        observedAt: '2000-01-01',
        source: 'supervision',
      });
      if (!probe.success) {
        for (const issue of probe.error.issues) {
          ctx.addIssue({ code: 'custom', path: issue.path.map(String), message: issue.message });
        }
      }
    });
}

const workerSource = z
  .enum(['supervision', 'self_report'], { message: 'expected supervision or self_report' })
  .default('supervision');

/** A worker-level value recorded in a session (the session gives the date). */
export const sessionObservationSchema = evidenceValueSchema('worker').and(z.object({ source: workerSource }));

/** A dated worker-level value recorded outside a session. */
export const workerObservationSchema = evidenceValueSchema('worker').and(
  z.object({ observedAt: isoDateSchema, source: workerSource }),
);

/** A dated unit-level value (team conditions, supervision on offer, written position...). */
export const unitObservationSchema = evidenceValueSchema('unit').and(
  z.object({
    observedAt: isoDateSchema,
    source: z
      .enum(['supervision', 'import'], { message: 'expected supervision or import' })
      .default('supervision'),
  }),
);
