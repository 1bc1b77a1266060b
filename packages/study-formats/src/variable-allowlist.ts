/**
 * Which participant variables a pseudonymised export (or import) keeps. Variable names are compared
 * after one normalisation: accents removed, camelCase split, lower case, and every run of spaces,
 * hyphens, dots or underscores made one `_`; so `Age band`, `age-band`, `AgeBand` and `AGE_BAND` are
 * all `age_band`.
 */

/** The variables a pseudonymised study keeps unless the mapping file says otherwise. */
export const defaultAllowVariables = ['setting', 'age_band', 'gender', 'tenure_band'] as const;

/** The normal form a variable name is compared in (see the file comment). */
export function normalizeVariableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1_$2')
    .toLowerCase()
    .replace(/[\s._-]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
