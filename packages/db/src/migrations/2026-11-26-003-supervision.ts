/**
 * Supervision sessions, observations (evidence about a PSW or a unit), card responses and action
 * items. Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('supervision_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    // Supervision history outlives a change of staff only if the user record stays: restrict.
    .addColumn('supervisor_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('private_notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('supervision_session_kind', sql`kind in ('individual', 'group', 'informal')`)
    .addCheckConstraint('supervision_session_minutes', sql`minutes is null or minutes between 0 and 1440`)
    .addCheckConstraint('supervision_session_held_on_date', sql`held_on like '____-__-__'`)
    .execute();
  await db.schema
    .createIndex('supervision_session_worker_held_idx')
    .on('supervision_session')
    .columns(['organization_id', 'peer_worker_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('observation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('peer_worker_id', 'text', (c) => c.references('peer_worker.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.references('unit.id').onDelete('cascade'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('user.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('session_id', 'text', (c) => c.references('supervision_session.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'observation_exactly_one_subject',
      sql`(peer_worker_id is null and unit_id is not null) or (peer_worker_id is not null and unit_id is null)`,
    )
    .addCheckConstraint(
      'observation_source',
      sql`source in ('supervision', 'self_report', 'interview', 'import')`,
    )
    .addCheckConstraint('observation_value_non_negative', sql`value >= 0`)
    .addCheckConstraint('observation_observed_at_date', sql`observed_at like '____-__-__'`)
    .execute();
  await db.schema
    .createIndex('observation_worker_observed_idx')
    .on('observation')
    .columns(['organization_id', 'peer_worker_id', 'observed_at'])
    .execute();
  await db.schema
    .createIndex('observation_unit_observed_idx')
    .on('observation')
    .columns(['organization_id', 'unit_id', 'observed_at'])
    .execute();
  await db.schema.createIndex('observation_session_idx').on('observation').column('session_id').execute();

  await db.schema
    .createTable('card_response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('responded_by', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('responded_at', 'text', (c) => c.notNull())
    .addCheckConstraint('card_response_decision', sql`decision in ('accepted', 'overridden')`)
    .addCheckConstraint(
      'card_response_override_reason',
      sql`decision <> 'overridden' or (reason is not null and length(trim(reason)) > 0)`,
    )
    .execute();
  await db.schema
    .createIndex('card_response_worker_idx')
    .on('card_response')
    .columns(['organization_id', 'peer_worker_id', 'as_of'])
    .execute();
  await db.schema
    .createIndex('card_response_card_idx')
    .on('card_response')
    .columns(['organization_id', 'card_id'])
    .execute();

  await db.schema
    .createTable('action_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    .addColumn('card_response_id', 'text', (c) => c.references('card_response.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('due_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('action_item_status', sql`status in ('open', 'done')`)
    .addCheckConstraint(
      'action_item_completed_when_done',
      sql`(status = 'done' and completed_at is not null) or (status = 'open' and completed_at is null)`,
    )
    .execute();
  await db.schema
    .createIndex('action_item_worker_status_idx')
    .on('action_item')
    .columns(['organization_id', 'peer_worker_id', 'status'])
    .execute();
  await db.schema
    .createIndex('action_item_card_response_idx')
    .on('action_item')
    .column('card_response_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['action_item', 'card_response', 'observation', 'supervision_session']) {
    await db.schema.dropTable(table).execute();
  }
}
