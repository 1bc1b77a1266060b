/** The organisation's settings: readable by every member, changed by admins. */
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { refreshStoredAssessments } from '../caseload/stored-assessments';
import type { Db } from '../db';
import { parseServiceInput } from '../errors';
import { loadOrganizationSettings, type OrganizationSettings } from '../organization/organization-settings';
import { burnoutItemsSchema, wellbeingContactsSchema } from '../organization/wellbeing-settings';

export async function getOrganization(db: Db, actor: Actor): Promise<OrganizationSettings> {
  return loadOrganizationSettings(db, actor.organizationId);
}

export const updateOrganizationInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { message: 'expected a name' })
    .max(200, { message: 'expected at most 200 characters' })
    .optional(),
  supervisionCadenceDays: z
    .number()
    .int({ message: 'expected whole days from 7 to 180' })
    .min(7, { message: 'expected whole days from 7 to 180' })
    .max(180, { message: 'expected whole days from 7 to 180' })
    .optional(),
  smallCellK: z
    .number()
    .int({ message: 'expected a whole number from 3 to 10' })
    .min(3, { message: 'expected a whole number from 3 to 10' })
    .max(10, { message: 'expected a whole number from 3 to 10' })
    .optional(),
  defaultLanguage: z.enum(['en', 'cs'], { message: 'expected en or cs' }).optional(),
  /** The check-in's support contacts (EAP, crisis line); an empty list removes them. */
  wellbeingContacts: wellbeingContactsSchema.optional(),
  /** The burnout instrument's item texts the organisation supplies; null turns it off. */
  burnoutItems: burnoutItemsSchema.optional(),
});

export async function updateOrganization(
  db: Db,
  actor: Actor,
  input: z.input<typeof updateOrganizationInput>,
): Promise<OrganizationSettings> {
  requireRole(actor, 'admin');
  const parsed = parseServiceInput(updateOrganizationInput, input);
  return db.transaction().execute(async (trx) => {
    const set: {
      name?: string;
      supervision_cadence_days?: number;
      small_cell_k?: number;
      default_language?: 'en' | 'cs';
      wellbeing_contacts?: string;
      burnout_items?: string | null;
    } = {};
    if (parsed.name !== undefined) set.name = parsed.name;
    if (parsed.supervisionCadenceDays !== undefined)
      set.supervision_cadence_days = parsed.supervisionCadenceDays;
    if (parsed.smallCellK !== undefined) set.small_cell_k = parsed.smallCellK;
    if (parsed.defaultLanguage !== undefined) set.default_language = parsed.defaultLanguage;
    if (parsed.wellbeingContacts !== undefined)
      set.wellbeing_contacts = JSON.stringify(parsed.wellbeingContacts);
    if (parsed.burnoutItems !== undefined)
      set.burnout_items = parsed.burnoutItems === null ? null : JSON.stringify(parsed.burnoutItems);
    if (Object.keys(set).length > 0) {
      await trx.updateTable('organization').set(set).where('id', '=', actor.organizationId).execute();
    }
    await recordAudit(trx, actor, {
      action: 'organization.update',
      entityType: 'organization',
      entityId: actor.organizationId,
      details: parsed,
    });
    // The cadence is an input of every stored assessment of the organisation (ADR 0026).
    if (set.supervision_cadence_days !== undefined)
      await refreshStoredAssessments(trx, actor.organizationId, { organization: true });
    return loadOrganizationSettings(trx, actor.organizationId);
  });
}
