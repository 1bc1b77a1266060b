/**
 * The Czech scan (ADR 0038): the words a Czech page must not show. A word counts when it has four
 * letters or more and occurs in the English messages or English domain texts but in none of the Czech
 * ones; product and format names are allowed, and what people typed in the demo is removed from the
 * page's text first, because it is shown as it was entered.
 */
import * as domain from '@peerbridge/domain';
import type { Page } from 'playwright-core';
import { cs } from '../../src/i18n/cs';
import { en } from '../../src/i18n/en';
import { languageStorageKey } from '../../src/i18n/i18n';
import { demoStudyTexts } from './demo-study';

/** Names of products, formats and standards, the same in both languages. */
const allowedWords = ['peerbridge', 'json', 'refi', 'qdpx', 'smtp', 'wcag'];

/**
 * Texts the demo stores as someone typed them (organisation, unit and study names, a supervisor's
 * reason for an override), removed from a page before the scan.
 */
const typedTexts = [
  'Lakeside Mental Health Services (demo)',
  'Ward B (acute inpatient)',
  'Riverside Community Team',
  'Northgate Drop-in Centre',
  'Roles in peer work (synthetic)',
  'Covered by the ward-wide meeting next week; revisit afterwards.',
  // The summaries the demo's supervisors shared with their PSWs (services seed-demo.ts).
  'We looked at the past month and agreed one thing to try before we meet again.',
  'You said the team meeting slot helps; we keep it and check again next time.',
  ...demoStudyTexts,
];

/** Identifiers, not words: e-mail addresses, file names and ruleset ids (peerbridge-default 1.0.0). */
const identifiers = [/[\w.+-]+@[\w.-]+/g, /[\w.-]+\.(?:csv|json|qdpx|qde)\b/g, /\bpeerbridge-[\w.-]+/g];

const wordPattern = /\p{L}{4,}/gu;

function wordsOf(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const text of texts) {
    // Interpolation slots ({{name}}) are filled with data, not words of the message.
    for (const m of text.replace(/\{\{[^}]*\}\}/g, ' ').matchAll(wordPattern)) words.add(m[0].toLowerCase());
  }
  return words;
}

/** Every string leaf of a message resource. */
function* messageTexts(messages: unknown): Generator<string> {
  if (typeof messages === 'string') yield messages;
  else if (messages && typeof messages === 'object')
    for (const value of Object.values(messages)) yield* messageTexts(value);
}

/** Every `{ en, cs }` text the domain package exports (catalog, check-in, explanation wording). */
function domainTexts(language: 'en' | 'cs'): string[] {
  const seen = new Set<object>();
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.en === 'string' && typeof record.cs === 'string') out.push(record[language] as string);
    for (const child of Object.values(record)) walk(child);
  };
  walk(domain);
  return out;
}

let englishOnly: Set<string> | undefined;

/** The words of the English texts that no Czech text uses, minus the allowed names. */
export function englishOnlyWords(): Set<string> {
  if (englishOnly) return englishOnly;
  const czech = wordsOf([...messageTexts(cs), ...domainTexts('cs')]);
  englishOnly = new Set(
    [...wordsOf([...messageTexts(en), ...domainTexts('en')])].filter(
      (w) => !czech.has(w) && !allowedWords.includes(w),
    ),
  );
  return englishOnly;
}

/** Switches the portal's language for the next page load (the choice the language menu stores). */
export async function chooseLanguage(page: Page, language: 'en' | 'cs'): Promise<void> {
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key as string, value as string),
    [languageStorageKey, language],
  );
}

/**
 * The English-only words on the current page: its visible text, and the accessible names and
 * placeholders a screen reader or an empty field shows, after removing the demo's typed texts.
 */
export async function englishWordsOn(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder]')].flatMap((el) => [
      el.getAttribute('aria-label') ?? '',
      el.getAttribute('placeholder') ?? '',
    ]);
    // biome-ignore lint/performance/useDomNodeTextContent: the scan reads what is shown, not hidden text.
    return [document.body.innerText, ...attributes];
  });
  const words = englishOnlyWords();
  const found = new Set<string>();
  for (let text of texts) {
    for (const typed of typedTexts) text = text.split(typed).join(' ');
    for (const pattern of identifiers) text = text.replace(pattern, ' ');
    for (const m of text.matchAll(wordPattern)) {
      if (words.has(m[0].toLowerCase())) found.add(m[0]);
    }
  }
  return [...found].sort();
}
