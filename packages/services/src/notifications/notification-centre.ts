/**
 * The notification centre (ADR 0037): a supervisor's notifications about the PSWs they supervise
 * (supervision due, a conflict turned severe, an action overdue) and about the actions they own, with
 * their own read marks. Everyone else (admins, researchers, peer workers) has none: a notification
 * names an identified PSW, which only the supervisor role may see (ADR 0007). A listed page is a read
 * of PSW names and is audited (`notifications.view`); the unread count names nobody and writes nothing.
 */

import type { Database, NotificationKind } from '@peerbridge/db';
import type { ConflictId } from '@peerbridge/domain';
import type { ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import { type Actor, hasRole } from '../actor';
import { recordAudit } from '../audit/record-audit';
import type { Db, DbOrTrx } from '../db';
import { nowIso } from '../db';
import { notFound, parseServiceInput } from '../errors';
import { decodeCursor, type Page, pageFields, toPage } from '../paging/cursor-page';
import { idSchema } from '../schemas';

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  workerId: string;
  workerName: string;
  /** Whether the actor supervises the PSW (and so may open their record). */
  supervisesWorker: boolean;
  actionId: string | null;
  /** The action's catalog card or typed title, for `action_overdue`. */
  actionCardId: string | null;
  actionTitle: string | null;
  conflictId: ConflictId | null;
  sinceOn: string;
  resolvedOn: string | null;
  createdAt: string;
  read: boolean;
}

type Eb = ExpressionBuilder<Database & { n: Database['notification'] }, 'n'>;

/** Notifications the actor has not marked read. */
function unreadBy(actor: Actor) {
  return (eb: Eb) =>
    eb.not(
      eb.exists(
        eb
          .selectFrom('notification_read as r')
          .select('r.notification_id')
          .whereRef('r.notification_id', '=', 'n.id')
          .where('r.user_id', '=', actor.userId),
      ),
    );
}

/** The notifications `actor` may see: about a PSW they supervise, or an overdue action they own. */
function visibleTo(actor: Actor) {
  return (eb: Eb) =>
    eb.and([
      eb('n.organization_id', '=', actor.organizationId),
      eb.or([
        eb.exists(
          eb
            .selectFrom('supervisor_assignment as sa')
            .select('sa.peer_worker_id')
            .whereRef('sa.peer_worker_id', '=', 'n.peer_worker_id')
            .where('sa.supervisor_user_id', '=', actor.userId)
            .where('sa.organization_id', '=', actor.organizationId),
        ),
        eb.and([
          eb('n.kind', '=', 'action_overdue'),
          eb.exists(
            eb
              .selectFrom('action_item as oi')
              .select('oi.id')
              .whereRef('oi.id', '=', 'n.action_item_id')
              .where('oi.owner_user_id', '=', actor.userId)
              .where('oi.organization_id', '=', actor.organizationId),
          ),
        ]),
      ]),
    ]);
}

/** Only supervisors have notifications; for anyone else every list is empty. */
const hasNotifications = (actor: Actor) => hasRole(actor, 'supervisor');

export const listNotificationsInput = z
  .object({
    unreadOnly: z.boolean({ message: 'expected true or false' }).default(false),
    ...pageFields(30, 100),
  })
  .optional();

