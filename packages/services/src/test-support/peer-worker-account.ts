/** Test support: a PSW's own account made the product's way (invited by the admin, code redeemed). */

import { resolveActor } from '../access/resolve-actor';
import { redeemInvitationCode } from '../account/invitations';
import type { Actor } from '../actor';
import { invitePeerWorker } from '../admin/invite-peer-worker';
import type { Db } from '../db';

export const PEER_PASSWORD = 'kettle orchard lantern seven';

export async function aPeerWorkerAccount(
  db: Db,
  admin: Actor,
  workerId: string,
  who: { name: string; email: string },
): Promise<Actor> {
  const { code } = await invitePeerWorker(db, admin, { workerId, ...who });
  await redeemInvitationCode(db, { code, password: PEER_PASSWORD });
  const { userId } = await db
    .selectFrom('user')
    .select('id as userId')
    .where('email', '=', who.email)
    .executeTakeFirstOrThrow();
  const actor = await resolveActor(db, userId, admin.organizationId);
  if (!actor) throw new Error('the redeemed account acts nowhere');
  return actor;
}
