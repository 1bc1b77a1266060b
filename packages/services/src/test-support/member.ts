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

/** A new organisation `org-a` with one researcher `r-1`: the actor the study tests import as. */
export async function aResearcherInOrgA(db: Db, name = 'r-1'): Promise<Actor> {
  await db
    .insertInto('organization')
    .values({ id: 'org-a', name: 'org-a', created_at: new Date().toISOString() })
    .execute();
  return aMember(db, 'org-a', 'r-1', 'researcher', name);
}
