/**
 * The append-only audit log. A trigger in each dialect refuses UPDATE and DELETE (and TRUNCATE on
 * PostgreSQL), so not even a bug in the app can rewrite history. No foreign keys: the log must
 * outlive the rows it talks about. Frozen: never import app code here.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text')
    .addColumn('actor_user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .createIndex('audit_event_org_at_idx')
    .on('audit_event')
    .columns(['organization_id', 'at'])
    .execute();
  await db.schema
    .createIndex('audit_event_entity_idx')
    .on('audit_event')
    .columns(['entity_type', 'entity_id'])
    .execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create function audit_event_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'P0001';
      end
      $$`.execute(db);
    await sql`
      create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function audit_event_refuse_change()`.execute(db);
    await sql`
      create trigger audit_event_no_truncate before truncate on audit_event
      for each statement execute function audit_event_refuse_change()`.execute(db);
  } else {
    await sql`
      create trigger audit_event_no_update before update on audit_event
      begin select raise(abort, 'audit_event is append-only: UPDATE refused'); end`.execute(db);
    await sql`
      create trigger audit_event_no_delete before delete on audit_event
      begin select raise(abort, 'audit_event is append-only: DELETE refused'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop function if exists audit_event_refuse_change()`.execute(db);
  }
}
