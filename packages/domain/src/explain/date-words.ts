/** Dates in sentences, the same on every runtime (no Intl): "26 Nov 2026" and "26. 11. 2026". */
import type { Locale } from '../catalog/localized-text';

const enMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO date as a reader in `locale` writes it. */
export function dateWords(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? `${d} ${enMonths[m - 1]} ${y}` : `${d}. ${m}. ${y}`;
}
