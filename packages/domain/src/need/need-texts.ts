/** The few words that say why a PSW is where they are in the caseload, in English and Czech. */
import { conflicts } from '../catalog/conflicts';
import type { Locale } from '../catalog/localized-text';
import type { Need, NeedReason } from './need-rank';
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
      return actionsLateText(locale, reason.count, reason.daysLate);
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

function daysText(locale: Locale, days: number): string {
  return plural(
    locale,
    days,
    {
      en: { one: '1 day', few: '{n} days', many: '{n} days' },
      cs: { one: '1 den', few: '{n} dny', many: '{n} dní' },
    }[locale],
  );
}

/** "1 action 40 days late", "3 actions overdue, up to 40 days late". */
function actionsLateText(locale: Locale, count: number, daysLate: number): string {
  const days = daysText(locale, daysLate);
  if (count === 1) return locale === 'en' ? `1 action ${days} late` : `1 úkol ${days} po termínu`;
  const actions = plural(
    locale,
    count,
    {
      en: { one: '1 action overdue', few: '{n} actions overdue', many: '{n} actions overdue' },
      cs: { one: '1 úkol po termínu', few: '{n} úkoly po termínu', many: '{n} úkolů po termínu' },
    }[locale],
  );
  return locale === 'en' ? `${actions}, up to ${days} late` : `${actions}, nejdéle ${days}`;
}

const overviewWords = {
  en: {
    severe: '{n} with a severe conflict',
    supervision: '{n} with supervision overdue',
    rising: '{n} with a rising conflict',
    selfReports: '{n} with new self-reports',
  },
  cs: {
    severe: '{n} se závažným konfliktem',
    supervision: '{n} se supervizí po termínu',
    rising: '{n} se sílícím konfliktem',
    selfReports: '{n} s novými vlastními hlášeními',
  },
} as const;

/**
 * The caseload in one line, in the order of need: "2 with a severe conflict, 1 action 40 days late,
 * 1 with supervision overdue". Empty when nobody needs attention.
 */
export function needOverviewText(needs: readonly Pick<Need, 'reasons'>[], locale: Locale): string {
  let severe = 0;
  let supervision = 0;
  let rising = 0;
  let selfReports = 0;
  let actions = 0;
  let daysLate = 0;
  for (const need of needs) {
    const codes = new Set(need.reasons.map((r) => r.code));
    if (codes.has('conflict_severe')) severe += 1;
    else if (codes.has('conflict_rising')) rising += 1;
    if (codes.has('supervision_overdue')) supervision += 1;
    if (codes.has('new_self_reports')) selfReports += 1;
    for (const r of need.reasons)
      if (r.code === 'actions_overdue') {
        actions += r.count;
        daysLate = Math.max(daysLate, r.daysLate);
      }
  }
  const words = overviewWords[locale];
  const parts: string[] = [];
  if (severe > 0) parts.push(words.severe.replace('{n}', String(severe)));
  if (actions > 0) parts.push(actionsLateText(locale, actions, daysLate));
  if (supervision > 0) parts.push(words.supervision.replace('{n}', String(supervision)));
  if (rising > 0) parts.push(words.rising.replace('{n}', String(rising)));
  if (selfReports > 0) parts.push(words.selfReports.replace('{n}', String(selfReports)));
  return parts.join(', ');
}
