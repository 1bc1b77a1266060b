/** The findings of domain.md section 3: role ambiguity, over-formalisation, strain, supervision gap, thin evidence. */
import { conflictIds } from '../catalog/conflicts';
import type { FindingId } from '../catalog/findings';
import type { IndicatorId } from '../catalog/indicator-ids';
import { type RoleId, roleIds } from '../catalog/roles';
import { toDayNumber } from '../dates/iso-date';
import { supervisionStatus } from '../need/supervision-status';
import type { FindingResult, Reason, RoleScore, StrainScore } from './assessment';
import { type CompiledModel, indicatorIndex, type Term } from './compiled-model';
import type { Evidence, EvidenceByIndicator } from './evidence-window';
import { atLeast } from './levels';
import { factorReason, indicatorReason, sortReasons } from './reasons';

/** Supervision facts for the gap rule. */
export interface SupervisionFacts {
  readonly asOf: string;
  readonly startedOn: string;
  /** Session dates on or before asOf. */
  readonly sessionDates: readonly string[];
  readonly cadenceDays: number;
}

function known(
  evidence: EvidenceByIndicator,
  indicator: IndicatorId,
): { term: Term; e: Evidence } | undefined {
  const index = indicatorIndex.get(indicator) as number;
  const e = evidence[index];
  return e === undefined ? undefined : { term: { index, indicator, weight: 1, inverse: false }, e };
}

/**
 * Overall confidence: the best coverage among the parts an assessment judges (each role's
 * confidence, each conflict's known marker weight / total marker weight, the strain's known
 * weight / total). Evidence is "insufficient" only when no part can be judged with confidence.
 */
export function overallConfidence(
  model: CompiledModel,
  evidence: EvidenceByIndicator,
  roles: Readonly<Record<RoleId, RoleScore>>,
): number {
  const coverage = (terms: readonly Term[]) => {
    let total = 0;
    let knownWeight = 0;
    for (const t of terms) {
      total += t.weight;
      if (evidence[t.index] !== undefined) knownWeight += t.weight;
    }
    return total === 0 ? 0 : knownWeight / total;
  };
  let best = coverage(model.strainTerms);
  for (const c of conflictIds) best = Math.max(best, coverage(model.markerTerms[c]));
  for (const r of roleIds) best = Math.max(best, roles[r].confidence);
  return best;
}

function supervisionGap(
  model: CompiledModel,
  evidence: EvidenceByIndicator,
  s: SupervisionFacts,
): Reason[] | null {
  const limit = model.ruleset.supervision.gapFactor * s.cadenceDays;
  const today = toDayNumber(s.asOf);
  const because: Reason[] = [];
  let gap = false;
  const latest = s.sessionDates.reduce<string | undefined>(
    (a, d) => (a === undefined || d > a ? d : a),
    undefined,
  );
  if (latest === undefined) {
    const daysInPost = today - toDayNumber(s.startedOn);
    because.push(factorReason('last_supervision_days_ago', null, null));
    because.push(factorReason('days_in_post', daysInPost, limit));
  } else {
    const daysAgo = today - toDayNumber(latest);
    because.push(factorReason('last_supervision_days_ago', daysAgo, limit));
  }
  // The one overdue rule (also the caseload's): past cadence x gap factor.
  gap =
    supervisionStatus({
      asOf: s.asOf,
      startedOn: s.startedOn,
      lastSessionOn: latest ?? null,
      cadenceDays: s.cadenceDays,
      ruleset: model.ruleset,
    }).state === 'overdue';
  const offered = known(evidence, 'supervision_available');
  if (offered !== undefined && offered.e.strength === 0) {
    gap = true;
    because.push(indicatorReason(offered.term, offered.e, 'finding', 1, 1));
  }
  return gap ? sortReasons(because) : null;
}

/** Every finding that holds, sorted by id. */
export function detectFindings(
  model: CompiledModel,
  evidence: EvidenceByIndicator,
  roles: Readonly<Record<RoleId, RoleScore>>,
  strain: StrainScore,
  supervision: SupervisionFacts,
  counts: { observationsInWindow: number; overallConfidence: number },
): FindingResult[] {
  const r = model.ruleset;
  const found: FindingResult[] = [];
  const add = (id: FindingId, because: Reason[], level?: FindingResult['level']) =>
    found.push(level === undefined ? { id, because } : { id, level, because });

  if (counts.observationsInWindow < r.minObservations || counts.overallConfidence < r.minConfidence) {
    add('insufficient_evidence', [
      factorReason('observations_in_window', counts.observationsInWindow, null),
      factorReason('overall_confidence', counts.overallConfidence, null),
    ]);
  }

  const friend = roles.friend.enactment;
  const professional = roles.professional.enactment;
  const of = r.findings.overFormalization;
  if (
    friend !== null &&
    professional !== null &&
    professional >= of.professionalAtLeast &&
    friend <= of.friendAtMost
  ) {
    add('over_formalization', [
      factorReason('friend_enactment', friend, null),
      factorReason('professional_enactment', professional, null),
    ]);
  }

  const ambiguity: Reason[] = [];
  const unclear = known(evidence, 'role_unclear');
  if (unclear !== undefined && unclear.e.strength >= r.findings.roleUnclearAtLeast) {
    ambiguity.push(
      indicatorReason(unclear.term, unclear.e, 'finding', unclear.e.strength, unclear.e.strength),
    );
  }
  const position = known(evidence, 'position_defined');
  if (position !== undefined && position.e.strength === 0) {
    ambiguity.push(indicatorReason(position.term, position.e, 'finding', 1, 1));
  }
  if (ambiguity.length > 0) add('role_ambiguity', sortReasons(ambiguity));

  const gap = supervisionGap(model, evidence, supervision);
  if (gap !== null) add('supervision_gap', gap);

  if (atLeast(strain.level, 'emerging')) add('wellbeing_strain', [...strain.because], strain.level);
  return found;
}
