/** The indicator catalog (domain.md section 4): kind, level, audience, words, and the v1 weights, per indicator. */
import { defaultRuleset } from '../ruleset/default-ruleset';
import type { IndicatorModel } from '../ruleset/ruleset-schema';
import { audienceOf, type IndicatorAudience } from './indicator-audience';
import {
  type IndicatorId,
  type IndicatorKind,
  type IndicatorLevel,
  indicatorIds,
  indicatorShapes,
} from './indicator-ids';
import { type IndicatorText, indicatorTexts } from './indicator-texts';

/** One indicator as the catalog describes it. */
export interface Indicator extends IndicatorText {
  readonly id: IndicatorId;
  readonly kind: IndicatorKind;
  readonly level: IndicatorLevel;
  /** `private`: the PSW and their supervisors only; `team`: may also be shown to the team and organisation. */
  readonly audience: IndicatorAudience;
  /** True when the indicator is a conflict marker whose sign is its being false or low. */
  readonly inverse: boolean;
  /** How ruleset v1 weighs it (roles, markers, protection, strain, event saturation). */
  readonly weights: IndicatorModel;
}

/** Every indicator, keyed by id. */
export const indicators: { readonly [K in IndicatorId]: Indicator & { readonly id: K } } = Object.fromEntries(
  indicatorIds.map((id) => {
    const weights = defaultRuleset.indicators[id];
    const inverse = Object.values(weights.markers).some((m) => m?.inverse === true);
    const entry: Indicator = {
      id,
      ...indicatorShapes[id],
      audience: audienceOf(id),
      inverse,
      ...indicatorTexts[id],
      weights,
    };
    return [id, Object.freeze(entry)];
  }),
) as { readonly [K in IndicatorId]: Indicator & { readonly id: K } };
