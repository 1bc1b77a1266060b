/** Conflict severity: noisy-OR tension, damped by noisy-OR protection, times a context multiplier, plus a strain term. */
import { type ConflictId, conflictIds } from '../catalog/conflicts';
import type { Setting } from './assess-input';
import type { ConflictScore, Reason, Trend } from './assessment';
import type { CompiledModel } from './compiled-model';
import type { EvidenceByIndicator } from './evidence-window';
import { levelOf } from './levels';
import { factorReason, indicatorReason, sortReasons } from './reasons';

/** What, besides the indicators, changes a conflict's severity. */
export interface ConflictContext {
  readonly tenureMonths: number;
  readonly setting: Setting | undefined;
  /** The strain value in the same window, or null when unknown. */
  readonly strain: number | null;
}

/** Severity in [0, 1] (null when none of the conflict's markers is known) and its reasons, for one window. */
export function conflictSeverity(
  model: CompiledModel,
  conflict: ConflictId,
  evidence: EvidenceByIndicator,
  context: ConflictContext,
): { severity: number | null; because: Reason[] } {
  const r = model.ruleset;
  const because: Reason[] = [];
  let keepTension = 1;
  let anyMarker = false;
  for (const t of model.markerTerms[conflict]) {
    const e = evidence[t.index];
    if (e === undefined) continue;
    anyMarker = true;
    const s = t.inverse ? 1 - e.strength : e.strength;
    const term = t.weight * s;
    keepTension *= 1 - term;
    because.push(indicatorReason(t, e, 'marker', s, term));
  }
  let keepProtection = 1;
  for (const t of model.protectionTerms[conflict]) {
    const e = evidence[t.index];
    if (e === undefined) continue;
    const term = t.weight * e.strength;
    keepProtection *= 1 - term;
    because.push(indicatorReason(t, e, 'protection', e.strength, term));
  }
  if (!anyMarker) return { severity: null, because: sortReasons(because) };

  const tension = 1 - keepTension;
  const protection = 1 - keepProtection;
  const damping = 1 - r.severity.protectionFactor * protection;
  let multiplier = 1;
  if (conflict === 'friend_vs_professional') {
    const early = context.tenureMonths < r.contextMultipliers.earlyCareer.tenureUnderMonths;
    multiplier = early ? r.contextMultipliers.earlyCareer.factor : 1;
    because.push(factorReason('tenure_months', context.tenureMonths, multiplier));
  } else {
    multiplier = context.setting === 'inpatient' ? r.contextMultipliers.inpatient.factor : 1;
    because.push(factorReason('setting', context.setting ?? null, multiplier));
  }
  // The strain term only adds to a conflict that shows at least one sign; strain alone is not a conflict.
  const strainTerm = tension > 0 && context.strain !== null ? r.severity.strainTerm * context.strain : 0;
  because.push(factorReason('tension', tension, tension));
  because.push(factorReason('protection', protection, damping));
  because.push(factorReason('strain', context.strain, strainTerm));
  const severity = Math.min(1, Math.max(0, tension * damping * multiplier + strainTerm));
  return { severity, because: sortReasons(because) };
}

/** Trend of the current severity against the previous window's. */
export function trendOf(current: number | null, previous: number | null, steadyBand: number): Trend | null {
  if (current === null) return null;
  if (previous === null) return 'new';
  const diff = current - previous;
  if (Math.abs(diff) < steadyBand) return 'steady';
  return diff > 0 ? 'rising' : 'falling';
}

/** Score both conflicts over the current window, with the trend from the previous window. */
export function scoreConflicts(
  model: CompiledModel,
  current: { evidence: EvidenceByIndicator; context: ConflictContext },
  previous: { evidence: EvidenceByIndicator; context: ConflictContext },
): { [K in ConflictId]: ConflictScore } {
  const out = {} as { [K in ConflictId]: ConflictScore };
  for (const c of conflictIds) {
    const now = conflictSeverity(model, c, current.evidence, current.context);
    const before = conflictSeverity(model, c, previous.evidence, previous.context);
    out[c] = {
      level: levelOf(now.severity, model.ruleset.levelCuts),
      severity: now.severity,
      trend: trendOf(now.severity, before.severity, model.ruleset.trendSteadyBand),
      previousSeverity: before.severity,
      because: now.because,
    };
  }
  return out;
}
