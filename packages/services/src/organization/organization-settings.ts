/** The organisation settings the use cases need (supervision cadence for `assess`, small-cell k for aggregates). */
import type { DbOrTrx } from '../db';
import { notFound } from '../errors';
import {
  type BurnoutItems,
  parseStoredBurnoutItems,
  parseStoredContacts,
  type WellbeingContact,
} from './wellbeing-settings';

/** The organisation settings use cases need. */
export interface OrganizationSettings {
  id: string;
  name: string;
  supervisionCadenceDays: number;
  smallCellK: number;
  defaultLanguage: 'en' | 'cs';
  isDemo: boolean;
  /** Shown at the end of a check-in whose answers show high strain (ADR 0039). */
  wellbeingContacts: WellbeingContact[];
  /** The burnout instrument's item texts; null while the organisation has not enabled it. */
  burnoutItems: BurnoutItems | null;
}

export async function loadOrganizationSettings(
  db: DbOrTrx,
  organizationId: string,
): Promise<OrganizationSettings> {
  const row = await db
    .selectFrom('organization')
    .select(['id', 'name', 'supervision_cadence_days', 'small_cell_k', 'default_language', 'is_demo'])
    .select(['wellbeing_contacts', 'burnout_items'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('Organisation');
  return {
    id: row.id,
    name: row.name,
    supervisionCadenceDays: row.supervision_cadence_days,
    smallCellK: row.small_cell_k,
    defaultLanguage: row.default_language === 'cs' ? 'cs' : 'en',
    isDemo: row.is_demo === 1,
    wellbeingContacts: parseStoredContacts(row.wellbeing_contacts),
    burnoutItems: parseStoredBurnoutItems(row.burnout_items),
  };
}
