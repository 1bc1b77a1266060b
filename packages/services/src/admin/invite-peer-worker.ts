/**
 * An admin invites a PSW to their own account (issue 12, ADR 0031), through the membership invitation
 * of ADR 0011: the invitation carries the `peer_worker` role, the PSW record it links, and a one-time
 * code valid for INVITATION_CODE_DAYS, shown to the admin once and stored only as its SHA-256. With it
 * the PSW sets their password (`redeemInvitationCode`). A new e-mail gets an account without a password
 * (it cannot sign in until the code is used); an e-mail with an account elsewhere is invited as in
 * ADR 0011 and accepts on sign-in. Inviting again replaces the earlier code.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { requireRole } from '../access/require-role';
import { invitationCodeHash } from '../account/invitations';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { type Db, newId, nowIso } from '../db';
import { conflict, notFound, parseServiceInput } from '../errors';
import { idSchema } from '../schemas';
import { emailAddressSchema, visibleNameSchema } from '../text-fields';

/** How long an invitation code works. */
export const INVITATION_CODE_DAYS = 7;

export const invitePeerWorkerInput = z.object({
  workerId: idSchema,
  name: visibleNameSchema('a name'),
  email: emailAddressSchema,
});

export interface PeerWorkerInvitation {
  userId: string;
  /** The one-time code: shown once, never stored. */
  code: string;
  expiresAt: string;
}

export async function invitePeerWorker(
  db: Db,
  actor: Actor,
  input: z.input<typeof invitePeerWorkerInput>,
  now = new Date(),
): Promise<PeerWorkerInvitation> {
  requireRole(actor, 'admin');
  const parsed = parseServiceInput(invitePeerWorkerInput, input);
  const code = randomBytes(16).toString('base64url');
  const expiresAt = new Date(now.getTime() + INVITATION_CODE_DAYS * 86_400_000).toISOString();
  return db.transaction().execute(async (trx) => {
    const worker = await trx
      .selectFrom('peer_worker')
      .select('id')
      .where('id', '=', parsed.workerId)
      .where('organization_id', '=', actor.organizationId)
      .executeTakeFirst();
    if (!worker) throw notFound('Peer worker');
    const linked = await trx
      .selectFrom('peer_worker_account')
      .select('user_id')
      .where('peer_worker_id', '=', worker.id)
      .executeTakeFirst();
    if (linked) throw conflict('This PSW already has their own account');
    let user = await trx.selectFrom('user').select('id').where('email', '=', parsed.email).executeTakeFirst();
    if (user) {
      const own = await trx
        .selectFrom('peer_worker_account')
        .select('peer_worker_id')
        .where('organization_id', '=', actor.organizationId)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      // The admin sees their own PSW accounts anyway: saying so reveals nothing.
      if (own) throw conflict('This e-mail already belongs to another PSW of this organisation');
    } else {
      const at = nowIso();
      user = { id: newId() };
      await trx
        .insertInto('user')
        .values({
          id: user.id,
          name: parsed.name,
          email: parsed.email,
          emailVerified: 0,
          image: null,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    }
    const pending = await trx
      .selectFrom('membership_invitation')
      .select('peer_worker_id')
      .where('organization_id', '=', actor.organizationId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    // A staff invitation the admin made (ADR 0011) is never dropped by this one; the admin's list shows it.
    if (pending && pending.peer_worker_id === null)
      throw conflict('This person already has a pending invitation to this organisation');
    // One pending PSW invitation per PSW and per person: inviting again makes the earlier code stop working.
    const userId = user.id;
    await trx
      .deleteFrom('membership_invitation')
      .where('organization_id', '=', actor.organizationId)
      .where('peer_worker_id', 'is not', null)
      .where((eb) => eb.or([eb('peer_worker_id', '=', worker.id), eb('user_id', '=', userId)]))
      .execute();
    await trx
      .insertInto('membership_invitation')
      .values({
        id: newId(),
        organization_id: actor.organizationId,
        user_id: user.id,
        roles: JSON.stringify(['peer_worker']),
        invited_by: actor.userId,
        created_at: nowIso(),
        name: parsed.name,
        email: parsed.email,
        peer_worker_id: worker.id,
        code_hash: invitationCodeHash(code),
        expires_at: expiresAt,
      })
      .execute();
    await recordAudit(trx, actor, {
      action: 'peer_worker.invite',
      entityType: 'peer_worker',
      entityId: worker.id,
      details: { userId: user.id, expiresAt },
    });
    return { userId: user.id, code, expiresAt };
  });
}
