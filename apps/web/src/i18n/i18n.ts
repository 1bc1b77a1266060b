/** i18next set up once: English and Czech resources, the language kept in localStorage. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cs } from './cs';
import { en } from './en';

/** The languages the portal speaks (the same two the domain catalog is written in). */
export const languages = ['en', 'cs'] as const;
export type Language = (typeof languages)[number];

/** Where the chosen language survives a reload. */
export const languageStorageKey = 'peerbridge.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The stored choice, else the browser's language when we speak it, else English. */
export function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(languageStorageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode); the browser language still works.
  }
  const browser = globalThis.navigator?.language?.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

/** True when the user picked a language themselves (so the organisation's default must not override it). */
export function hasStoredLanguage(): boolean {
  try {
    return isLanguage(globalThis.localStorage?.getItem(languageStorageKey));
  } catch {
    return false;
  }
}

/** Switches the language and remembers it. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  if (remember) {
    try {
      globalThis.localStorage?.setItem(languageStorageKey, language);
    } catch {
      // Not remembered, but still switched.
    }
  }
  await i18next.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** The current language as one of ours. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

void i18next.use(initReactI18next).init({
  resources: { en: { translation: en }, cs: { translation: cs } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = currentLanguage();

export { i18next };
