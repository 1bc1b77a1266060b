/**
 * The peer worker's check-in (issue 12 items 2 and 4, ADR 0039): `check_in` dates one sitting of a PSW;
 * the answers they shared are ordinary `self_report` observations (source_ref = the check-in id); the
 * answers they kept for themselves (and their burnout instrument answers) live only in
 * `own_check_in_answer`, which nothing but the PSW's own record reads. The organisation gets the
 * wellbeing contacts its admin configures and the burnout item texts it supplies (both JSON text).
 * Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_in')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('user.id'))
    /** `YYYY-MM-DD`: the day the PSW answered (the date of the shared observations). */
    .addColumn('answered_on', 'text', (c) => c.notNull())
    /** ISO 8601 UTC. */
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('check_in_worker_idx')
    .on('check_in')
    .columns(['peer_worker_id', 'answered_on'])
    .execute();
  await db.schema
    .createTable('own_check_in_answer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('check_in_id', 'text', (c) => c.notNull().references('check_in.id').onDelete('cascade'))
    /** An indicator id (a kept answer) or `burnout.<scale>.<item>` (a burnout instrument answer). */
    .addColumn('question', 'text', (c) => c.notNull())
    /** likert 1..5, bool 0/1, an event count, or a burnout response 0 (never) .. 4 (always). */
    .addColumn('value', 'integer', (c) => c.notNull())
    .addUniqueConstraint('own_check_in_answer_once', ['check_in_id', 'question'])
    .addCheckConstraint('own_check_in_answer_value', sql`value >= 0`)
    .execute();
  await db.schema
    .alterTable('organization')
    .addColumn('wellbeing_contacts', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('organization').addColumn('burnout_items', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organization').dropColumn('burnout_items').execute();
  await db.schema.alterTable('organization').dropColumn('wellbeing_contacts').execute();
  await db.schema.dropTable('own_check_in_answer').execute();
  await db.schema.dropTable('check_in').execute();
}
