/**
 * The two voices of an explanation (ADR 0045): the supervisor's ("the PSW") and the person's own ("you";
 * Czech in the formal "vy", as every PSW page). Only the phrases differ: which facts are named, in what
 * order, with which dates and counts, is decided once in `explain-assessment.ts`.
 */
import type { Level } from '../assess/assessment';
import type { Locale } from '../catalog/localized-text';
import { plural } from '../need/plural';

/** Who reads the explanation: the supervisor, or the peer worker it is about. */
export type Audience = 'supervisor' | 'person';

export interface Voice {
  /** Level words as they open a sentence (Czech: masculine, "konflikt"). */
  readonly level: Record<Level, string>;
  /** The same inside a sentence ("active then, severe now"). */
  readonly inline: Record<Level, string>;
  readonly raisedBy: (list: string) => string;
  readonly notAConcern: (list: string) => string;
  readonly counts: (window: string) => string;
  readonly noSign: (window: string) => string;
  readonly earlyCareer: (months: number, limit: number) => string;
  readonly inpatient: string;
  readonly easedBy: (list: string) => string;
  readonly noProtection: string;
  readonly missingProtections: (list: string) => string;
  readonly allRecorded: (window: string) => string;
  /** `asks`: the quoted questions (the supervisor's) or check-in statements (the person's); may be empty. */
  readonly notRecorded: (window: string, labels: string, asks: string) => string;
  readonly quote: (question: string) => string;
  readonly headlineUnknown: (window: string, firstAsk: string | null) => string;
  readonly headlineNone: (window: string) => string;
  readonly headline: (level: string, main: string, eased: string) => string;
  readonly partlyEased: (list: string) => string;
  readonly nothingEases: string;
  readonly previous: (days: number, to: string) => string;
  readonly notKnownNow: string;
  readonly newSince: (previous: string) => string;
  readonly movedSince: (
    trend: 'steady' | 'rising' | 'falling',
    previous: string,
    then: string,
    now: string,
  ) => string;
  readonly roleUnknown: (role: string, known: number, total: number, window: string) => string;
  readonly roleConflictAllTheSame: (conflict: string, level: string) => string;
}

const enMonths = (n: number) => plural('en', n, { one: '1 month', few: '{n} months', many: '{n} months' });
const csMonths = (n: number) => plural('cs', n, { one: '1 měsíc', few: '{n} měsíce', many: '{n} měsíců' });
const enQuote = (q: string) => `“${q}”`;
const csQuote = (q: string) => `„${q}“`;
const enPrevious = (days: number, to: string) => `the previous ${days} days (to ${to})`;
const csPrevious = (days: number, to: string) => `předchozími ${days} dny (do ${to})`;
const enMoved = { steady: 'Steady', rising: 'Rising', falling: 'Falling' } as const;
const csMoved = { steady: 'Stabilní', rising: 'Sílí', falling: 'Slábne' } as const;

const lower = (words: Record<Level, string>, locale: Locale) =>
  Object.fromEntries(Object.entries(words).map(([k, v]) => [k, v.toLocaleLowerCase(locale)])) as Record<
    Level,
    string
  >;
const enLevel = {
  none: 'None',
  emerging: 'Emerging',
  active: 'Active',
  severe: 'Severe',
  unknown: 'Unknown',
};
const csLevel = {
  none: 'Žádný',
  emerging: 'Počínající',
  active: 'Aktivní',
  severe: 'Závažný',
  unknown: 'Neznámý',
};

const supervisorEn: Voice = {
  level: enLevel,
  inline: lower(enLevel, 'en'),
  raisedBy: (list) => `Raised by: ${list}.`,
  notAConcern: (list) => ` Recorded and not a concern: ${list}.`,
  counts: (w) => ` Counts are ${w}.`,
  noSign: (w) => `No sign of it was recorded ${w}.`,
  earlyCareer: (months, limit) =>
    ` It weighs more early in a career: ${enMonths(months)} in post, under ${limit}.`,
  inpatient: ' It weighs more on an inpatient unit.',
  easedBy: (list) => `Eased by these protections: ${list}.`,
  noProtection: 'No protection against it is recorded.',
  missingProtections: (list) => `Protections recorded as missing: ${list}.`,
  allRecorded: (w) => `Every sign and protection of it was recorded ${w}.`,
  notRecorded: (w, labels, asks) => `Not recorded ${w}: ${labels}. Ask next: ${asks}`,
  quote: enQuote,
  headlineUnknown: (w, ask) =>
    `Not known: none of its signs was recorded ${w}.${ask ? ` Start by asking: ${ask}` : ''}`,
  headlineNone: (w) => `None: its signs were checked ${w} and none is present.`,
  headline: (level, main, eased) => `${level}, mainly because of: ${main}.${eased}`,
  partlyEased: (list) => ` Partly eased by protections: ${list}.`,
  nothingEases: ' Nothing recorded eases it.',
  previous: enPrevious,
  notKnownNow: 'Cannot say how it moved: it is not known in this period.',
  newSince: (prev) => `New: nothing about it was recorded in ${prev}.`,
  movedSince: (trend, prev, then, now) =>
    `${enMoved[trend]} compared with ${prev}: ${then} then, ${now} now.`,
  roleUnknown: (role, known, total, w) =>
    `The ${role} role shows as unknown because only ${known} of its ${total} signs were recorded ${w}, too few to judge how much the PSW enacts the role.`,
  roleConflictAllTheSame: (conflict, level) =>
    ` The ${conflict} conflict is ${level} all the same: it is judged from its own signs (what happens at the boundary between the roles), not from how much each role is enacted.`,
};

