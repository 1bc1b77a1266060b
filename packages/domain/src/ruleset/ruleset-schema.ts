/** The shape of a ruleset (every weight, saturation and threshold the assessment uses), as a zod schema. */
import { z } from 'zod';
import { indicatorIds, indicatorShapes } from '../catalog/indicator-ids';

const unit = z
  .number()
  .min(0, { message: 'expected a number from 0 to 1' })
  .max(1, { message: 'expected a number from 0 to 1' });
const positive = z.number().positive({ message: 'expected a positive number' });
const positiveInt = z
  .number()
  .int({ message: 'expected a positive integer' })
  .positive({ message: 'expected a positive integer' });
const roleWeights = z.strictObject({
  friend: unit.optional(),
  professional: unit.optional(),
  staff_member: unit.optional(),
  expert_by_experience: unit.optional(),
});
const marker = z.strictObject({ weight: unit, inverse: z.boolean() });
const conflictMarkers = z.strictObject({
  friend_vs_professional: marker.optional(),
  staff_member_vs_expert_by_experience: marker.optional(),
});
const conflictWeights = z.strictObject({
  friend_vs_professional: unit.optional(),
  staff_member_vs_expert_by_experience: unit.optional(),
});

/** How one indicator feeds the model: role weights, conflict markers, protective weights, strain weight. */
export const indicatorModelSchema = z.strictObject({
  /** Event indicators only: count at which strength reaches 1 - 1/e. */
  saturation: positive.optional(),
  roles: roleWeights,
  markers: conflictMarkers,
  protects: conflictWeights,
  strain: unit,
});

const indicatorsShape = Object.fromEntries(indicatorIds.map((id) => [id, indicatorModelSchema])) as {
  [K in (typeof indicatorIds)[number]]: typeof indicatorModelSchema;
};

const levelCuts = z
  .strictObject({ emerging: unit, active: unit, severe: unit })
  .refine((c) => c.emerging <= c.active && c.active <= c.severe, {
    message: 'expected emerging <= active <= severe',
  });

/** Zod schema of a complete ruleset; an event indicator must have a saturation. */
export const rulesetSchema = z
  .strictObject({
    id: z.string().min(1, { message: 'expected a non-empty ruleset id' }),
    version: z.string().min(1, { message: 'expected a non-empty version' }),
    windowDays: positiveInt,
    minObservations: z.number().int().nonnegative(),
    minConfidence: unit,
    levelCuts,
    trendSteadyBand: unit,
    severity: z.strictObject({ protectionFactor: unit, strainTerm: unit }),
    contextMultipliers: z.strictObject({
      earlyCareer: z.strictObject({ tenureUnderMonths: z.number().int().nonnegative(), factor: positive }),
      inpatient: z.strictObject({ factor: positive }),
    }),
    supervision: z.strictObject({ cadenceDays: positiveInt, gapFactor: positive }),
    findings: z.strictObject({
      roleUnclearAtLeast: unit,
      overFormalization: z.strictObject({ professionalAtLeast: unit, friendAtMost: unit }),
    }),
    recommendations: z.strictObject({ boundaryStrategyLowBelow: unit }),
    indicators: z.strictObject(indicatorsShape),
  })
  .superRefine((r, ctx) => {
    for (const id of indicatorIds) {
      if (indicatorShapes[id].kind === 'event' && r.indicators[id].saturation === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', id, 'saturation'],
          message: `expected a positive saturation (event indicator "${id}")`,
        });
      }
    }
  });

/** A complete, validated ruleset. */
export type Ruleset = z.output<typeof rulesetSchema>;
/** How one indicator feeds the model. */
export type IndicatorModel = z.output<typeof indicatorModelSchema>;
