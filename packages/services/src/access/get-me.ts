/** The signed-in user's own profile, organisation and roles, for the portal's header and navigation. */
import type { Actor, UserRole } from '../actor';
import type { Db } from '../db';
import { notFound } from '../errors';
import { loadOrganizationSettings, type OrganizationSettings } from '../organization/organization-settings';

export interface Me {
  user: { id: string; name: string; email: string };
  organization: OrganizationSettings;
  roles: UserRole[];
}

export async function getMe(db: Db, actor: Actor): Promise<Me> {
  const [user, organization] = await Promise.all([
    db.selectFrom('user').select(['id', 'name', 'email']).where('id', '=', actor.userId).executeTakeFirst(),
    loadOrganizationSettings(db, actor.organizationId),
  ]);
  if (!user) throw notFound('User');
  return { user, organization, roles: [...actor.roles] };
}
