/**
 * The choices a researcher makes for a study's analysis, one definition for `peerbridge analyze` (local and
 * remote) and the portal's `research.agreement` / `research.coOccurrence`: the unit agreement is measured
 * on (domain `agreementUnitSchema`; default paragraph) and whether co-occurrence pairs only one coder's
 * segments (default) or also one coder's segment with another's, which is really disagreement.
 */
import { type AgreementUnit, agreementUnitSchema } from '@peerbridge/domain';
import { z } from 'zod';
import { idSchema } from '../schemas';

export type CoOccurrenceMode = 'within-coder' | 'across-coders';

export const coOccurrenceModeSchema = z.enum(['within-coder', 'across-coders'], {
  message: 'expected one of within-coder, across-coders',
});

/** Optional analysis choices; left out they are `paragraph` and `within-coder`. */
export const analysisOptionsSchema = z.object({
  unit: agreementUnitSchema.optional(),
  coOccurrence: coOccurrenceModeSchema.optional(),
});

/**
 * A study by id with the analysis choices: the input of the portal's agreement and co-occurrence; `setId`
 * narrows them to one of the study's sets (ADR 0044).
 */
export const studyAnalysisInput = analysisOptionsSchema.extend({
  studyId: idSchema,
  setId: idSchema.optional(),
});

export const DEFAULT_UNIT: AgreementUnit = 'paragraph';
export const DEFAULT_CO_OCCURRENCE: CoOccurrenceMode = 'within-coder';
