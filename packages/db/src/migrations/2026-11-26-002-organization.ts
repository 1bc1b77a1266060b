/**
 * Organisations, memberships (roles), units, peer workers and supervisor assignments. Ids are text
 * (UUIDs made by the app), dates `YYYY-MM-DD` and timestamps ISO 8601 UTC as text, flags 0/1.
 * Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organization')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('supervision_cadence_days', 'integer', (c) => c.notNull().defaultTo(28))
    .addColumn('small_cell_k', 'integer', (c) => c.notNull().defaultTo(5))
    .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('organization_cadence_positive', sql`supervision_cadence_days between 1 and 365`)
    .addCheckConstraint('organization_small_cell_k_range', sql`small_cell_k between 3 and 10`)
    .addCheckConstraint('organization_language', sql`default_language in ('en', 'cs')`)
    .addCheckConstraint('organization_is_demo_flag', sql`is_demo in (0, 1)`)
    .execute();

  await db.schema
    .createTable('membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('membership_org_user_role_unique', ['organization_id', 'user_id', 'role'])
    .addCheckConstraint('membership_role', sql`role in ('admin', 'supervisor', 'researcher')`)
    .execute();
  await db.schema.createIndex('membership_user_idx').on('membership').column('user_id').execute();

  await db.schema
    .createTable('unit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_org_name_unique', ['organization_id', 'name'])
    .addCheckConstraint('unit_setting', sql`setting in ('inpatient', 'community', 'other')`)
    .execute();

  await db.schema
    .createTable('peer_worker')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    // A unit with workers cannot vanish silently: move or remove the workers first.
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id').onDelete('restrict'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('working_fraction', 'double precision', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('peer_worker_fraction_range', sql`working_fraction > 0 and working_fraction <= 1`)
    .addCheckConstraint('peer_worker_status', sql`status in ('active', 'on_leave', 'left')`)
    .addCheckConstraint('peer_worker_started_on_date', sql`started_on like '____-__-__'`)
    .execute();
  await db.schema
    .createIndex('peer_worker_org_unit_idx')
    .on('peer_worker')
    .columns(['organization_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('supervisor_assignment')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('supervisor_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('cascade'))
    .addColumn('peer_worker_id', 'text', (c) => c.notNull().references('peer_worker.id').onDelete('cascade'))
    .addColumn('since', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervisor_assignment_pk', ['supervisor_user_id', 'peer_worker_id'])
    .execute();
  await db.schema
    .createIndex('supervisor_assignment_org_supervisor_idx')
    .on('supervisor_assignment')
    .columns(['organization_id', 'supervisor_user_id'])
    .execute();
  await db.schema
    .createIndex('supervisor_assignment_worker_idx')
    .on('supervisor_assignment')
    .column('peer_worker_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['supervisor_assignment', 'peer_worker', 'unit', 'membership', 'organization']) {
    await db.schema.dropTable(table).execute();
  }
}
