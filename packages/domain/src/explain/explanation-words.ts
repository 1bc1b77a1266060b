/**
 * The wording rules of explanations (ADR 0019): plain words, the sign's own label, dates and sources
 * in brackets, counts always with their window, protections called protections; no weights or scores.
 */

import type { IndicatorId } from '../catalog/indicator-ids';
import { indicators } from '../catalog/indicators';
import type { Locale } from '../catalog/localized-text';
import type { ObservationSource } from '../evidence/observation';
import { plural } from '../need/plural';
import { dateWords } from './date-words';
import type { ExplainedFact } from './explanation';
import type { Audience } from './explanation-voice';

const supervisorSources: Record<Locale, Record<ObservationSource, string>> = {
  en: { supervision: 'supervision', self_report: 'self-report', interview: 'interview', import: 'import' },
  cs: { supervision: 'supervize', self_report: 'vlastní hlášení', interview: 'rozhovor', import: 'import' },
};

/** Sources as each reader names them: to the person, a self-report is their own answer. */
const sourceWords: Record<Audience, Record<Locale, Record<ObservationSource, string>>> = {
  supervisor: supervisorSources,
  person: {
    en: { ...supervisorSources.en, self_report: 'your own answer' },
    cs: { ...supervisorSources.cs, self_report: 'vaše vlastní odpověď' },
  },
};

const unitWords: Record<Audience, Record<Locale, string>> = {
  supervisor: { en: '; for the unit', cs: '; za oddělení' },
  person: { en: '; for your unit', cs: '; za vaše oddělení' },
};

/** What an inverse marker means when it is present: the missing condition in words, for each reader. */
const missingWords: Partial<Record<IndicatorId, Record<Audience, Record<Locale, string>>>> = {
  has_own_workplace: {
    supervisor: { en: 'no workplace of their own', cs: 'nemá vlastní pracovní místo' },
    person: { en: 'you have no workplace of your own', cs: 'nemáte vlastní pracovní místo' },
  },
  invited_to_team_meetings: {
    supervisor: { en: 'not invited to team meetings', cs: 'není zván na porady týmu' },
    person: { en: 'you are not invited to team meetings', cs: 'na porady týmu vás nezvou' },
  },
  receives_client_information: {
    supervisor: {
      en: 'not told about the clients they work with',
      cs: 'nedostává informace o klientech, se kterými pracuje',
    },
    person: {
      en: 'you are not told about the clients you work with',
      cs: 'nedostáváte informace o klientech, se kterými pracujete',
    },
  },
  condition_accommodated: {
    supervisor: {
      en: 'their health condition is not accommodated',
      cs: 'jeho zdravotnímu stavu se nevychází vstříc',
    },
    person: {
      en: 'your health condition is not accommodated',
      cs: 'vašemu zdravotnímu stavu se nevychází vstříc',
    },
  },
};

const lowerFirst = (s: string, locale: Locale) =>
  s.length === 0 ? s : s.charAt(0).toLocaleLowerCase(locale) + s.slice(1);

/** The catalog label of an indicator, lower-cased to sit inside a sentence. */
export function labelWords(indicator: IndicatorId, locale: Locale): string {
  return lowerFirst(indicators[indicator].label[locale], locale);
}

/** A value in words: "yes", "4 of 5", "3 times". */
export function valueWords(indicator: IndicatorId, value: number | boolean, locale: Locale): string {
  const kind = indicators[indicator].kind;
  if (kind === 'bool')
    return value === true ? (locale === 'en' ? 'yes' : 'ano') : locale === 'en' ? 'no' : 'ne';
  if (kind === 'likert') return locale === 'en' ? `${String(value)} of 5` : `${String(value)} z 5`;
  const n = value as number;
  return plural(
    locale,
    n,
    locale === 'en'
      ? { one: 'once', few: '{n} times', many: '{n} times' }
      : { one: '1×', few: '{n}×', many: '{n}×' },
  );
}

/** "(20 Nov 2026, supervision)", "(1 Oct 2026, supervision; for the unit)". */
function whenWords(fact: ExplainedFact, locale: Locale, audience: Audience): string {
  const sources = fact.sources.map((s) => sourceWords[audience][locale][s]).join(', ');
  const unit = fact.unitLevel ? unitWords[audience][locale] : '';
  const last =
    fact.countInWindow !== null && fact.observationIds.length > 1
      ? locale === 'en'
        ? 'last '
        : 'naposledy '
      : '';
  return `(${last}${dateWords(fact.lastObservedOn, locale)}, ${sources}${unit})`;
}

/** A sign that is present: its label (or, for a missing condition, the missing condition), value, date and source. */
export function signWords(fact: ExplainedFact, locale: Locale, audience: Audience): string {
  const kind = indicators[fact.indicator].kind;
  const missing = missingWords[fact.indicator];
  let what: string;
  if (indicators[fact.indicator].inverse && missing !== undefined) what = missing[audience][locale];
  else if (kind === 'bool') what = labelWords(fact.indicator, locale);
  else what = `${labelWords(fact.indicator, locale)}: ${valueWords(fact.indicator, fact.value, locale)}`;
  return `${what} ${whenWords(fact, locale, audience)}`;
}

/** A recorded fact with its value: "has own workplace: yes (1 Oct 2026, supervision)". */
export function factWords(fact: ExplainedFact, locale: Locale, audience: Audience): string {
  return `${labelWords(fact.indicator, locale)}: ${valueWords(fact.indicator, fact.value, locale)} ${whenWords(fact, locale, audience)}`;
}

/** "in the 90 days to 26 Nov 2026" / "za 90 dní do 26. 11. 2026". */
export function windowWords(days: number, to: string, locale: Locale): string {
  return locale === 'en'
    ? `in the ${days} days to ${dateWords(to, locale)}`
    : `za ${days} dní do ${dateWords(to, locale)}`;
}

/** A list joined for reading: "a, b and c" / "a, b a c". */
export function listWords(items: readonly string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  const and = locale === 'en' ? ' and ' : ' a ';
  return `${items.slice(0, -1).join('; ')}${and}${items[items.length - 1]}`;
}
