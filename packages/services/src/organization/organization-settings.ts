/** The organisation settings the use cases need (supervision cadence for `assess`, small-cell k for aggregates). */
import type { DbOrTrx } from '../db';
import { notFound } from '../errors';

/** The organisation settings use cases need. */
export interface OrganizationSettings {
  id: string;
  name: string;
  supervisionCadenceDays: number;
  smallCellK: number;
  defaultLanguage: 'en' | 'cs';
  isDemo: boolean;
}

export async function loadOrganizationSettings(
  db: DbOrTrx,
  organizationId: string,
): Promise<OrganizationSettings> {
  const row = await db
    .selectFrom('organization')
    .select(['id', 'name', 'supervision_cadence_days', 'small_cell_k', 'default_language', 'is_demo'])
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
  };
}
