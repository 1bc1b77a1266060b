/** Reads of an imported study's material, for analytics and exports (scoped by organisation). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import type { UnitSetting } from '../tables/organization.table';
import type { StudyObservationSource } from '../tables/study.table';
import { assertStudyInOrganization } from './study.repository';

export interface ParticipantRecord {
  id: string;
  externalRef: string;
  pseudonym: string;
  setting: UnitSetting | null;
  attributes: Record<string, unknown>;
}

export interface DocumentSummary {
  id: string;
  sourceGuid: string;
  name: string;
  participantId: string | null;
  /** Length of the plain text in characters (Unicode code points), counted by the database. */
  textLength: number;
}

export interface DocumentRecord extends Omit<DocumentSummary, 'textLength'> {
  text: string;
}

export interface CodeRecord {
  id: string;
  guid: string;
  name: string;
  parentId: string | null;
  indicator: string | null;
  isCodable: boolean;
}

export interface CodedSegmentRecord {
  id: string;
  documentId: string;
  codeId: string;
  selectionGuid: string;
  startOffset: number;
  endOffset: number;
  coder: string | null;
  createdAtSource: string | null;
}

export interface StudyObservationRecord {
  id: string;
  participantId: string;
  indicator: string;
  value: number;
  observedAt: string;
  source: StudyObservationSource;
  codedSegmentId: string | null;
  documentId: string | null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function listParticipants(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<ParticipantRecord[]> {
  await assertStudyInOrganization(db, organizationId, studyId);
  const rows = await db
    .selectFrom('participant')
    .select(['id', 'external_ref as externalRef', 'pseudonym', 'setting', 'attributes'])
    .where('study_id', '=', studyId)
    .execute();
  return rows
    .map((r) => ({ ...r, attributes: JSON.parse(r.attributes) as Record<string, unknown> }))
    .sort((a, b) => cmp(a.pseudonym, b.pseudonym) || cmp(a.id, b.id));
}

export async function listDocuments(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<DocumentSummary[]> {
  await assertStudyInOrganization(db, organizationId, studyId);
  const rows = await db
    .selectFrom('document')
    .select((eb) => [
      'id',
      'source_guid as sourceGuid',
      'name',
      'participant_id as participantId',
      eb.fn<number>('length', ['text']).as('textLength'),
    ])
    .where('study_id', '=', studyId)
    .execute();
  return rows
    .map((r) => ({ ...r, textLength: Number(r.textLength) }))
    .sort((a, b) => cmp(a.name, b.name) || cmp(a.id, b.id));
}

export async function getDocument(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
  documentId: string,
): Promise<DocumentRecord | null> {
  await assertStudyInOrganization(db, organizationId, studyId);
  const row = await db
    .selectFrom('document')
    .select(['id', 'source_guid as sourceGuid', 'name', 'participant_id as participantId', 'text'])
    .where('study_id', '=', studyId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  return row ?? null;
}

export async function listCodes(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<CodeRecord[]> {
  await assertStudyInOrganization(db, organizationId, studyId);
  const rows = await db
    .selectFrom('code')
    .select(['id', 'guid', 'name', 'parent_id as parentId', 'indicator', 'is_codable'])
    .where('study_id', '=', studyId)
    .execute();
  // Sorted here: GUID case and collation would order differently on the two dialects.
  return rows
    .map(({ is_codable, ...rest }) => ({ ...rest, isCodable: is_codable === 1 }))
    .sort((a, b) => cmp(a.guid, b.guid) || cmp(a.id, b.id));
}

/** Segments of a study ordered by document, start, end, id (the order overlap analytics walk). */
export async function listCodedSegments(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<CodedSegmentRecord[]> {
  await assertStudyInOrganization(db, organizationId, studyId);
  return db
    .selectFrom('coded_segment')
    .select([
      'id',
      'document_id as documentId',
      'code_id as codeId',
      'selection_guid as selectionGuid',
      'start_offset as startOffset',
      'end_offset as endOffset',
      'coder',
      'created_at_source as createdAtSource',
    ])
    .where('study_id', '=', studyId)
    .orderBy('document_id')
    .orderBy('start_offset')
    .orderBy('end_offset')
    .orderBy('id')
    .execute();
}

export async function listStudyObservations(
  db: Kysely<Database>,
  organizationId: string,
  studyId: string,
): Promise<StudyObservationRecord[]> {
  await assertStudyInOrganization(db, organizationId, studyId);
  return db
    .selectFrom('study_observation')
    .select([
      'id',
      'participant_id as participantId',
      'indicator',
      'value',
      'observed_at as observedAt',
      'source',
      'coded_segment_id as codedSegmentId',
      'document_id as documentId',
    ])
    .where('study_id', '=', studyId)
    .orderBy('participant_id')
    .orderBy('observed_at')
    .orderBy('id')
    .execute();
}
