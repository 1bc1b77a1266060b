/**
 * The daily e-mail digest (ADR 0037): whom to tell, what to say, and the once-a-day claim. The text
 * holds a count and a link only: never a PSW's name, an indicator, a conflict or a date, because an
 * e-mail leaves the system and is read where the portal's rules do not hold.
 */
import { plural } from '@peerbridge/domain';
import type { Actor, UserRole } from '../actor';
import type { Db } from '../db';
import { nowIso } from '../db';
import { countUnreadNotifications } from './notification-centre';

export interface DigestRecipient {
  userId: string;
  email: string;
  /** Unread notifications over all the member's organisations. */
  unread: number;
}

/** Every member with unread notifications (only supervisors have any), with their count. */
export async function digestRecipients(db: Db): Promise<DigestRecipient[]> {
  const memberships = await db
    .selectFrom('membership as m')
    .innerJoin('user as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.organization_id', 'm.role', 'u.email'])
    .orderBy('m.user_id')
    .orderBy('m.organization_id')
    .execute();
  const actors = new Map<string, { email: string; actor: Actor & { roles: UserRole[] } }>();
  for (const m of memberships) {
    const key = `${m.user_id}\u0000${m.organization_id}`;
    const entry = actors.get(key) ?? {
      email: m.email,
      actor: { userId: m.user_id, organizationId: m.organization_id, roles: [] as UserRole[] },
    };
    entry.actor.roles.push(m.role as UserRole);
    actors.set(key, entry);
  }
  const byUser = new Map<string, DigestRecipient>();
  for (const { email, actor } of actors.values()) {
    const unread = await countUnreadNotifications(db, actor);
    if (unread === 0) continue;
    const r = byUser.get(actor.userId) ?? { userId: actor.userId, email, unread: 0 };
    r.unread += unread;
    byUser.set(actor.userId, r);
  }
  return [...byUser.values()];
}

/**
 * Takes the day's digest for a member: true for exactly one caller per member and day, whichever
 * process asks first (the primary key decides), so two api processes never send one twice.
 */
export async function claimDigest(db: Db, userId: string, day: string, itemCount: number): Promise<boolean> {
  const result = await db
    .insertInto('digest_sent')
    .values({ user_id: userId, day, item_count: itemCount, claimed_at: nowIso(), sent_at: null })
    .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Records that the SMTP server accepted the claimed digest. */
export async function markDigestSent(db: Db, userId: string, day: string): Promise<void> {
  await db
    .updateTable('digest_sent')
    .set({ sent_at: nowIso() })
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .execute();
}

/** Gives a claim back when sending failed, so a later run (in any process) tries again. */
export async function releaseDigest(db: Db, userId: string, day: string): Promise<void> {
  await db
    .deleteFrom('digest_sent')
    .where('user_id', '=', userId)
    .where('day', '=', day)
    .where('sent_at', 'is', null)
    .execute();
}

export interface DigestMessage {
  subject: string;
  text: string;
}

/** The digest's wording, English then Czech: a count and a link, nothing else. */
export function digestMessage(count: number, publicUrl: string): DigestMessage {
  const link = `${publicUrl.replace(/\/$/, '')}/notifications`;
  const en = plural('en', count, {
    one: 'You have {n} item in PeerBridge.',
    few: 'You have {n} items in PeerBridge.',
    many: 'You have {n} items in PeerBridge.',
  });
  const cs = plural('cs', count, {
    one: 'V PeerBridge máte {n} položku.',
    few: 'V PeerBridge máte {n} položky.',
    many: 'V PeerBridge máte {n} položek.',
  });
  return {
    subject: `PeerBridge: ${count}`,
    text: `${en}\n${link}\n\n${cs}\n${link}\n`,
  };
}
