/** Builds the plain-words explanation of an assessment from its reasons and the observations behind them. */
import type { Assessment, ConflictScore, IndicatorReason, Level } from '../assess/assessment';
import type { CompiledModel } from '../assess/compiled-model';
import type { EvidenceByIndicator } from '../assess/evidence-window';
import { levelOf } from '../assess/levels';
import { checkInTexts, isCheckInIndicatorId } from '../catalog/check-in-texts';
import { type ConflictId, conflictIds, conflicts } from '../catalog/conflicts';
import type { IndicatorId } from '../catalog/indicator-ids';
import { indicators } from '../catalog/indicators';
import type { Locale, LocalizedText } from '../catalog/localized-text';
import { roles as roleCatalog, roleIds } from '../catalog/roles';
import type { Observation, ObservationSource } from '../evidence/observation';
import { dateWords } from './date-words';
import type {
  ConflictExplanation,
  ConflictWords,
  ExplainedFact,
  Explanation,
  NextQuestion,
  RoleExplanation,
} from './explanation';
import { type Audience, type Voice, voiceOf } from './explanation-voice';
import { factWords, labelWords, listWords, signWords, windowWords } from './explanation-words';
import { conflictModelLines } from './model-lines';

type Parts = Omit<Assessment, 'cards' | 'explanation'>;

const both = (make: (locale: Locale) => string): LocalizedText => ({ en: make('en'), cs: make('cs') });

/** The observations (by id) that any conflict reason cites: one pass over the input. */
function citedObservations(
  parts: Parts,
  observations: readonly Observation[],
): ReadonlyMap<string, Pick<Observation, 'observedAt' | 'source'>> {
  const wanted = new Set<string>();
  for (const c of conflictIds)
    for (const r of parts.conflicts[c].because)
      if (r.kind === 'indicator') for (const id of r.observationIds) wanted.add(id);
  const out = new Map<string, Pick<Observation, 'observedAt' | 'source'>>();
  if (wanted.size === 0) return out;
  for (const o of observations)
    if (wanted.has(o.id) && (o.workerId === parts.workerId || o.unitId !== undefined)) out.set(o.id, o);
  return out;
}

function toFact(
  reason: IndicatorReason,
  cited: ReadonlyMap<string, Pick<Observation, 'observedAt' | 'source'>>,
): ExplainedFact {
  let last = '';
  const sources = new Set<ObservationSource>();
  for (const id of reason.observationIds) {
    const o = cited.get(id);
    if (o === undefined) continue;
    if (o.observedAt > last) last = o.observedAt;
    sources.add(o.source);
  }
  const event = indicators[reason.indicator].kind === 'event';
  return {
    indicator: reason.indicator,
    value: reason.value,
    lastObservedOn: last,
    sources: [...sources].sort(),
    countInWindow: event ? (reason.value as number) : null,
    unitLevel: reason.level === 'unit',
    observationIds: reason.observationIds,
  };
}

/** Strongest first, then by id, so the text is stable. */
const byContribution = (a: IndicatorReason, b: IndicatorReason) =>
  b.contribution - a.contribution || (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0);

function questionsFor(ids: readonly IndicatorId[], max: number): NextQuestion[] {
  return ids.slice(0, max).map((indicator) => ({ indicator, question: indicators[indicator].question }));
}

