/**
 * The next supervision, planned (issue 11 item 4, ADR 0036): a date, an optional time and kind, who
 * planned it; cancelled or resolved by the session recorded for it, never deleted. At most one plan per
 * PSW is open (neither cancelled nor held): a partial unique index enforces it on both dialects.
 * Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('planned_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    /** `YYYY-MM-DD`. */
    .addColumn('planned_on', 'text', (c) => c.notNull())
    /** `HH:MM`, local time of the organisation; null when only the day is planned. */
    .addColumn('planned_time', 'text')
    .addColumn('kind', 'text')
    .addColumn('planned_by', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('cancelled_by', 'text', (c) => c.references('user.id'))
    /** The session recorded for this plan; set once, when it is held. */
    .addColumn('held_session_id', 'text', (c) => c.references('supervision_session.id'))
    .addCheckConstraint(
      'planned_session_kind',
      sql`kind IS NULL OR kind IN ('individual', 'group', 'informal')`,
    )
    .addCheckConstraint('planned_session_on', sql`length(planned_on) = 10`)
    .addCheckConstraint('planned_session_time', sql`planned_time IS NULL OR length(planned_time) = 5`)
    .addCheckConstraint('planned_session_closed_once', sql`cancelled_at IS NULL OR held_session_id IS NULL`)
    .execute();
  await db.schema
    .createIndex('planned_session_open_idx')
    .on('planned_session')
    .column('peer_worker_id')
    .unique()
    .where(sql.ref('cancelled_at'), 'is', null)
    .where(sql.ref('held_session_id'), 'is', null)
    .execute();
  await db.schema
    .createIndex('planned_session_org_idx')
    .on('planned_session')
    .columns(['organization_id', 'planned_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('planned_session').execute();
}
