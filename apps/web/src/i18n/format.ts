/** Dates, numbers and relative days formatted for the current language with Intl (no date library). */
import { useTranslation } from 'react-i18next';

const intlLocale = { en: 'en-GB', cs: 'cs-CZ' } as const;

/** The Intl locale for an i18next language code. */
export function localeOf(language: string): string {
  return language === 'cs' ? intlLocale.cs : intlLocale.en;
}

/** Formats an ISO date (YYYY-MM-DD) as a calendar date, read in UTC so it never shifts a day. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Formats a timestamp with date and time in the viewer's time zone. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(
    date,
  );
}

/** Formats a number with at most `digits` fraction digits. */
export function formatNumber(value: number, language: string, digits = 2): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: digits }).format(value);
}

/** Formats a share in [0, 1] as a percentage. */
export function formatPercent(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );
}

/** Formats a short month label ("Nov 2026") for chart axes. */
export function formatMonth(iso: string, language: string): string {
  const date = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** The formatters bound to the current language, re-rendering when it changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    date: (iso: string) => formatDate(iso, language),
    dateTime: (iso: string) => formatDateTime(iso, language),
    number: (value: number, digits?: number) => formatNumber(value, language, digits),
    percent: (value: number) => formatPercent(value, language),
    month: (iso: string) => formatMonth(iso, language),
  };
}
