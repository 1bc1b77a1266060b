/** The signed-in user's own profile, organisation and roles, for the portal's header and navigation. */
import type { Actor, UserRole } from '../actor';
import type { Db } from '../db';
import { notFound } from '../errors';
import { loadOrganizationSettings, type OrganizationSettings } from '../organization/organization-settings';

export interface Me {
  user: { id: string; name: string; email: string };
  organization: OrganizationSettings;
  roles: UserRole[];
  /** Every organisation the user is a member of, by name: the portal lets them choose (ADR 0025). */
  organizations: { id: string; name: string }[];
}

export async function getMe(db: Db, actor: Actor): Promise<Me> {
  const [user, organization, organizations] = await Promise.all([
    db.selectFrom('user').select(['id', 'name', 'email']).where('id', '=', actor.userId).executeTakeFirst(),
    loadOrganizationSettings(db, actor.organizationId),
    db
      .selectFrom('organization as o')
      .select(['o.id', 'o.name'])
      .where('o.id', 'in', (eb) =>
        eb.selectFrom('membership').select('organization_id').where('user_id', '=', actor.userId),
      )
      .orderBy('o.name')
      .orderBy('o.id')
      .execute(),
  ]);
  if (!user) throw notFound('User');
  return { user, organization, roles: [...actor.roles], organizations };
}