const supervisorCs: Voice = {
  level: csLevel,
  inline: lower(csLevel, 'cs'),
  raisedBy: (list) => `Zvyšuje ho: ${list}.`,
  notAConcern: (list) => ` Zaznamenáno a bez obav: ${list}.`,
  counts: (w) => ` Počty jsou ${w}.`,
  noSign: (w) => `Žádný jeho znak nebyl zaznamenán ${w}.`,
  earlyCareer: (months, limit) =>
    ` Na začátku kariéry váží víc: ve funkci ${csMonths(months)}, méně než ${limit}.`,
  inpatient: ' Na lůžkovém oddělení váží víc.',
  easedBy: (list) => `Zmírňují ho tyto ochranné faktory: ${list}.`,
  noProtection: 'Žádný ochranný faktor proti němu není zaznamenán.',
  missingProtections: (list) => `Chybějící ochranné faktory: ${list}.`,
  allRecorded: (w) => `Všechny jeho znaky i ochranné faktory byly zaznamenány ${w}.`,
  notRecorded: (w, labels, asks) => `Nezaznamenáno ${w}: ${labels}. Zeptejte se: ${asks}`,
  quote: csQuote,
  headlineUnknown: (w, ask) =>
    `Neznámé: žádný jeho znak nebyl zaznamenán ${w}.${ask ? ` Začněte otázkou: ${ask}` : ''}`,
  headlineNone: (w) => `Žádný: jeho znaky byly ${w} ověřeny a žádný se neobjevil.`,
  headline: (level, main, eased) => `${level}, hlavně kvůli: ${main}.${eased}`,
  partlyEased: (list) => ` Částečně ho zmírňují ochranné faktory: ${list}.`,
  nothingEases: ' Nic zaznamenaného ho nezmírňuje.',
  previous: csPrevious,
  notKnownNow: 'Nelze říct, jak se vyvíjí: v tomto období není známý.',
  newSince: (prev) => `Nový: v porovnání s ${prev} o něm nebylo nic zaznamenáno.`,
  movedSince: (trend, prev, then, now) =>
    `${csMoved[trend]} v porovnání s ${prev}: tehdy ${then}, nyní ${now}.`,
  roleUnknown: (role, known, total, w) =>
    `Role „${role}“ se jeví jako neznámá, protože ${w} byly zaznamenány jen ${known} z jeho ${total} znaků, což nestačí k posouzení, nakolik pracovník tuto roli naplňuje.`,
  roleConflictAllTheSame: (conflict, level) =>
    ` Konflikt ${conflict} je přesto ${level}: posuzuje se podle vlastních znaků (co se děje na hranici mezi rolemi), ne podle toho, nakolik je každá role naplněna.`,
};

/** To the person: how much a pressure shows, never a label on them. */
const personEn: Voice = {
  level: {
    none: 'Hardly showing',
    emerging: 'Starting to show',
    active: 'Clearly present',
    severe: 'Strong',
    unknown: 'Not known yet',
  },
  inline: {
    none: 'hardly showing',
    emerging: 'starting to show',
    active: 'clearly present',
    severe: 'strong',
    unknown: 'not known',
  },
  raisedBy: (list) => `What adds to it: ${list}.`,
  notAConcern: (list) => ` Also recorded, and not adding to it: ${list}.`,
  counts: (w) => ` Counts are ${w}.`,
  noSign: (w) => `Nothing that adds to it was recorded ${w}.`,
  earlyCareer: (months, limit) =>
    ` It weighs more early on: you have been in your post for ${enMonths(months)}, and the first ${enMonths(limit)} count more.`,
  inpatient: ' It weighs more on an inpatient unit like yours.',
  easedBy: (list) => `What eases it (protections you have): ${list}.`,
  noProtection: 'Nothing that eases it is recorded yet.',
  missingProtections: (list) => `Protections you are missing: ${list}.`,
  allRecorded: (w) => `Everything that adds to it or eases it was recorded ${w}.`,
  notRecorded: (w, labels, asks) =>
    `Not known yet, since nothing was recorded ${w}: ${labels}.${asks ? ` Your next check-in asks about some of them, for example: ${asks}` : ' Your supervisor may ask you about them.'}`,
  quote: enQuote,
  headlineUnknown: (w, ask) =>
    `Not known yet: nothing about it was recorded ${w}.${ask ? ` Your next check-in asks about it, for example: ${ask}` : ''}`,
  headlineNone: (w) => `Not present: it was looked at ${w} and nothing that adds to it showed.`,
  headline: (level, main, eased) => `${level} right now, mainly because of: ${main}.${eased}`,
  partlyEased: (list) => ` What you have on your side: ${list}.`,
  nothingEases: ' Nothing recorded eases it yet.',
  previous: enPrevious,
  notKnownNow: 'It is too early to say how this moved: it is not known in this period.',
  newSince: (prev) => `New: nothing about it was recorded in ${prev}.`,
  movedSince: (trend, prev, then, now) =>
    `${{ steady: 'About the same as', rising: 'Stronger than', falling: 'Lighter than' }[trend]} in ${prev}: ${then} then, ${now} now.`,
  roleUnknown: (role, known, total, w) =>
    `How much you take on the ${role} role is not known yet: only ${known} of its ${total} signs were recorded ${w}, too few to tell.`,
  roleConflictAllTheSame: (conflict, level) =>
    ` The ${conflict} pressure is ${level} all the same: it is seen from what happens where the roles meet, not from how much you take on each role.`,
};

