/** The shape of an assessment: what `assess` returns for one PSW at one date (domain.md section 6). */
import type { ConflictId } from '../catalog/conflicts';
import type { FindingId } from '../catalog/findings';
import type { IndicatorId } from '../catalog/indicator-ids';
import type { RoleId } from '../catalog/roles';
import type { Explanation } from '../explain/explanation';
import type { Card } from '../recommend/card';

/** A conflict's, strain's or finding's level; `unknown` when there is no evidence to judge. */
export type Level = 'none' | 'emerging' | 'active' | 'severe' | 'unknown';

/** How a conflict moved against the previous window; `null` when the current level is unknown. */
export type Trend = 'rising' | 'falling' | 'steady' | 'new';

/** What an indicator's evidence did in a conclusion. */
export type ReasonEffect = 'enactment' | 'marker' | 'protection' | 'strain' | 'finding';

/** One indicator's part in a conclusion: the observations behind it, its strength, weight and contribution. */
export interface IndicatorReason {
  readonly kind: 'indicator';
  readonly indicator: IndicatorId;
  readonly effect: ReasonEffect;
  /** The value used: the latest likert/bool value, or the summed event count. */
  readonly value: number | boolean;
  /** Strength of the sign in [0, 1], after `inverse` is applied for inverse markers. */
  readonly strength: number;
  readonly weight: number;
  /**
   * enactment: share of the weighted mean (w*s / known weight); marker, protection, strain: the
   * noisy-OR term w*s; finding: the strength that crossed the threshold.
   */
  readonly contribution: number;
  /** Whether the value came from a worker-level or a unit-level observation. */
  readonly level: 'worker' | 'unit';
  readonly observationIds: readonly string[];
}

/** A non-indicator fact in a conclusion (tenure, setting, combined terms, supervision dates, counts). */
export type FactorName =
  | 'tension'
  | 'protection'
  | 'tenure_months'
  | 'setting'
  | 'strain'
  | 'last_supervision_days_ago'
  | 'days_in_post'
  | 'observations_in_window'
  | 'overall_confidence'
  | 'friend_enactment'
  | 'professional_enactment';

/** A factor's part in a conclusion; `contribution` is its effect on the number (e.g. a multiplier), or null. */
export interface FactorReason {
  readonly kind: 'factor';
  readonly factor: FactorName;
  readonly value: number | string | null;
  readonly contribution: number | null;
}

/** One reason behind a conclusion. Indicator reasons first (by effect, then id), then factors (by name). */
export type Reason = IndicatorReason | FactorReason;

/** How strongly a PSW enacts one role. */
export interface RoleScore {
  /** Weighted mean strength in [0, 1]; null when confidence is under the ruleset's minimum. */
  readonly enactment: number | null;
  /** Known weight / total weight of the role's indicators. */
  readonly confidence: number;
  readonly because: readonly Reason[];
}

/** One conflict's severity, level and trend. */
export interface ConflictScore {
  readonly level: Level;
  readonly severity: number | null;
  /** Null when the current level is unknown. */
  readonly trend: Trend | null;
  /** The severity computed the same way over the previous window, or null when it was unknown. */
  readonly previousSeverity: number | null;
  readonly because: readonly Reason[];
}

/** A finding that holds; `level` only for `wellbeing_strain`. */
export interface FindingResult {
  readonly id: FindingId;
  readonly level?: Level;
  readonly because: readonly Reason[];
}

/** The strain on the PSW's wellbeing. */
export interface StrainScore {
  readonly level: Level;
  readonly value: number | null;
  readonly because: readonly Reason[];
}

/** The result of `assess` for one PSW at one date. */
export interface Assessment {
  readonly workerId: string;
  readonly asOf: string;
  readonly ruleset: { readonly id: string; readonly version: string };
  readonly tenureMonths: number;
  /** The current window `(from, to]`. */
  readonly window: { readonly from: string; readonly to: string };
  readonly observationsInWindow: number;
  /** The best coverage among the parts judged (four roles, two conflicts, strain); see README. */
  readonly overallConfidence: number;
  readonly roles: { readonly [K in RoleId]: RoleScore };
  readonly conflicts: { readonly [K in ConflictId]: ConflictScore };
  readonly findings: readonly FindingResult[];
  readonly strain: StrainScore;
  readonly cards: readonly Card[];
  /** The same conclusions in plain words (EN and CS), with the model's numbers set apart (ADR 0019). */
  readonly explanation: Explanation;
}
