/** Test support: a user with one membership, written straight to the tables (no password, no invitation). */
import type { Actor } from '../actor';
import type { Db } from '../db';

export async function aMember(
  db: Db,
  organizationId: string,
  id: string,
  role: Actor['roles'][number],
  name = id,
): Promise<Actor> {
  const now = new Date().toISOString();
  await db
    .insertInto('user')
    .values({
      id,
      name,
      email: `${id}@example.test`,
      emailVerified: 0,
      image: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await db
    .insertInto('membership')
    .values({ id: `m-${id}`, organization_id: organizationId, user_id: id, role, created_at: now })
    .execute();
  return { userId: id, organizationId, roles: [role] };
}
