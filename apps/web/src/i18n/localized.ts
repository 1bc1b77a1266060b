/** Picks the current language's text from a domain catalog entry ({ en, cs }). */
import type { LocalizedText } from '@peerbridge/domain';
import { useTranslation } from 'react-i18next';

/** The text in `language`, falling back to English. */
export function pick(text: LocalizedText, language: string): string {
  return language === 'cs' ? text.cs : text.en;
}

/** A function that picks catalog texts in the current language. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  return (text) => pick(text, i18n.language);
}
