/**
 * Team actions (issue 11 item 3, ADR 0042): a card accepted in the published team view becomes an
 * action for a unit's team, or for the organisation when `unit_id` is null. It names no PSW: it
 * holds only the card, the published period it was accepted in, the unit, an accountable member and
 * a due date. Closing records an outcome and an optional note; every assignment, close and reopen is
 * a row of `team_action_event`, never rewritten. A separate table from `action_item` because that one's
 * `peer_worker_id` is NOT NULL and rebuilding it would cascade into its history on SQLite.
 * Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('team_action')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    /** The unit whose team it is for; null for the organisation as a whole. */
    .addColumn('unit_id', 'text', (c) => c.references('unit.id').onDelete('restrict'))
    /** The published period (`YYYY-MM`) whose card was accepted. */
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    /** The member who answers for it. */
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('outcome', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completed_by', 'text', (c) => c.references('user.id').onDelete('restrict'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('team_action_status', sql`status in ('open', 'done')`)
    .addCheckConstraint('team_action_period', sql`length(period) = 7`)
    .addCheckConstraint(
      'team_action_outcome',
      sql`outcome is null or outcome in ('done', 'not_needed', 'did_not_help')`,
    )
    .addCheckConstraint(
      'team_action_closed_with_outcome',
      sql`(status = 'done' and completed_at is not null and outcome is not null and completed_by is not null)
        or (status = 'open' and completed_at is null and outcome is null and outcome_note is null and completed_by is null)`,
    )
    .execute();
  await db.schema
    .createIndex('team_action_org_idx')
    .on('team_action')
    .columns(['organization_id', 'status', 'due_on'])
    .execute();
  await db.schema
    .createTable('team_action_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('team_action_id', 'text', (c) => c.notNull().references('team_action.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addCheckConstraint('team_action_event_kind', sql`kind in ('assigned', 'closed', 'reopened')`)
    .addCheckConstraint(
      'team_action_event_outcome',
      sql`(kind = 'closed' and outcome in ('done', 'not_needed', 'did_not_help')) or (kind <> 'closed' and outcome is null)`,
    )
    .execute();
  await db.schema
    .createIndex('team_action_event_item_idx')
    .on('team_action_event')
    .columns(['team_action_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('team_action_event').execute();
  await db.schema.dropTable('team_action').execute();
}
