/**
 * Whether a PSW's own check-in answers (shared and kept alike: this is for them) show high strain, so
 * the check-in ends with a kind message and the organisation's contacts. It returns a yes or no, never a
 * score or label to show: the rule is the assessment's strain (noisy-OR of strain weight x strength)
 * reaching `active`, or a burnout scale score of 50 or more.
 */

import { indicatorShapes } from '../catalog/indicator-ids';
import { defaultRuleset } from '../ruleset/default-ruleset';
import type { Ruleset } from '../ruleset/ruleset-schema';
import type { BurnoutScale } from './burnout-scoring';
import type { CheckInAnswer } from './check-in-answer';

/** The burnout scale score from which the check-in offers support. */
export const BURNOUT_SUPPORT_FROM = 50;

/** True when the answers (and burnout scores, if any) call for the support message. */
export function showsHighStrain(
  answers: readonly Pick<CheckInAnswer, 'indicator' | 'value'>[],
  burnout: Partial<Record<BurnoutScale, number | null>> = {},
  ruleset: Ruleset = defaultRuleset,
): boolean {
  let keep = 1;
  for (const a of answers) {
    const weight = ruleset.indicators[a.indicator].strain;
    if (weight === 0 || indicatorShapes[a.indicator].kind !== 'likert' || typeof a.value !== 'number')
      continue;
    keep *= 1 - weight * ((a.value - 1) / 4);
  }
  if (1 - keep >= ruleset.levelCuts.active) return true;
  return Object.values(burnout).some((s) => typeof s === 'number' && s >= BURNOUT_SUPPORT_FROM);
}
