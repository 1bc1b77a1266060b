/** The authorisation rule for research data: a researcher reaches only the studies they own, in their organisation. */

import { requireRole } from '../access/require-role';
import type { Actor } from '../actor';
import type { DbOrTrx } from '../db';
import { notFound } from '../errors';

export async function loadOwnStudy(db: DbOrTrx, actor: Actor, studyId: string) {
  requireRole(actor, 'researcher');
  const study = await db
    .selectFrom('study')
    .selectAll()
    .where('id', '=', studyId)
    .where('organization_id', '=', actor.organizationId)
    .where('owner_user_id', '=', actor.userId)
    .executeTakeFirst();
  if (!study) throw notFound('Study');
  return study;
}
