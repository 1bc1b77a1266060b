/** Who holds which role in which organisation. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { MembershipRole } from '../tables/organization.table';
import { nowTimestamp } from './timestamps';

export interface MembershipRecord {
  id: string;
  organizationId: string;
  userId: string;
  role: MembershipRole;
  createdAt: string;
}

const columns = [
  'id',
  'organization_id as organizationId',
  'user_id as userId',
  'role',
  'created_at as createdAt',
] as const;

/** Grants a role; granting a role the user already holds is a no-op that returns the existing row. */
export async function addMembership(
  db: Kysely<Database>,
  organizationId: string,
  userId: string,
  role: MembershipRole,
): Promise<MembershipRecord> {
  await db
    .insertInto('membership')
    .values({
      id: randomUUID(),
      organization_id: organizationId,
      user_id: userId,
      role,
      created_at: nowTimestamp(),
    })
    .onConflict((oc) => oc.columns(['organization_id', 'user_id', 'role']).doNothing())
    .execute();
  return db
    .selectFrom('membership')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirstOrThrow();
}

/** Removes one role; returns whether a role was removed. */
export async function removeMembership(
  db: Kysely<Database>,
  organizationId: string,
  userId: string,
  role: MembershipRole,
): Promise<boolean> {
  const result = await db
    .deleteFrom('membership')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listMemberships(
  db: Kysely<Database>,
  organizationId: string,
): Promise<MembershipRecord[]> {
  return db
    .selectFrom('membership')
    .select(columns)
    .where('organization_id', '=', organizationId)
    .orderBy('user_id')
    .orderBy('role')
    .execute();
}

/**
 * The organisations and roles of one user, across organisations: the one read not scoped to an
 * organisation, because it is how a signed-in user's organisations are found.
 */
export async function listMembershipsOfUser(
  db: Kysely<Database>,
  userId: string,
): Promise<MembershipRecord[]> {
  return db
    .selectFrom('membership')
    .select(columns)
    .where('user_id', '=', userId)
    .orderBy('organization_id')
    .orderBy('role')
    .execute();
}

/** The roles a user holds in one organisation (empty when not a member). */
export async function rolesOf(
  db: Kysely<Database>,
  organizationId: string,
  userId: string,
): Promise<MembershipRole[]> {
  const rows = await db
    .selectFrom('membership')
    .select('role')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}