/** Newest first, paged by (created_at, id); one `notifications.view` audit event per page shown. */
export async function listNotifications(
  db: Db,
  actor: Actor,
  input?: z.input<typeof listNotificationsInput>,
): Promise<Page<NotificationItem>> {
  const parsed = parseServiceInput(listNotificationsInput, input) ?? {
    unreadOnly: false,
    limit: 30,
    cursor: undefined,
  };
  if (!hasNotifications(actor)) return { items: [], nextCursor: null };
  let query = db
    .selectFrom('notification as n')
    .innerJoin('peer_worker as w', 'w.id', 'n.peer_worker_id')
    .leftJoin('action_item as i', 'i.id', 'n.action_item_id')
    .leftJoin('notification_read as r', (j) =>
      j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', actor.userId),
    )
    .leftJoin('supervisor_assignment as a', (j) =>
      j
        .onRef('a.peer_worker_id', '=', 'n.peer_worker_id')
        .on('a.supervisor_user_id', '=', actor.userId)
        .on('a.organization_id', '=', actor.organizationId),
    )
    .select([
      'n.id',
      'n.kind',
      'n.peer_worker_id',
      'w.display_name',
      'n.action_item_id',
      'i.card_id',
      'i.title',
      'n.conflict_id',
      'n.since_on',
      'n.resolved_on',
      'n.created_at',
      'r.read_at',
      'a.peer_worker_id as supervised',
    ])
    .where(visibleTo(actor));
  if (parsed.unreadOnly) query = query.where('r.read_at', 'is', null).where('n.resolved_on', 'is', null);
  if (parsed.cursor) {
    const [at, id] = decodeCursor(parsed.cursor, ['string', 'string'] as const);
    query = query.where((eb) => eb(eb.refTuple('n.created_at', 'n.id'), '<', eb.tuple(at, id)));
  }
  const rows = await query
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(parsed.limit + 1)
    .execute();
  const page = toPage(
    rows,
    parsed.limit,
    (r) => [r.created_at, r.id],
    (r): NotificationItem => ({
      id: r.id,
      kind: r.kind,
      workerId: r.peer_worker_id,
      workerName: r.display_name,
      supervisesWorker: r.supervised !== null,
      actionId: r.action_item_id,
      actionCardId: r.card_id ?? null,
      actionTitle: r.title ?? null,
      conflictId: r.conflict_id as ConflictId | null,
      sinceOn: r.since_on,
      resolvedOn: r.resolved_on,
      createdAt: r.created_at,
      read: r.read_at !== null,
    }),
  );
  await recordAudit(db, actor, {
    action: 'notifications.view',
    entityType: 'notifications',
    entityId: actor.userId,
    details: { shown: page.items.length, workerIds: [...new Set(page.items.map((n) => n.workerId))] },
    changesData: false,
  });
  return page;
}

/** Unread notifications whose condition still holds: what the bell and the digest count. */
export async function countUnreadNotifications(db: DbOrTrx, actor: Actor): Promise<number> {
  if (!hasNotifications(actor)) return 0;
  const row = await db
    .selectFrom('notification as n')
    .select((eb) => eb.fn.countAll<number | string>().as('unread'))
    .where(visibleTo(actor))
    .where('n.resolved_on', 'is', null)
    .where(unreadBy(actor))
    .executeTakeFirstOrThrow();
  return Number(row.unread);
}

export const markNotificationReadInput = z.object({ notificationId: idSchema });

/** Marks one notification the actor may see as read (again is a no-op); anything else is NOT_FOUND. */
export async function markNotificationRead(
  db: Db,
  actor: Actor,
  input: z.input<typeof markNotificationReadInput>,
): Promise<{ unread: number }> {
  const { notificationId } = parseServiceInput(markNotificationReadInput, input);
  if (!hasNotifications(actor)) throw notFound('Notification');
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notification as n')
      .select(['n.id', 'n.peer_worker_id'])
      .where('n.id', '=', notificationId)
      .where(visibleTo(actor))
      .executeTakeFirst();
    if (!row) throw notFound('Notification');
    await trx
      .insertInto('notification_read')
      .values({ notification_id: row.id, user_id: actor.userId, read_at: nowIso() })
      .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
      .execute();
    await recordAudit(trx, actor, {
      action: 'notification.read',
      entityType: 'notification',
      entityId: row.id,
      details: { workerId: row.peer_worker_id },
      changesData: false,
    });
    return { unread: await countUnreadNotifications(trx, actor) };
  });
}

const MARK_ALL_CAP = 1000;

/** Marks every unread notification the actor may see as read (at most 1000 at once). */
export async function markAllNotificationsRead(
  db: Db,
  actor: Actor,
): Promise<{ marked: number; unread: number }> {
  if (!hasNotifications(actor)) return { marked: 0, unread: 0 };
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('notification as n')
      .select('n.id')
      .where(visibleTo(actor))
      .where(unreadBy(actor))
      .limit(MARK_ALL_CAP)
      .execute();
    const readAt = nowIso();
    for (let i = 0; i < rows.length; i += 200) {
      await trx
        .insertInto('notification_read')
        .values(
          rows
            .slice(i, i + 200)
            .map((r) => ({ notification_id: r.id, user_id: actor.userId, read_at: readAt })),
        )
        .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
        .execute();
    }
    await recordAudit(trx, actor, {
      action: 'notifications.read_all',
      entityType: 'notifications',
      entityId: actor.userId,
      details: { marked: rows.length },
      changesData: false,
    });
    return { marked: rows.length, unread: await countUnreadNotifications(trx, actor) };
  });
}
