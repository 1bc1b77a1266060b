/** Builds the plain-words explanation of an assessment from its reasons and the observations behind them. */
import type { Assessment, ConflictScore, IndicatorReason, Level } from '../assess/assessment';
import type { CompiledModel } from '../assess/compiled-model';
import type { EvidenceByIndicator } from '../assess/evidence-window';
import { levelOf } from '../assess/levels';
import { type ConflictId, conflictIds, conflicts } from '../catalog/conflicts';
import type { IndicatorId } from '../catalog/indicator-ids';
import { indicators } from '../catalog/indicators';
import type { LocalizedText } from '../catalog/localized-text';
import { roles as roleCatalog, roleIds } from '../catalog/roles';
import type { Observation, ObservationSource } from '../evidence/observation';
import { plural } from '../need/plural';
import { dateWords } from './date-words';
import type {
  ConflictExplanation,
  ExplainedFact,
  Explanation,
  NextQuestion,
  RoleExplanation,
} from './explanation';
import { factWords, labelWords, levelWords, listWords, signWords, windowWords } from './explanation-words';
import { conflictModelLines } from './model-lines';

type Parts = Omit<Assessment, 'cards' | 'explanation'>;

const both = (make: (locale: 'en' | 'cs') => string): LocalizedText => ({ en: make('en'), cs: make('cs') });

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
  const w = (l: 'en' | 'cs') => windowWords(window.days, window.to, l);
  const anyEvent = [...signs, ...notPresent].some((f) => f.countInWindow !== null);

  const contextFactor = score.because.find(
    (r) => r.kind === 'factor' && (r.factor === 'tenure_months' || r.factor === 'setting'),
  );
  const contextWords = (l: 'en' | 'cs'): string => {
    if (contextFactor?.kind !== 'factor' || (contextFactor.contribution ?? 1) <= 1 || signs.length === 0)
      return '';
    if (contextFactor.factor === 'setting')
      return l === 'en' ? ' It weighs more on an inpatient unit.' : ' Na lůžkovém oddělení váží víc.';
    const months = Number(contextFactor.value);
    const limit = model.ruleset.contextMultipliers.earlyCareer.tenureUnderMonths;
    return l === 'en'
      ? ` It weighs more early in a career: ${plural('en', months, { one: '1 month', few: '{n} months', many: '{n} months' })} in post, under ${limit}.`
      : ` Na začátku kariéry váží víc: ve funkci ${plural('cs', months, { one: '1 měsíc', few: '{n} měsíce', many: '{n} měsíců' })}, méně než ${limit}.`;
  };
  const raised = both((l) => {
    const counts = anyEvent ? (l === 'en' ? ` Counts are ${w(l)}.` : ` Počty jsou ${w(l)}.`) : '';
    const none =
      notPresent.length > 0
        ? l === 'en'
          ? ` Recorded and not a concern: ${listWords(
              notPresent.map((f) => factWords(f, l)),
              l,
            )}.`
          : ` Zaznamenáno a bez obav: ${listWords(
              notPresent.map((f) => factWords(f, l)),
              l,
            )}.`
        : '';
    if (signs.length === 0)
      return (
        (l === 'en' ? `No sign of it was recorded ${w(l)}.` : `Žádný jeho znak nebyl zaznamenán ${w(l)}.`) +
        none +
        counts
      );
    const list = listWords(
      signs.map((f) => signWords(f, l)),
      l,
    );
    return (l === 'en' ? `Raised by: ${list}.` : `Zvyšuje ho: ${list}.`) + contextWords(l) + none + counts;
  });
  const eased = both((l) => {
    const parts: string[] = [];
    if (protections.length > 0)
      parts.push(
        l === 'en'
          ? `Eased by these protections: ${listWords(
              protections.map((f) => signWords(f, l)),
              l,
            )}.`
          : `Zmírňují ho tyto ochranné faktory: ${listWords(
              protections.map((f) => signWords(f, l)),
              l,
            )}.`,
      );
    else
      parts.push(
        l === 'en'
          ? 'No protection against it is recorded.'
          : 'Žádný ochranný faktor proti němu není zaznamenán.',
      );
    if (missingProtections.length > 0)
      parts.push(
        l === 'en'
          ? `Protections recorded as missing: ${listWords(
              missingProtections.map((f) => factWords(f, l)),
              l,
            )}.`
          : `Chybějící ochranné faktory: ${listWords(
              missingProtections.map((f) => factWords(f, l)),
              l,
            )}.`,
      );
    return parts.join(' ');
  });
  const unknown = both((l) => {
    if (unknownIds.length === 0)
      return l === 'en'
        ? `Every sign and protection of it was recorded ${w(l)}.`
        : `Všechny jeho znaky i ochranné faktory byly zaznamenány ${w(l)}.`;
    const labels = listWords(
      unknownIds.map((i) => labelWords(i, l)),
      l,
    );
    const ask = questions.map((q) => (l === 'en' ? `“${q.question.en}”` : `„${q.question.cs}“`)).join(' ');
    return l === 'en'
      ? `Not recorded ${w(l)}: ${labels}. Ask next: ${ask}`
      : `Nezaznamenáno ${w(l)}: ${labels}. Zeptejte se: ${ask}`;
  });
  const previousTo = window.from;
  const previousLevel = levelOf(score.previousSeverity, model.ruleset.levelCuts);
  const moved = both((l) => movedWords(score, previousLevel, window.days, previousTo, l));
  const headline = both((l) => headlineWords(score.level, signs, protections, questions, window, l));
  return {
    conflict: id,
    level: score.level,
    trend: score.trend,
    headline,
    raised,
    eased,
    unknown,
    moved,
    signs,
    notPresent,
    protections,
    missingProtections,
    questions,
    model: conflictModelLines(model, score, protecting.concat(present)),
  };
}