function explainConflict(
  model: CompiledModel,
  id: ConflictId,
  score: ConflictScore,
  evidence: EvidenceByIndicator,
  cited: ReadonlyMap<string, Pick<Observation, 'observedAt' | 'source'>>,
  window: Explanation['window'],
): ConflictExplanation {
  const indicatorsOf = (effect: 'marker' | 'protection') =>
    score.because.filter((r): r is IndicatorReason => r.kind === 'indicator' && r.effect === effect);
  const markers = indicatorsOf('marker');
  const protects = indicatorsOf('protection');
  const present = markers.filter((r) => r.strength > 0).sort(byContribution);
  const absent = markers.filter((r) => r.strength === 0);
  const protecting = protects.filter((r) => r.strength > 0).sort(byContribution);
  const missing = protects.filter((r) => r.strength === 0);
  const signs = present.map((r) => toFact(r, cited));
  const notPresent = absent.map((r) => toFact(r, cited));
  const protections = protecting.map((r) => toFact(r, cited));
  const missingProtections = missing.map((r) => toFact(r, cited));

  const unknownIds = [
    ...model.markerTerms[id]
      .filter((t) => evidence[t.index] === undefined)
      .sort((a, b) => b.weight - a.weight),
    ...model.protectionTerms[id]
      .filter((t) => evidence[t.index] === undefined)
      .sort((a, b) => b.weight - a.weight),
  ].map((t) => t.indicator);
  const questions = questionsFor(unknownIds, 3);
  const anyEvent = [...signs, ...notPresent].some((f) => f.countInWindow !== null);
  const contextFactor = score.because.find(
    (r) => r.kind === 'factor' && (r.factor === 'tenure_months' || r.factor === 'setting'),
  );
  const previousLevel = levelOf(score.previousSeverity, model.ruleset.levelCuts);
  const facts: ConflictFacts = {
    level: score.level,
    trend: score.trend,
    previousLevel,
    signs,
    notPresent,
    protections,
    missingProtections,
    unknownIds,
    questions,
    anyEvent,
    context:
      contextFactor?.kind !== 'factor' || (contextFactor.contribution ?? 1) <= 1 || signs.length === 0
        ? null
        : contextFactor.factor === 'setting'
          ? { kind: 'setting' }
          : {
              kind: 'tenure',
              months: Number(contextFactor.value),
              limit: model.ruleset.contextMultipliers.earlyCareer.tenureUnderMonths,
            },
  };
  return {
    conflict: id,
    level: score.level,
    trend: score.trend,
    ...conflictWords(facts, window, 'supervisor'),
    toPerson: conflictWords(facts, window, 'person'),
    signs,
    notPresent,
    protections,
    missingProtections,
    questions,
    model: conflictModelLines(model, score, protecting.concat(present)),
  };
}

/** What a conflict's words are made from: decided once, written for either reader. */
interface ConflictFacts {
  readonly level: Level;
  readonly trend: ConflictScore['trend'];
  readonly previousLevel: Level;
  readonly signs: readonly ExplainedFact[];
  readonly notPresent: readonly ExplainedFact[];
  readonly protections: readonly ExplainedFact[];
  readonly missingProtections: readonly ExplainedFact[];
  readonly unknownIds: readonly IndicatorId[];
  readonly questions: readonly NextQuestion[];
  readonly anyEvent: boolean;
  /** Why it weighs more, when a context multiplier raised it. */
  readonly context: { kind: 'setting' } | { kind: 'tenure'; months: number; limit: number } | null;
}

function conflictWords(f: ConflictFacts, window: Explanation['window'], audience: Audience): ConflictWords {
  const text = (make: (l: Locale, v: Voice, w: string) => string): LocalizedText =>
    both((l) => make(l, voiceOf(audience, l), windowWords(window.days, window.to, l)));
  const facts = (list: readonly ExplainedFact[], l: Locale, words = factWords) =>
    listWords(
      list.map((x) => words(x, l, audience)),
      l,
    );
  const raised = text((l, v, w) => {
    const counts = f.anyEvent ? v.counts(w) : '';
    const none = f.notPresent.length > 0 ? v.notAConcern(facts(f.notPresent, l)) : '';
    if (f.signs.length === 0) return v.noSign(w) + none + counts;
    const context =
      f.context === null
        ? ''
        : f.context.kind === 'setting'
          ? v.inpatient
          : v.earlyCareer(f.context.months, f.context.limit);
    return v.raisedBy(facts(f.signs, l, signWords)) + context + none + counts;
  });
  const eased = text((l, v) => {
    const parts = [f.protections.length > 0 ? v.easedBy(facts(f.protections, l, signWords)) : v.noProtection];
    if (f.missingProtections.length > 0) parts.push(v.missingProtections(facts(f.missingProtections, l)));
    return parts.join(' ');
  });
  // The supervisor asks the catalog's questions; the person reads what their check-in will ask them.
  const asks = (l: Locale): string[] =>
    audience === 'supervisor'
      ? f.questions.map((q) => q.question[l])
      : f.unknownIds
          .filter(isCheckInIndicatorId)
          .slice(0, f.questions.length)
          .map((i) => checkInTexts[i][l]);
  const unknown = text((l, v, w) => {
    if (f.unknownIds.length === 0) return v.allRecorded(w);
    const labels = listWords(
      f.unknownIds.map((i) => labelWords(i, l)),
      l,
    );
    return v.notRecorded(w, labels, asks(l).map(v.quote).join(' '));
  });
  const moved = text((l, v) => movedWords(f, v, window.days, dateWords(window.from, l)));
  const headline = text((l, v, w) => headlineWords(f, v, w, l, audience, asks(l)[0]));
  return { headline, raised, eased, unknown, moved };
}

