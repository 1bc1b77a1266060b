/**
 * Amending and voiding supervision sessions (ADR 0010). A session carries its revision number and,
 * once voided, who voided it, when and why; every amendment or void stores the content it replaced
 * (observations included, as JSON) in `supervision_session_revision`, so nothing is overwritten
 * silently and nothing is deleted. Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('supervision_session')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('supervision_session').addColumn('voided_at', 'text').execute();
  await db.schema.alterTable('supervision_session').addColumn('voided_by', 'text').execute();
  await db.schema.alterTable('supervision_session').addColumn('void_reason', 'text').execute();
  await db.schema
    .createTable('supervision_session_revision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('supervision_session.id').onDelete('cascade'),
    )
    /** The revision number of the content stored here: the version that this change replaced. */
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    /** JSON: held_on, kind, minutes, private_notes, nothing_to_record and the observation rows. */
    .addColumn('previous', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('supervision_session_revision_number', ['session_id', 'revision'])
    .addCheckConstraint('supervision_session_revision_change', sql`change in ('amend', 'void')`)
    .addCheckConstraint('supervision_session_revision_reason', sql`length(trim(reason)) > 0`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('supervision_session_revision').execute();
  for (const column of ['void_reason', 'voided_by', 'voided_at', 'revision']) {
    await db.schema.alterTable('supervision_session').dropColumn(column).execute();
  }
}
