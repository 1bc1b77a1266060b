/** Plural forms for the two catalog languages (English one/other; Czech one, few 2-4, many). */
import type { Locale } from '../catalog/localized-text';

/** The three forms of a counted noun phrase; English uses `few` = `many`. */
export interface PluralForms {
  readonly one: string;
  readonly few: string;
  readonly many: string;
}

/** Picks the form for `count` and puts the number in place of `{n}`. */
export function plural(locale: Locale, count: number, forms: PluralForms): string {
  const form =
    count === 1
      ? forms.one
      : locale === 'cs' && Number.isInteger(count) && count >= 2 && count <= 4
        ? forms.few
        : forms.many;
  return form.replaceAll('{n}', String(count));
}
