/**
 * Research studies: import runs, participants, documents, codes, coded segments and the study's
 * own observations. Study observations live in `study_observation`, never in `observation`, so
 * interview evidence cannot mix into a real PSW's supervision data. Frozen: never import app code.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('study')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) =>
      c.notNull().references('organization.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull().references('user.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('study_org_name_unique', ['organization_id', 'name'])
    .execute();

  await db.schema
    .createTable('import_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', (c) => c.notNull().references('study.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('report', 'text', (c) => c.notNull().defaultTo('{}'))
    .addUniqueConstraint('import_run_study_sha_unique', ['study_id', 'file_sha256'])
    .addCheckConstraint('import_run_status', sql`status in ('running', 'succeeded', 'failed')`)
    .execute();

  await db.schema
    .createTable('participant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', (c) => c.notNull().references('study.id').onDelete('cascade'))
    .addColumn('external_ref', 'text', (c) => c.notNull())
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('setting', 'text')
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addUniqueConstraint('participant_study_ref_unique', ['study_id', 'external_ref'])
    .addCheckConstraint(
      'participant_setting',
      sql`setting is null or setting in ('inpatient', 'community', 'other')`,
    )
    .execute();

  await db.schema
    .createTable('document')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', (c) => c.notNull().references('study.id').onDelete('cascade'))
    .addColumn('source_guid', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.references('participant.id').onDelete('set null'))
    .addUniqueConstraint('document_study_guid_unique', ['study_id', 'source_guid'])
    .execute();

  await db.schema
    .createTable('code')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', (c) => c.notNull().references('study.id').onDelete('cascade'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('code.id').onDelete('cascade'))
    .addColumn('indicator', 'text')
    .addColumn('is_codable', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('code_study_guid_unique', ['study_id', 'guid'])
    .addCheckConstraint('code_is_codable_flag', sql`is_codable in (0, 1)`)
    .execute();

  await db.schema
    .createTable('coded_segment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', (c) => c.notNull().references('study.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('document.id').onDelete('cascade'))
    .addColumn('code_id', 'text', (c) => c.notNull().references('code.id').onDelete('cascade'))
    .addColumn('selection_guid', 'text', (c) => c.notNull())
    .addColumn('start_offset', 'integer', (c) => c.notNull())
    .addColumn('end_offset', 'integer', (c) => c.notNull())
    .addColumn('coder', 'text')
    .addColumn('created_at_source', 'text')
    .addCheckConstraint('coded_segment_offsets', sql`start_offset >= 0 and end_offset >= start_offset`)
    .execute();
  await db.schema
    .createIndex('coded_segment_study_document_idx')
    .on('coded_segment')
    .columns(['study_id', 'document_id', 'start_offset'])
    .execute();
  await db.schema
    .createIndex('coded_segment_study_code_idx')
    .on('coded_segment')
    .columns(['study_id', 'code_id'])
    .execute();

  await db.schema
    .createTable('study_observation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', (c) => c.notNull().references('study.id').onDelete('cascade'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participant.id').onDelete('cascade'))
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('observed_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('interview'))
    .addColumn('coded_segment_id', 'text', (c) => c.references('coded_segment.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.references('document.id').onDelete('cascade'))
    .addCheckConstraint('study_observation_source', sql`source in ('interview', 'import')`)
    .addCheckConstraint('study_observation_value_non_negative', sql`value >= 0`)
    .execute();
  await db.schema
    .createIndex('study_observation_participant_idx')
    .on('study_observation')
    .columns(['study_id', 'participant_id', 'observed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'study_observation',
    'coded_segment',
    'code',
    'document',
    'participant',
    'import_run',
    'study',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
