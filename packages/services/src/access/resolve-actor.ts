/** Turns a signed-in user id into the Actor the services take: their organisation and roles there. */
import { type Actor, type UserRole, userRoles } from '../actor';
import type { Db } from '../db';

const knownRoles: ReadonlySet<string> = new Set(userRoles);

/**
 * The user's organisation and roles, or null when they belong to none (they can sign in but do nothing).
 * A user in several organisations acts in the one they asked for (the portal's choice, ADR 0025) when
 * they are a member there, and otherwise in the one they joined first.
 */
export async function resolveActor(
  db: Db,
  userId: string,
  requestedOrganizationId: string | null = null,
): Promise<Actor | null> {
  const rows = await db
    .selectFrom('membership')
    .select(['organization_id', 'role', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('organization_id')
    .execute();
  const first = rows.find((r) => r.organization_id === requestedOrganizationId) ?? rows[0];
  if (!first) return null;
  const roles = rows
    .filter((r) => r.organization_id === first.organization_id && knownRoles.has(r.role))
    .map((r) => r.role as UserRole)
    .sort();
  return { userId, organizationId: first.organization_id, roles };
}