function headlineWords(
  level: Level,
  signs: readonly ExplainedFact[],
  protections: readonly ExplainedFact[],
  questions: readonly NextQuestion[],
  window: Explanation['window'],
  l: 'en' | 'cs',
): string {
  const w = windowWords(window.days, window.to, l);
  if (level === 'unknown') {
    const first = questions[0];
    return l === 'en'
      ? `Not known: none of its signs was recorded ${w}.${first ? ` Start by asking: “${first.question.en}”` : ''}`
      : `Neznámé: žádný jeho znak nebyl zaznamenán ${w}.${first ? ` Začněte otázkou: „${first.question.cs}“` : ''}`;
  }
  if (signs.length === 0)
    return l === 'en'
      ? `None: its signs were checked ${w} and none is present.`
      : `Žádný: jeho znaky byly ${w} ověřeny a žádný se neobjevil.`;
  const main = listWords(
    signs.slice(0, 2).map((f) => signLabel(f, l)),
    l,
  );
  const eased =
    protections.length > 0
      ? l === 'en'
        ? ` Partly eased by protections: ${listWords(
            protections.slice(0, 2).map((f) => labelWords(f.indicator, l)),
            l,
          )}.`
        : ` Částečně ho zmírňují ochranné faktory: ${listWords(
            protections.slice(0, 2).map((f) => labelWords(f.indicator, l)),
            l,
          )}.`
      : l === 'en'
        ? ' Nothing recorded eases it.'
        : ' Nic zaznamenaného ho nezmírňuje.';
  return l === 'en'
    ? `${levelWords.en[level]}, mainly because of: ${main}.${eased}`
    : `${levelWords.cs[level]}, hlavně kvůli: ${main}.${eased}`;
}

/** A sign's short name for the headline (no dates). */
function signLabel(f: ExplainedFact, l: 'en' | 'cs'): string {
  const full = signWords(f, l);
  const bracket = full.lastIndexOf(' (');
  return bracket > 0 ? full.slice(0, bracket) : full;
}

function movedWords(
  score: ConflictScore,
  previousLevel: Level,
  days: number,
  previousTo: string,
  l: 'en' | 'cs',
): string {
  const prev =
    l === 'en'
      ? `the previous ${days} days (to ${dateWords(previousTo, l)})`
      : `předchozími ${days} dny (do ${dateWords(previousTo, l)})`;
  const lw = (x: Level) => levelWords[l][x].toLocaleLowerCase(l);
  switch (score.trend) {
    case null:
      return l === 'en'
        ? 'Cannot say how it moved: it is not known in this period.'
        : 'Nelze říct, jak se vyvíjí: v tomto období není známý.';
    case 'new':
      return l === 'en'
        ? `New: nothing about it was recorded in ${prev}.`
        : `Nový: v porovnání s ${prev} o něm nebylo nic zaznamenáno.`;
    case 'steady':
      return l === 'en'
        ? `Steady compared with ${prev}: ${lw(previousLevel)} then, ${lw(score.level)} now.`
        : `Stabilní v porovnání s ${prev}: tehdy ${lw(previousLevel)}, nyní ${lw(score.level)}.`;
    case 'rising':
      return l === 'en'
        ? `Rising compared with ${prev}: ${lw(previousLevel)} then, ${lw(score.level)} now.`
        : `Sílí v porovnání s ${prev}: tehdy ${lw(previousLevel)}, nyní ${lw(score.level)}.`;
    case 'falling':
      return l === 'en'
        ? `Falling compared with ${prev}: ${lw(previousLevel)} then, ${lw(score.level)} now.`
        : `Slábne v porovnání s ${prev}: tehdy ${lw(previousLevel)}, nyní ${lw(score.level)}.`;
  }
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
    const text = both((l) => {
      const role_ = roleCatalog[role].label[l];
      const conflict = conflicts[first].label[l].toLocaleLowerCase(l);
      const level = levelWords[l][parts.conflicts[first].level].toLocaleLowerCase(l);
      const w = windowWords(window.days, window.to, l);
      return l === 'en'
        ? `The ${role_} role shows as unknown because only ${known} of its ${terms.length} signs were recorded ${w}, too few to judge how much the PSW enacts the role. The ${conflict} conflict is ${level} all the same: it is judged from its own signs (what happens at the boundary between the roles), not from how much each role is enacted.`
        : `Role „${role_}“ se jeví jako neznámá, protože ${w} byly zaznamenány jen ${known} z jeho ${terms.length} znaků, což nestačí k posouzení, nakolik pracovník tuto roli naplňuje. Konflikt ${conflict} je přesto ${level}: posuzuje se podle vlastních znaků (co se děje na hranici mezi rolemi), ne podle toho, nakolik je každá role naplněna.`;
    });
    out.push({ role, text, questions });
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
