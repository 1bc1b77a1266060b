/**
 * Covering indexes for the evidence reads (caseload, team, worker views): every column `assess` needs
 * is in the index, so SQLite and PostgreSQL answer the window queries from the index alone instead of
 * one table lookup per observation row. They start with the columns of the two indexes they replace,
 * which are dropped. Frozen: never import app code here.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('observation_worker_assess_idx')
    .on('observation')
    .columns([
      'organization_id',
      'peer_worker_id',
      'observed_at',
      'indicator',
      'value',
      'source',
      'id',
      'unit_id',
    ])
    .execute();
  await db.schema
    .createIndex('observation_unit_assess_idx')
    .on('observation')
    .columns([
      'organization_id',
      'unit_id',
      'observed_at',
      'indicator',
      'value',
      'source',
      'id',
      'peer_worker_id',
    ])
    .execute();
  await db.schema.dropIndex('observation_worker_observed_idx').execute();
  await db.schema.dropIndex('observation_unit_observed_idx').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
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
  await db.schema.dropIndex('observation_worker_assess_idx').execute();
  await db.schema.dropIndex('observation_unit_assess_idx').execute();
}
