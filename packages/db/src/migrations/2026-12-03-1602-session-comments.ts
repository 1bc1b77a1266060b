/**
 * A peer worker's comments on the summary of one of their sessions (issue 12, ADR 0031): kept whole,
 * never edited; their supervisors read them with the session. Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('session_comment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('supervision_session.id').onDelete('cascade'),
    )
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('user.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    /** ISO 8601 UTC. */
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('session_comment_body', sql`length(trim(body)) > 0`)
    .execute();
  await db.schema
    .createIndex('session_comment_session_idx')
    .on('session_comment')
    .columns(['session_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session_comment').execute();
}
