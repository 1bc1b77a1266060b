/**
 * Text fields that must hold something a person can read (issue 9): names with at least one visible
 * character (not only spaces, zero-width or combining marks), no lone surrogates (refused, never
 * turned into U+FFFD), and e-mails within RFC 5321's lengths (local part 64, whole address 254).
 */
import { z } from 'zod';

/** Whitespace, invisible format characters (zero-width, bidi marks), combining marks, controls. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\p{M}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800]/gu;

/** True when `text` has a character that shows. */
export function hasVisibleCharacter(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** True when `text` is valid Unicode (no lone surrogate halves). */
export function isWellFormedText(text: string): boolean {
  return /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/.test(text);
}

const WELL_FORMED = 'expected text without lone surrogate characters (invalid Unicode)';

/** A name of at most `max` characters, trimmed, with at least one visible character. */
export function visibleNameSchema(what: string, max = 120) {
  return z
    .string()
    .refine(isWellFormedText, { message: WELL_FORMED, abort: true })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, { message: `expected ${what}`, abort: true })
        .max(max, { message: `expected at most ${max} characters` })
        .refine(hasVisibleCharacter, {
          message: `expected ${what} with at least one visible character (not only spaces, zero-width or combining marks)`,
        }),
    );
}

export const MAX_EMAIL_LENGTH = 254;
export const MAX_EMAIL_LOCAL_PART = 64;

/** An e-mail address within RFC 5321 lengths, lower-cased (better-auth lower-cases at sign-in). */
export const emailAddressSchema = z
  .string()
  .refine(isWellFormedText, { message: WELL_FORMED, abort: true })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .max(MAX_EMAIL_LENGTH, {
        message: `expected an email address of at most ${MAX_EMAIL_LENGTH} characters`,
      })
      .refine((s) => s.lastIndexOf('@') <= MAX_EMAIL_LOCAL_PART, {
        message: `expected at most ${MAX_EMAIL_LOCAL_PART} characters before the @ of an email address`,
        abort: true,
      })
      .pipe(z.email({ message: 'expected an email address' })),
  )
  .transform((e) => e.toLowerCase());

/** The path of the first string (or object key) in `value` that is not valid Unicode, or null. */
export function firstMalformedText(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path.join('.') || '(input)';
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = firstMalformedText(item, [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormedText(key)) return [...path, '(a key)'].join('.');
      const found = firstMalformedText(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
