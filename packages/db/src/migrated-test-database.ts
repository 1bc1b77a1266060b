/** Test support: a fresh, migrated database on one dialect, plus small builders for synthetic rows. */
import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  type DatabaseTemplate,
  type DialectName,
  type TestDatabase,
} from '@peerbridge/testing';
import type { Kysely } from 'kysely';
import { type DatabaseHandle, openDatabase } from './connection';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export interface MigratedTestDatabase {
  readonly handle: DatabaseHandle;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/** Every migration applied: built once per worker (SQLite) or per run's server (PostgreSQL), then copied. */
const migratedTemplate: DatabaseTemplate = {
  key: 'migrated',
  async prepare(url) {
    const handle = await openDatabase({ url });
    try {
      await migrateToLatest(handle);
    } finally {
      await handle.destroy();
    }
  },
};

/** A fresh database with every migration applied (a copy of the run's migrated template). */
export function createMigratedTestDatabase(dialect: DialectName): Promise<TestDatabase> {
  return createTestDatabase(dialect, migratedTemplate);
}

/** A fresh migrated database, open. */
export async function openMigratedTestDatabase(dialect: DialectName): Promise<MigratedTestDatabase> {
  const tdb = await createMigratedTestDatabase(dialect);
  const handle = await openDatabase({ url: tdb.url });
  return {
    handle,
    db: handle.db,
    async close() {
      await handle.destroy();
      await tdb.drop();
    },
  };
}

const NOW = '2026-11-26T08:00:00.000Z';

/** Inserts a user the way better-auth would (dates and booleans in the dialect's own shape). */
export async function aUser(db: Kysely<Database>, overrides: { id?: string; name?: string } = {}) {
  const id = overrides.id ?? randomUUID();
  await db
    .insertInto('user')
    .values({
      id,
      name: overrides.name ?? `Test User ${id.slice(0, 4)}`,
      email: `${id}@example.test`,
      emailVerified: 0,
      image: null,
      createdAt: NOW,
      updatedAt: NOW,
    })
    .execute();
  return id;
}

export async function anOrganization(db: Kysely<Database>, overrides: { id?: string; name?: string } = {}) {
  const id = overrides.id ?? randomUUID();
  await db
    .insertInto('organization')
    .values({ id, name: overrides.name ?? 'Synthetic Care Trust', created_at: NOW })
    .execute();
  return id;
}

/** A study of a new organisation, owned by a new user. */
export async function aStudyRow(db: Kysely<Database>, name: string) {
  const id = randomUUID();
  await db
    .insertInto('study')
    .values({
      id,
      organization_id: await anOrganization(db),
      name,
      owner_user_id: await aUser(db),
      created_at: '2026-12-01T00:00:00Z',
    })
    .execute();
  return id;
}

export async function aUnit(
  db: Kysely<Database>,
  organizationId: string,
  overrides: { name?: string; setting?: 'inpatient' | 'community' | 'other' } = {},
) {
  const id = randomUUID();
  await db
    .insertInto('unit')
    .values({
      id,
      organization_id: organizationId,
      name: overrides.name ?? `Ward ${id.slice(0, 4)}`,
      setting: overrides.setting ?? 'community',
      created_at: NOW,
    })
    .execute();
  return id;
}

export async function aWorker(
  db: Kysely<Database>,
  organizationId: string,
  unitId: string,
  overrides: { displayName?: string; startedOn?: string } = {},
) {
  const id = randomUUID();
  await db
    .insertInto('peer_worker')
    .values({
      id,
      organization_id: organizationId,
      unit_id: unitId,
      display_name: overrides.displayName ?? `Peer ${id.slice(0, 4)}`,
      started_on: overrides.startedOn ?? '2026-01-05',
      created_at: NOW,
    })
    .execute();
  return id;
}