function headlineWords(
  f: ConflictFacts,
  v: Voice,
  w: string,
  l: Locale,
  audience: Audience,
  firstAsk: string | undefined,
): string {
  if (f.level === 'unknown') return v.headlineUnknown(w, firstAsk === undefined ? null : v.quote(firstAsk));
  if (f.signs.length === 0) return v.headlineNone(w);
  const main = listWords(
    f.signs.slice(0, 2).map((x) => signLabel(x, l, audience)),
    l,
  );
  const eased =
    f.protections.length > 0
      ? v.partlyEased(
          listWords(
            f.protections.slice(0, 2).map((x) => labelWords(x.indicator, l)),
            l,
          ),
        )
      : v.nothingEases;
  return v.headline(v.level[f.level], main, eased);
}

/** A sign's short name for the headline (no dates). */
function signLabel(f: ExplainedFact, l: Locale, audience: Audience): string {
  const full = signWords(f, l, audience);
  const bracket = full.lastIndexOf(' (');
  return bracket > 0 ? full.slice(0, bracket) : full;
}

function movedWords(f: ConflictFacts, v: Voice, days: number, previousTo: string): string {
  const prev = v.previous(days, previousTo);
  if (f.trend === null) return v.notKnownNow;
  if (f.trend === 'new') return v.newSince(prev);
  return v.movedSince(f.trend, prev, v.inline[f.previousLevel], v.inline[f.level]);
}

function explainRoles(
  model: CompiledModel,
  parts: Parts,
  evidence: EvidenceByIndicator,
  window: Explanation['window'],
): RoleExplanation[] {
  const out: RoleExplanation[] = [];
  for (const role of roleIds) {
    if (parts.roles[role].enactment !== null) continue;
    const high = conflictIds.filter(
      (c) =>
        conflicts[c].between.includes(role) &&
        (parts.conflicts[c].level === 'active' || parts.conflicts[c].level === 'severe'),
    );
    const first = high[0];
    if (first === undefined) continue;
    const terms = model.roleTerms[role];
    const known = terms.filter((t) => evidence[t.index] !== undefined).length;
    const unknownIds = terms
      .filter((t) => evidence[t.index] === undefined)
      .sort((a, b) => b.weight - a.weight)
      .map((t) => t.indicator);
    const questions = questionsFor(unknownIds, 3);
    const roleWords = (audience: Audience) =>
      both((l) => {
        const v = voiceOf(audience, l);
        const conflict = conflicts[first].label[l].toLocaleLowerCase(l);
        return (
          v.roleUnknown(
            roleCatalog[role].label[l],
            known,
            terms.length,
            windowWords(window.days, window.to, l),
          ) + v.roleConflictAllTheSame(conflict, v.inline[parts.conflicts[first].level])
        );
      });
    const text = roleWords('supervisor');
    const toPerson = roleWords('person');
    out.push({ role, text, toPerson, questions });
  }
  return out;
}

/** The explanation of an assessment; `observations` are `assess`'s input (only the cited ones are read). */
export function explainAssessment(
  model: CompiledModel,
  parts: Parts,
  evidence: EvidenceByIndicator,
  observations: readonly Observation[],
): Explanation {
  const cited = citedObservations(parts, observations);
  const window = { from: parts.window.from, to: parts.window.to, days: model.ruleset.windowDays };
  const out = {} as { [K in ConflictId]: ConflictExplanation };
  for (const c of conflictIds)
    out[c] = explainConflict(model, c, parts.conflicts[c], evidence, cited, window);
  return { window, conflicts: out, roles: explainRoles(model, parts, evidence, window) };
}
