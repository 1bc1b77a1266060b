/**
 * The keyed parts of pseudonymising a study, shared by the export and the import: pseudonyms for
 * names (HMAC-SHA-256 under the researcher's key, the same as the domain's `pseudonymize`), keyed
 * GUIDs in place of GUIDs that may be derived from names, and the redactor of every known name.
 */
import { createHmac } from 'node:crypto';
import { type NameRedactor, nameRedactor, nameVariants } from './name-redaction';

/** The first 16 hex digits of HMAC-SHA-256(key, value): what every pseudonym is built on. */
export function keyedHex(key: Uint8Array, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex').slice(0, 16);
}

/** A participant's (or any person's) pseudonym: `P-` and 16 hex digits. */
export const personPseudonym = (key: Uint8Array, value: string): string => `P-${keyedHex(key, value)}`;

/** The names a study knows, by where they come from; each is redacted wherever it appears. */
export interface KnownNames {
  participants: Iterable<string>;
  documents: Iterable<string>;
  coders: Iterable<string>;
  /** Values of dropped identifying variables (full_name, email, ...). */
  other: Iterable<string>;
}

export interface Pseudonymizer {
  person(value: string): string;
  document(name: string): string;
  coder(name: string): string;
  /** A keyed version-8 UUID in place of `guid` (case-insensitive, braces ignored). */
  guid(guid: string): string;
  readonly redactor: NameRedactor;
}

export function createPseudonymizer(key: Uint8Array, names: KnownNames): Pseudonymizer {
  const person = (value: string) => personPseudonym(key, value);
  const document = (name: string) => `D-${keyedHex(key, name)}`;
  const coder = (name: string) => `U-${keyedHex(key, name)}`;
  const placeholders = new Map<string, string>();
  // A whole coder or document name in a text gets the very pseudonym it has elsewhere (`U-…`, `D-…`);
  // every other name, stem and word of a name gets the person pseudonym `P-…` of that string.
  const addAll = (values: Iterable<string>, whole: (name: string) => string) => {
    for (const value of values) {
      for (const variant of nameVariants(value)) {
        if (placeholders.has(variant)) continue;
        placeholders.set(variant, `[${variant === value.trim() ? whole(value) : person(variant)}]`);
      }
    }
  };
  // Participants first: where two spellings differ only in case, the redactor keeps the first one's pseudonym.
  addAll(names.participants, person);
  addAll(names.coders, coder);
  addAll(names.documents, document);
  addAll(names.other, person);
  return {
    person,
    document,
    coder,
    guid(guid) {
      const h = createHmac('sha256', key)
        .update(`guid:${guid.replace(/[{}]/g, '').toLowerCase()}`, 'utf8')
        .digest('hex');
      const variant = ((Number.parseInt(h[16] as string, 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    redactor: nameRedactor(placeholders),
  };
}
