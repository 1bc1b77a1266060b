/** Organisations and their settings (supervision cadence, small-cell k, language, demo flag). */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { Language } from '../tables/organization.table';
import { byName } from './name-order';
import { nowTimestamp } from './timestamps';

export interface OrganizationSettings {
  supervisionCadenceDays: number;
  smallCellK: number;
  defaultLanguage: Language;
  isDemo: boolean;
}

export interface OrganizationRecord extends OrganizationSettings {
  id: string;
  name: string;
  createdAt: string;
}

export interface NewOrganizationInput extends Partial<OrganizationSettings> {
  id?: string;
  name: string;
}

function selectOrganization(db: Kysely<Database>) {
  return db
    .selectFrom('organization')
    .select([
      'id',
      'name',
      'supervision_cadence_days as supervisionCadenceDays',
      'small_cell_k as smallCellK',
      'default_language as defaultLanguage',
      'is_demo',
      'created_at as createdAt',
    ]);
}

function toRecord(row: {
  id: string;
  name: string;
  supervisionCadenceDays: number;
  smallCellK: number;
  defaultLanguage: Language;
  is_demo: 0 | 1;
  createdAt: string;
}): OrganizationRecord {
  const { is_demo, ...rest } = row;
  return { ...rest, isDemo: is_demo === 1 };
}

export async function createOrganization(
  db: Kysely<Database>,
  input: NewOrganizationInput,
): Promise<OrganizationRecord> {
  const id = input.id ?? randomUUID();
  await db
    .insertInto('organization')
    .values({
      id,
      name: input.name,
      created_at: nowTimestamp(),
      ...(input.supervisionCadenceDays !== undefined && {
        supervision_cadence_days: input.supervisionCadenceDays,
      }),
      ...(input.smallCellK !== undefined && { small_cell_k: input.smallCellK }),
      ...(input.defaultLanguage !== undefined && { default_language: input.defaultLanguage }),
      ...(input.isDemo !== undefined && { is_demo: input.isDemo ? 1 : 0 }),
    })
    .execute();
  return getOrganization(db, id) as Promise<OrganizationRecord>;
}

export async function getOrganization(
  db: Kysely<Database>,
  organizationId: string,
): Promise<OrganizationRecord | null> {
  const row = await selectOrganization(db).where('id', '=', organizationId).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** All organisations by name (for the CLI and the first-run setup; the API lists a user's memberships instead). */
export async function listOrganizations(db: Kysely<Database>): Promise<OrganizationRecord[]> {
  const rows = await selectOrganization(db).execute();
  return rows.map(toRecord).sort(
    byName(
      (o) => o.name,
      (o) => o.id,
    ),
  );
}

/** Updates the given settings (and the name); returns the new state, or null for an unknown id. */
export async function updateOrganizationSettings(
  db: Kysely<Database>,
  organizationId: string,
  changes: Partial<OrganizationSettings> & { name?: string },
): Promise<OrganizationRecord | null> {
  const set = {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.supervisionCadenceDays !== undefined && {
      supervision_cadence_days: changes.supervisionCadenceDays,
    }),
    ...(changes.smallCellK !== undefined && { small_cell_k: changes.smallCellK }),
    ...(changes.defaultLanguage !== undefined && { default_language: changes.defaultLanguage }),
    ...(changes.isDemo !== undefined && { is_demo: changes.isDemo ? (1 as const) : (0 as const) }),
  };
  if (Object.keys(set).length > 0) {
    await db.updateTable('organization').set(set).where('id', '=', organizationId).execute();
  }
  return getOrganization(db, organizationId);
}
