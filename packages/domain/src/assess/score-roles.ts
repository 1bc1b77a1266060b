/** Role enactment: the weighted mean of a role's known indicators, with confidence = known weight / total weight. */
import { type RoleId, roleIds } from '../catalog/roles';
import type { Reason, RoleScore } from './assessment';
import type { CompiledModel } from './compiled-model';
import type { EvidenceByIndicator } from './evidence-window';
import { indicatorReason } from './reasons';

/** Score one role (reasons come out sorted, as the compiled terms are sorted by indicator id). */
export function scoreRole(model: CompiledModel, role: RoleId, evidence: EvidenceByIndicator): RoleScore {
  const terms = model.roleTerms[role];
  let total = 0;
  let known = 0;
  let weighted = 0;
  for (const t of terms) {
    total += t.weight;
    const e = evidence[t.index];
    if (e === undefined) continue;
    known += t.weight;
    weighted += t.weight * e.strength;
  }
  const confidence = total === 0 ? 0 : known / total;
  const because: Reason[] = [];
  for (const t of terms) {
    const e = evidence[t.index];
    if (e !== undefined)
      because.push(indicatorReason(t, e, 'enactment', e.strength, (t.weight * e.strength) / known));
  }
  const enactment = confidence < model.ruleset.minConfidence || known === 0 ? null : weighted / known;
  return { enactment, confidence, because };
}

/** Score all four roles. */
export function scoreRoles(
  model: CompiledModel,
  evidence: EvidenceByIndicator,
): { [K in RoleId]: RoleScore } {
  const out = {} as { [K in RoleId]: RoleScore };
  for (const role of roleIds) out[role] = scoreRole(model, role, evidence);
  return out;
}
