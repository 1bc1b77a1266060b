/** The card rules of domain.md section 7: which recommendations an assessment triggers, and their order. */

import type { Assessment, ConflictScore, IndicatorReason, Reason } from '../assess/assessment';
import { atLeast } from '../assess/levels';
import { cardTexts } from '../catalog/card-texts';
import type { ConflictId } from '../catalog/conflicts';
import type { FindingId } from '../catalog/findings';
import { privateIndicators } from '../catalog/indicator-audience';
import type { IndicatorId } from '../catalog/indicator-ids';
import type { Ruleset } from '../ruleset/ruleset-schema';
import { type Card, type CardId, type CardIndicator, cardAudiences } from './card';

type Because = ConflictId | FindingId | 'strain';

const indicatorIn = (because: readonly Reason[], indicator: IndicatorId, effect: IndicatorReason['effect']) =>
  because.find(
    (r): r is IndicatorReason => r.kind === 'indicator' && r.indicator === indicator && r.effect === effect,
  );

/** True when every present sign (strength > 0) of the conflict is a private answer (strain, self-stigma). */
const restsOnPrivate = (conflict: ConflictScore): boolean => {
  const present = conflict.because.filter(
    (r): r is IndicatorReason => r.kind === 'indicator' && r.effect === 'marker' && r.strength > 0,
  );
  return present.length > 0 && present.every((r) => privateIndicators.has(r.indicator));
};

const boundaryStrategies: readonly IndicatorId[] = [
  'keeps_working_hours',
  'phone_off_after_hours',
  'protects_personal_time',
];
const workingConditions: readonly IndicatorId[] = [
  'has_own_workplace',
  'invited_to_team_meetings',
  'receives_client_information',
];
const stigmaMarkers: readonly IndicatorId[] = [
  'seen_as_former_patient',
  'self_stigma',
  'witnesses_disrespect_to_service_users',
];

const indicatorRank: Record<CardIndicator, number> = { critical: 0, warning: 1, info: 2 };
const audienceRank = Object.fromEntries(cardAudiences.map((a, i) => [a, i])) as Record<
  Card['audience'],
  number
>;

/** Compare cards: critical, warning, info; then audience (peer worker, supervisor, team, organisation); then id. */
export function compareCards(a: Pick<Card, 'id' | 'indicator' | 'audience'>, b: typeof a): number {
  return (
    indicatorRank[a.indicator] - indicatorRank[b.indicator] ||
    audienceRank[a.audience] - audienceRank[b.audience] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The cards an assessment triggers, ordered by `compareCards`. Runs inside `assess`. */
export function recommend(
  a: Omit<Assessment, 'cards' | 'explanation'>,
  ruleset: Pick<Ruleset, 'recommendations'>,
): Card[] {
  const cards: Card[] = [];
  const fire = (id: CardId, indicator: CardIndicator, because: Because[], sensitive: boolean) => {
    const t = cardTexts[id];
    cards.push({
      id,
      indicator,
      audience: t.audience,
      sensitive,
      summary: t.summary,
      detail: t.detail,
      because: [...new Set(because)].sort(),
      source: t.source,
    });
  };
  const finding = (id: FindingId) => a.findings.find((f) => f.id === id);
  const fvp = a.conflicts.friend_vs_professional;
  const sve = a.conflicts.staff_member_vs_expert_by_experience;
  const strain = a.strain.level;
  const raise = (base: CardIndicator, when: boolean): CardIndicator => (when ? 'critical' : base);

  if (finding('supervision_gap') !== undefined) {
    const strained = atLeast(strain, 'active');
    fire(
      'regular_supervision',
      raise('warning', strained),
      strained ? ['supervision_gap', 'strain'] : ['supervision_gap'],
      strained,
    );
  }
  if (atLeast(fvp.level, 'emerging')) {
    const privateOnly = restsOnPrivate(fvp);
    fire(
      'supervision_focus_boundaries',
      raise('warning', fvp.level === 'severe'),
      ['friend_vs_professional'],
      privateOnly,
    );
    const lowBelow = ruleset.recommendations.boundaryStrategyLowBelow;
    const weak = boundaryStrategies.some((id) => {
      const r = indicatorIn(fvp.because, id, 'protection');
      return r === undefined || r.strength < lowBelow;
    });
    if (weak) fire('boundary_strategies', 'warning', ['friend_vs_professional'], privateOnly);
  }
  if (atLeast(strain, 'active')) {
    const access = indicatorIn(fvp.because, 'psychotherapy_access', 'protection');
    if (access === undefined || access.strength === 0)
      fire('psychotherapy_access', 'warning', ['strain'], true);
  }
  const inpatient = sve.because.some(
    (r) => r.kind === 'factor' && r.factor === 'setting' && r.value === 'inpatient',
  );
  if (atLeast(sve.level, 'emerging')) {
    const privateOnly = restsOnPrivate(sve);
    fire(
      'supervision_focus_team_position',
      raise('warning', sve.level === 'severe'),
      ['staff_member_vs_expert_by_experience'],
      privateOnly,
    );
    const trained = indicatorIn(sve.because, 'team_trained_in_peer_work', 'protection');
    if (trained === undefined || trained.strength === 0) {
      fire(
        'team_education',
        raise('warning', inpatient),
        ['staff_member_vs_expert_by_experience'],
        privateOnly,
      );
    }
  }
  const missingCondition = workingConditions.some((id) => {
    const r = indicatorIn(sve.because, id, 'marker');
    return r !== undefined && r.value === false;
  });
  if (missingCondition)
    fire('equal_working_conditions', 'warning', ['staff_member_vs_expert_by_experience'], false);
  const ambiguity = finding('role_ambiguity');
  if (
    ambiguity !== undefined &&
    indicatorIn(ambiguity.because, 'position_defined', 'finding') !== undefined
  ) {
    fire('define_psw_position', 'warning', ['role_ambiguity'], false);
  }
  const stigma = stigmaMarkers.filter((id) => (indicatorIn(sve.because, id, 'marker')?.strength ?? 0) > 0);
  const inpatientConflict = inpatient && atLeast(sve.level, 'emerging');
  if (stigma.length > 0 || inpatientConflict) {
    const privateOnly = !inpatientConflict && stigma.every((id) => privateIndicators.has(id));
    fire('destigmatization', 'warning', ['staff_member_vs_expert_by_experience'], privateOnly);
  }
  if (finding('over_formalization') !== undefined)
    fire('protect_peer_relationship', 'info', ['over_formalization'], false);
  if (atLeast(strain, 'emerging')) {
    fire('wellbeing_check', raise('warning', strain === 'severe'), ['strain', 'wellbeing_strain'], true);
  }
  if (ambiguity !== undefined) fire('role_clarity_conversation', 'info', ['role_ambiguity'], false);
  if (finding('insufficient_evidence') !== undefined) {
    fire('structured_check_in', 'info', ['insufficient_evidence'], false);
  }
  if (cards.length === 0) fire('keep_going', 'info', [], false);
  return cards.sort(compareCards);
}