const personCs: Voice = {
  level: {
    none: 'Téměř se neprojevuje',
    emerging: 'Začíná se projevovat',
    active: 'Zřetelně se projevuje',
    severe: 'Silně se projevuje',
    unknown: 'Zatím neznámé',
  },
  inline: {
    none: 'téměř žádné',
    emerging: 'počínající',
    active: 'zřetelné',
    severe: 'silné',
    unknown: 'neznámé',
  },
  raisedBy: (list) => `Co k němu přispívá: ${list}.`,
  notAConcern: (list) => ` Zaznamenáno, ale nepřispívá k němu: ${list}.`,
  counts: (w) => ` Počty jsou ${w}.`,
  noSign: (w) => `Nic, co by k němu přispívalo, nebylo zaznamenáno ${w}.`,
  earlyCareer: (months, limit) =>
    ` Na začátku v práci váží víc: ve funkci jste ${csMonths(months)} a prvních ${csMonths(limit)} se počítá víc.`,
  inpatient: ' Na lůžkovém oddělení, jako je vaše, váží víc.',
  easedBy: (list) => `Co ho zmírňuje (ochranné faktory, které máte): ${list}.`,
  noProtection: 'Zatím není zaznamenáno nic, co by ho zmírňovalo.',
  missingProtections: (list) => `Ochranné faktory, které vám chybějí: ${list}.`,
  allRecorded: (w) => `Všechno, co k němu přispívá nebo ho zmírňuje, bylo zaznamenáno ${w}.`,
  notRecorded: (w, labels, asks) =>
    `Zatím neznámé, protože ${w} nebylo nic zaznamenáno: ${labels}.${asks ? ` Vaše příští ohlédnutí se na některé z nich ptá, například: ${asks}` : ' Supervizor se vás na ně může zeptat.'}`,
  quote: csQuote,
  headlineUnknown: (w, ask) =>
    `Zatím neznámé: ${w} o něm nebylo nic zaznamenáno.${ask ? ` Vaše příští ohlédnutí se na to ptá, například: ${ask}` : ''}`,
  headlineNone: (w) => `Neprojevuje se: ${w} se neobjevilo nic, co by k němu přispívalo.`,
  headline: (level, main, eased) => `${level}, hlavně kvůli: ${main}.${eased}`,
  partlyEased: (list) => ` Na vaší straně je: ${list}.`,
  nothingEases: ' Zatím není zaznamenáno nic, co by ho zmírňovalo.',
  previous: csPrevious,
  notKnownNow: 'Zatím nelze říct, jak se vyvíjí: v tomto období není známé.',
  newSince: (prev) => `Nové: v porovnání s ${prev} o něm nebylo nic zaznamenáno.`,
  movedSince: (trend, prev, then, now) =>
    `${{ steady: 'Zhruba stejné', rising: 'Silnější', falling: 'Slabší' }[trend]} v porovnání s ${prev}: tehdy ${then}, nyní ${now}.`,
  roleUnknown: (role, known, total, w) =>
    `Nakolik naplňujete roli „${role}“, zatím nevíme: ${w} byly zaznamenány jen ${known} z jejích ${total} znaků, a to nestačí.`,
  roleConflictAllTheSame: (conflict, level) =>
    ` Napětí ${conflict} je přesto ${level}: posuzuje se podle toho, co se děje na hranici mezi rolemi, ne podle toho, nakolik každou roli naplňujete.`,
};

const voices: Record<Audience, Record<Locale, Voice>> = {
  supervisor: { en: supervisorEn, cs: supervisorCs },
  person: { en: personEn, cs: personCs },
};

/** The phrases for one reader in one language. */
export function voiceOf(audience: Audience, locale: Locale): Voice {
  return voices[audience][locale];
}
