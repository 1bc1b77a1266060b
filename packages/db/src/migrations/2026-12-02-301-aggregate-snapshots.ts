/**
 * Published aggregates (ADR 0013): each period's cohort frozen before the first membership change of
 * the period (who was in which unit, with which setting, start date and supervisors), and the stored
 * snapshot of suppressed counts computed over it. Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('aggregate_period')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_period_pk', ['organization_id', 'period'])
    .addCheckConstraint('aggregate_period_month', sql`period like '____-__'`)
    .execute();
  await db.schema
    .createTable('aggregate_cohort_member')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('peer_worker_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('setting', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_cohort_member_pk', ['organization_id', 'period', 'peer_worker_id'])
    .addForeignKeyConstraint(
      'aggregate_cohort_member_period_fk',
      ['organization_id', 'period'],
      'aggregate_period',
      ['organization_id', 'period'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('aggregate_cohort_supervisor')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('supervisor_user_id', 'text', (c) => c.notNull())
    .addColumn('peer_worker_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_cohort_supervisor_pk', [
      'organization_id',
      'period',
      'supervisor_user_id',
      'peer_worker_id',
    ])
    .addForeignKeyConstraint(
      'aggregate_cohort_supervisor_period_fk',
      ['organization_id', 'period'],
      'aggregate_period',
      ['organization_id', 'period'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createTable('aggregate_snapshot')
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('k', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aggregate_snapshot_pk', ['organization_id', 'period'])
    .addCheckConstraint('aggregate_snapshot_month', sql`period like '____-__'`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('aggregate_snapshot').execute();
  await db.schema.dropTable('aggregate_cohort_supervisor').execute();
  await db.schema.dropTable('aggregate_cohort_member').execute();
  await db.schema.dropTable('aggregate_period').execute();
}
