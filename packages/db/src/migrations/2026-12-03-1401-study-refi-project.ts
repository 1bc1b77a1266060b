/**
 * What a REFI-QDA project holds beyond coded segments, kept so an export writes it back (issue 13, ADR 0029):
 * the project's own metadata, its users with their GUIDs, notes and memos with what they are attached to,
 * sets with their members, code colours and descriptions, selections with their names, descriptions and
 * users, and each coding's own GUID and user. Frozen: never import app code here.
 */
import { type Kysely, sql } from 'kysely';

const studyId = (c: any) => c.notNull().references('study.id').onDelete('cascade');

/** Who created and changed an element and when, as the file wrote it (GUIDs and ISO date-times). */
function withAudit(table: any) {
  return table
    .addColumn('creating_user', 'text')
    .addColumn('created_at_source', 'text')
    .addColumn('modifying_user', 'text')
    .addColumn('modified_at_source', 'text');
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('code').addColumn('color', 'text').execute();
  await db.schema.alterTable('code').addColumn('description', 'text').execute();
  /** The code's place among its siblings in the file's codebook (null: ordered by name). */
  await db.schema.alterTable('code').addColumn('position', 'integer').execute();
  /** The document's place among the file's sources (null: ordered by name). */
  await db.schema.alterTable('document').addColumn('position', 'integer').execute();
  await db.schema.alterTable('coded_segment').addColumn('coding_guid', 'text').execute();
  await db.schema.alterTable('coded_segment').addColumn('coding_user', 'text').execute();

  await withAudit(
    db.schema
      .createTable('study_project')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('study_id', 'text', studyId)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('origin', 'text')
      .addColumn('description', 'text')
      .addColumn('base_path', 'text')
      .addColumn('imported_at', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('study_project_study_idx').on('study_project').columns(['study_id']).execute();

  await db.schema
    .createTable('study_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', studyId)
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('short_id', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('study_user_study_guid_unique', ['study_id', 'guid'])
    .execute();

  await withAudit(
    db.schema
      .createTable('study_selection')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('study_id', 'text', studyId)
      .addColumn('document_id', 'text', (c) => c.notNull().references('document.id').onDelete('cascade'))
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('start_offset', 'integer', (c) => c.notNull())
      .addColumn('end_offset', 'integer', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('description', 'text')
      .addUniqueConstraint('study_selection_study_guid_unique', ['study_id', 'guid'])
      .addCheckConstraint('study_selection_offsets', sql`start_offset >= 0 and end_offset >= start_offset`),
  ).execute();

  await withAudit(
    db.schema
      .createTable('study_note')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('study_id', 'text', studyId)
      .addColumn('guid', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('description', 'text')
      /** Null when the note's text file could not be read (the import warned). */
      .addColumn('text', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addUniqueConstraint('study_note_study_guid_unique', ['study_id', 'guid']),
  ).execute();

  await db.schema
    .createTable('study_note_ref')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', studyId)
    .addColumn('note_guid', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    /** Null for a note about the project as a whole. */
    .addColumn('target_guid', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint(
      'study_note_ref_target_kind',
      sql`target_kind in ('project', 'source', 'code', 'selection', 'coding')`,
    )
    .execute();
  await db.schema
    .createIndex('study_note_ref_target_idx')
    .on('study_note_ref')
    .columns(['study_id', 'target_kind', 'target_guid'])
    .execute();

  await db.schema
    .createTable('study_set')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', studyId)
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addUniqueConstraint('study_set_study_guid_unique', ['study_id', 'guid'])
    .execute();

  await db.schema
    .createTable('study_set_member')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('study_id', 'text', studyId)
    .addColumn('set_guid', 'text', (c) => c.notNull())
    .addColumn('member_kind', 'text', (c) => c.notNull())
    .addColumn('member_guid', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addCheckConstraint('study_set_member_kind', sql`member_kind in ('code', 'source', 'note')`)
    .execute();
  await db.schema
    .createIndex('study_set_member_set_idx')
    .on('study_set_member')
    .columns(['study_id', 'set_guid'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'study_set_member',
    'study_set',
    'study_note_ref',
    'study_note',
    'study_selection',
    'study_user',
    'study_project',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('coded_segment').dropColumn('coding_user').execute();
  await db.schema.alterTable('coded_segment').dropColumn('coding_guid').execute();
  await db.schema.alterTable('code').dropColumn('description').execute();
  await db.schema.alterTable('document').dropColumn('position').execute();
  await db.schema.alterTable('code').dropColumn('color').execute();
  await db.schema.alterTable('code').dropColumn('position').execute();
}
