/** Strain on wellbeing: noisy-OR of strain weight x strength over the known strain indicators. */
import type { Reason, StrainScore } from './assessment';
import type { CompiledModel } from './compiled-model';
import type { EvidenceByIndicator } from './evidence-window';
import { levelOf } from './levels';
import { indicatorReason } from './reasons';

/** The strain value and level; `unknown` when no strain indicator is known. */
export function scoreStrain(model: CompiledModel, evidence: EvidenceByIndicator): StrainScore {
  let keep = 1;
  let anyKnown = false;
  const because: Reason[] = [];
  for (const t of model.strainTerms) {
    const e = evidence[t.index];
    if (e === undefined) continue;
    anyKnown = true;
    const term = t.weight * e.strength;
    keep *= 1 - term;
    because.push(indicatorReason(t, e, 'strain', e.strength, term));
  }
  const value = anyKnown ? 1 - keep : null;
  return { level: levelOf(value, model.ruleset.levelCuts), value, because };
}
