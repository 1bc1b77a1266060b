/**
 * Who may see an indicator's individual values. `private`: the PSW and their supervisors only
 * (self-stigma and strain answers, domain.md section 10); never shown per person in team or
 * organisation views, only as suppressed aggregates. `team`: may be shown to the team and the
 * organisation as well.
 */
import type { IndicatorId } from './indicator-ids';

/** Who may see an indicator's individual values. */
export type IndicatorAudience = 'private' | 'team';

/** The indicators whose answers are private to the PSW and their supervisors. */
export const privateIndicators: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  'exhaustion',
  'self_stigma',
  'stress',
  'work_intrudes_personal_life',
]);

/** The audience of one indicator. */
export function audienceOf(indicator: IndicatorId): IndicatorAudience {
  return privateIndicators.has(indicator) ? 'private' : 'team';
}
