/** The few words that say why a PSW is where they are in the caseload, in English and Czech. */
import { conflicts } from '../catalog/conflicts';
import type { Locale } from '../catalog/localized-text';
import type { NeedReason } from './need-rank';
import { plural } from './plural';

const levelWords: Record<Locale, Record<string, string>> = {
  en: { emerging: 'emerging', active: 'active', severe: 'severe' },
  cs: { emerging: 'počínající', active: 'aktivní', severe: 'závažný' },
};

/** One reason as a short phrase, e.g. "Severe conflict: friend versus professional" or "2 actions overdue". */
export function needReasonText(reason: NeedReason, locale: Locale): string {
  const en = locale === 'en';
  switch (reason.code) {
    case 'conflict_severe': {
      const label = conflicts[reason.conflict].label[locale].toLocaleLowerCase(locale);
      return en ? `Severe conflict: ${label}` : `Závažný konflikt: ${label}`;
    }
    case 'conflict_rising': {
      const label = conflicts[reason.conflict].label[locale].toLocaleLowerCase(locale);
      const level = levelWords[locale][reason.level] ?? reason.level;
      return en ? `Rising conflict (now ${level}): ${label}` : `Konflikt sílí (nyní ${level}): ${label}`;
    }
    case 'conflict_active': {
      const label = conflicts[reason.conflict].label[locale].toLocaleLowerCase(locale);
      return en ? `Active conflict: ${label}` : `Aktivní konflikt: ${label}`;
    }
    case 'actions_overdue':
      return plural(
        locale,
        reason.count,
        {
          en: { one: '1 action overdue', few: '{n} actions overdue', many: '{n} actions overdue' },
          cs: { one: '1 úkol po termínu', few: '{n} úkoly po termínu', many: '{n} úkolů po termínu' },
        }[locale],
      );
    case 'supervision_overdue':
      if (reason.days === null) return en ? 'Never supervised, overdue' : 'Dosud bez supervize, po termínu';
      return plural(
        locale,
        reason.days,
        {
          en: {
            one: 'Supervision overdue (last 1 day ago)',
            few: 'Supervision overdue (last {n} days ago)',
            many: 'Supervision overdue (last {n} days ago)',
          },
          cs: {
            one: 'Supervize po termínu (naposledy před 1 dnem)',
            few: 'Supervize po termínu (naposledy před {n} dny)',
            many: 'Supervize po termínu (naposledy před {n} dny)',
          },
        }[locale],
      );
    case 'supervision_due':
      if (reason.days === null) return en ? 'First supervision due' : 'Čeká první supervize';
      return plural(
        locale,
        reason.days,
        {
          en: {
            one: 'Supervision due (last 1 day ago)',
            few: 'Supervision due (last {n} days ago)',
            many: 'Supervision due (last {n} days ago)',
          },
          cs: {
            one: 'Supervize na řadě (naposledy před 1 dnem)',
            few: 'Supervize na řadě (naposledy před {n} dny)',
            many: 'Supervize na řadě (naposledy před {n} dny)',
          },
        }[locale],
      );
    case 'new_self_reports':
      return plural(
        locale,
        reason.count,
        {
          en: {
            one: '1 new self-report since the last session',
            few: '{n} new self-reports since the last session',
            many: '{n} new self-reports since the last session',
          },
          cs: {
            one: '1 nové vlastní hlášení od poslední supervize',
            few: '{n} nová vlastní hlášení od poslední supervize',
            many: '{n} nových vlastních hlášení od poslední supervize',
          },
        }[locale],
      );
    case 'strain': {
      const level =
        reason.level === 'severe'
          ? en
            ? 'severe'
            : 'závažná'
          : (levelWords[locale][reason.level] ?? reason.level);
      return en ? `Wellbeing strain: ${level}` : `Zátěž: ${level}`;
    }
  }
}

/** A PSW's reasons joined into one line ("Severe conflict: …; 2 actions overdue"); empty when nothing stands out. */
export function needSummaryText(reasons: readonly NeedReason[], locale: Locale): string {
  return reasons.map((r) => needReasonText(r, locale)).join('; ');
}
