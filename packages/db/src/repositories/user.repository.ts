/**
 * Reads of better-auth's `user` table for our own screens. Users are created and changed by
 * better-auth; we only read id, name and email (the columns whose types agree on both dialects).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { MembershipRole } from '../tables/organization.table';
import { byName } from './name-order';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
}

export interface OrganizationUser extends UserSummary {
  roles: MembershipRole[];
}

export async function getUser(db: Kysely<Database>, userId: string): Promise<UserSummary | null> {
  const row = await db
    .selectFrom('user')
    .select(['id', 'name', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst();
  return row ?? null;
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserSummary | null> {
  const row = await db
    .selectFrom('user')
    .select(['id', 'name', 'email'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row ?? null;
}

/** Members of an organisation with their roles, sorted by name. */
export async function listOrganizationUsers(
  db: Kysely<Database>,
  organizationId: string,
): Promise<OrganizationUser[]> {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('user', 'user.id', 'membership.user_id')
    .select(['user.id as id', 'user.name as name', 'user.email as email', 'membership.role as role'])
    .where('membership.organization_id', '=', organizationId)
    .execute();
  const users = new Map<string, OrganizationUser>();
  for (const row of rows) {
    const user = users.get(row.id) ?? { id: row.id, name: row.name, email: row.email, roles: [] };
    user.roles.push(row.role);
    users.set(row.id, user);
  }
  for (const user of users.values()) user.roles.sort();
  return [...users.values()].sort(
    byName(
      (u) => u.name,
      (u) => u.id,
    ),
  );
}
