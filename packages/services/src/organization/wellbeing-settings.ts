/**
 * The organisation's wellbeing settings (issue 12 item 4, ADR 0039): the contacts the check-in shows a
 * PSW whose own answers show high strain (an EAP, a crisis line), and the item texts of the burnout
 * instrument the organisation licenses (PeerBridge ships no items, only the scoring). Set by an admin
 * with `updateOrganization`; stored as JSON text on the organisation.
 */
import { burnoutScales } from '@peerbridge/domain';
import { z } from 'zod';
import { visibleNameSchema } from '../text-fields';

export const MAX_WELLBEING_CONTACTS = 5;

const optionalLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `expected at most ${max} characters` })
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);

/** One contact as the admin types it: a name, and a phone number, a web address or both. */
export const wellbeingContactSchema = z
  .object({
    name: visibleNameSchema('a name for the contact', 120),
    phone: optionalLine(40).refine((p) => p === null || /^[+0-9 ()-]{3,40}$/.test(p), {
      message: 'expected a phone number of digits, spaces, +, (, ) and -',
    }),
    url: optionalLine(300).refine((u) => u === null || /^https:\/\/[^\s]+$/.test(u), {
      message: 'expected a web address starting with https://',
    }),
    hours: optionalLine(120),
  })
  .refine((c) => c.phone !== null || c.url !== null, {
    message: 'expected a phone number or a web address',
    path: ['phone'],
  });
/** One configured contact. */
export type WellbeingContact = z.output<typeof wellbeingContactSchema>;

export const wellbeingContactsSchema = z
  .array(wellbeingContactSchema)
  .max(MAX_WELLBEING_CONTACTS, { message: `expected at most ${MAX_WELLBEING_CONTACTS} contacts` });

const itemTexts = (scale: keyof typeof burnoutScales) =>
  z.array(visibleNameSchema('the item text', 300)).length(burnoutScales[scale].items, {
    message: `expected ${burnoutScales[scale].items} item texts, in the published order`,
  });

/** The burnout instrument's item texts, in the published order; null turns the instrument off. */
export const burnoutItemsSchema = z
  .object({ personal: itemTexts('personal'), work: itemTexts('work') })
  .nullable();
/** The item texts the organisation supplies. */
export type BurnoutItems = NonNullable<z.output<typeof burnoutItemsSchema>>;

/** The stored contacts, or none when the stored text is not what this version writes. */
export function parseStoredContacts(text: string): WellbeingContact[] {
  try {
    const parsed = wellbeingContactsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The stored burnout item texts, or null (instrument off). */
export function parseStoredBurnoutItems(text: string | null): BurnoutItems | null {
  if (text === null) return null;
  try {
    const parsed = burnoutItemsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
