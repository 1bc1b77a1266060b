/**
 * The notification centre and the e-mail digest (issue 11 item 5, ADR 0037): one row per condition
 * that started (supervision due, action overdue, conflict turned severe), the read marks per member,
 * and one row per member and day a digest was sent, so two api processes never send twice.
 * Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    .addColumn('action_item_id', 'text', (c) => c.references('action_item.id').onDelete('cascade'))
    /** The conflict that turned severe (conflict_severe only). */
    .addColumn('conflict_id', 'text')
    /** YYYY-MM-DD: the first day the condition held. */
    .addColumn('since_on', 'text', (c) => c.notNull())
    /** YYYY-MM-DD: the first day it no longer held; null while it holds. */
    .addColumn('resolved_on', 'text')
    /** kind, PSW, action or conflict and start, joined: unique, so two writers never add one condition twice. */
    .addColumn('condition_key', 'text', (c) => c.notNull().unique())
    /** ISO 8601 UTC. */
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'notification_kind',
      sql`kind in ('supervision_due', 'action_overdue', 'conflict_severe')`,
    )
    .execute();
  await db.schema
    .createIndex('notification_worker_idx')
    .on('notification')
    .columns(['peer_worker_id', 'kind', 'resolved_on'])
    .execute();
  await db.schema
    .createIndex('notification_org_created_idx')
    .on('notification')
    .columns(['organization_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createTable('notification_read')
    .addColumn('notification_id', 'text', (c) =>
      c.notNull().references('notification.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_read_pk', ['notification_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('digest_sent')
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    /** YYYY-MM-DD (UTC): the day the digest is for. */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    /** ISO 8601 UTC: when the claim was taken; `sent_at` once the SMTP server accepted it. */
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addPrimaryKeyConstraint('digest_sent_pk', ['user_id', 'day'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('digest_sent').execute();
  await db.schema.dropTable('notification_read').execute();
  await db.schema.dropTable('notification').execute();
}
