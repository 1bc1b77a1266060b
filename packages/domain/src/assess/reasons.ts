/** Build and order the `because` entries that explain every conclusion. */
import type { FactorName, FactorReason, IndicatorReason, Reason, ReasonEffect } from './assessment';
import type { Term } from './compiled-model';
import type { Evidence } from './evidence-window';

/** An indicator reason from a term and its evidence. */
export function indicatorReason(
  term: Term,
  evidence: Evidence,
  effect: ReasonEffect,
  strength: number,
  contribution: number,
): IndicatorReason {
  return {
    kind: 'indicator',
    indicator: term.indicator,
    effect,
    value: evidence.value,
    strength,
    weight: term.weight,
    contribution,
    level: evidence.level,
    observationIds: evidence.observationIds,
  };
}

/** A factor reason. */
export function factorReason(
  factor: FactorName,
  value: number | string | null,
  contribution: number | null,
): FactorReason {
  return { kind: 'factor', factor, value, contribution };
}

const effectOrder: Record<ReasonEffect, number> = {
  enactment: 0,
  marker: 1,
  protection: 2,
  strain: 3,
  finding: 4,
};

const compareReasons = (a: Reason, b: Reason): number => {
  if (a.kind !== b.kind) return a.kind === 'indicator' ? -1 : 1;
  if (a.kind === 'indicator' && b.kind === 'indicator') {
    const e = effectOrder[a.effect] - effectOrder[b.effect];
    if (e !== 0) return e;
    return a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0;
  }
  const fa = (a as FactorReason).factor;
  const fb = (b as FactorReason).factor;
  return fa < fb ? -1 : fa > fb ? 1 : 0;
};

/** Sort reasons: indicators first (by effect, then id), then factors (by name). */
export function sortReasons(reasons: Reason[]): Reason[] {
  return reasons.sort(compareReasons);
}
