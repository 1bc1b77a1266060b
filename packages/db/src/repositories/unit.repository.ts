/** Units (wards, services) of an organisation. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { UnitSetting } from '../tables/organization.table';
import { byName } from './name-order';
import { nowTimestamp } from './timestamps';

export interface UnitRecord {
  id: string;
  organizationId: string;
  name: string;
  setting: UnitSetting;
  createdAt: string;
}

const columns = [
  'id',
  'organization_id as organizationId',
  'name',
  'setting',
  'created_at as createdAt',
] as const;

export async function createUnit(
  db: Kysely<Database>,
  organizationId: string,
  input: { id?: string; name: string; setting: UnitSetting },
): Promise<UnitRecord> {
  const record: UnitRecord = {
    id: input.id ?? randomUUID(),
    organizationId,
    name: input.name,
    setting: input.setting,
    createdAt: nowTimestamp(),
  };
  await db
    .insertInto('unit')
    .values({
      id: record.id,
      organization_id: organizationId,
      name: record.name,
      setting: record.setting,
      created_at: record.createdAt,
    })
    .execute();
  return record;
}

export async function getUnit(
  db: Kysely<Database>,
  organizationId: string,
  unitId: string,
): Promise<UnitRecord | null> {
  const row = await db
    .selectFrom('unit')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return row ?? null;
}

export async function listUnits(db: Kysely<Database>, organizationId: string): Promise<UnitRecord[]> {
  const rows = await db
    .selectFrom('unit')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .execute();
  return rows.sort(
    byName(
      (u) => u.name,
      (u) => u.id,
    ),
  );
}

export async function updateUnit(
  db: Kysely<Database>,
  organizationId: string,
  unitId: string,
  changes: { name?: string; setting?: UnitSetting },
): Promise<UnitRecord | null> {
  const set = {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.setting !== undefined && { setting: changes.setting }),
  };
  if (Object.keys(set).length > 0) {
    await db
      .updateTable('unit')
      .set(set)
      .where('organization_id', '=', organizationId)
      .where('id', '=', unitId)
      .execute();
  }
  return getUnit(db, organizationId, unitId);
}

/** Deletes an empty unit; a unit that still has peer workers is refused by a foreign key. */
export async function deleteUnit(
  db: Kysely<Database>,
  organizationId: string,
  unitId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('unit')
    .where('organization_id', '=', organizationId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
