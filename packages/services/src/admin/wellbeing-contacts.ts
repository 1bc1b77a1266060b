/**
 * The admin's wellbeing contacts (issue 12 item 4, ADR 0039): the EAP or crisis line a check-in shows a
 * PSW whose own answers show high strain. Read and replaced as a whole list; the change goes through
 * `updateOrganization`, so it is audited as an `organization.update` like every other setting.
 */
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { loadOrganizationSettings } from '../organization/organization-settings';
import { type WellbeingContact, wellbeingContactsSchema } from '../organization/wellbeing-settings';
import { updateOrganization } from './organization-settings';

export const setWellbeingContactsInput = z.object({ contacts: wellbeingContactsSchema });

/** The configured contacts, in the admin's order. */
export async function getWellbeingContacts(db: Db, actor: Actor): Promise<{ contacts: WellbeingContact[] }> {
  requireRole(actor, 'admin');
  return { contacts: (await loadOrganizationSettings(db, actor.organizationId)).wellbeingContacts };
}

/** Replaces the contacts; an empty list removes them all. */
export async function setWellbeingContacts(
  db: Db,
  actor: Actor,
  input: z.input<typeof setWellbeingContactsInput>,
): Promise<{ contacts: WellbeingContact[] }> {
  requireRole(actor, 'admin');
  const { contacts } = parseServiceInput(setWellbeingContactsInput, input);
  return {
    contacts: (await updateOrganization(db, actor, { wellbeingContacts: contacts })).wellbeingContacts,
  };
}
