/** Research studies and their imported material, kept apart from supervision data. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Flag, UnitSetting } from './organization.table';

export type ImportRunStatus = 'running' | 'succeeded' | 'failed';
export type StudyObservationSource = 'interview' | 'import';

export interface StudyTable {
  id: string;
  organization_id: string;
  name: string;
  owner_user_id: string;
  created_at: string;
  /** The owner's saved mapping (mapping-file JSON), used by imports that bring none; null: the default. */
  mapping: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ImportRunTable {
  id: string;
  study_id: string;
  file_name: string;
  file_sha256: string;
  format: string;
  status: ImportRunStatus;
  started_at: string;
  finished_at: string | null;
  /** JSON text. */
  report: Generated<string>;
}

export interface ParticipantTable {
  id: string;
  study_id: string;
  /** The REFI-QDA case guid, or the name a mapping rule used. */
  external_ref: string;
  pseudonym: string;
  setting: UnitSetting | null;
  /** JSON text. */
  attributes: Generated<string>;
}

export interface DocumentTable {
  id: string;
  study_id: string;
  source_guid: string;
  name: string;
  /** The full plain text that segment offsets point into. */
  text: string;
  participant_id: string | null;
}

export interface CodeTable {
  id: string;
  study_id: string;
  guid: string;
  name: string;
  parent_id: string | null;
  indicator: string | null;
  is_codable: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface CodedSegmentTable {
  id: string;
  study_id: string;
  document_id: string;
  code_id: string;
  selection_guid: string;
  start_offset: number;
  end_offset: number;
  coder: string | null;
  created_at_source: string | null;
}

export interface StudyObservationTable {
  id: string;
  study_id: string;
  participant_id: string;
  indicator: string;
  value: number;
  observed_at: string;
  source: ColumnType<StudyObservationSource, StudyObservationSource | undefined, StudyObservationSource>;
  coded_segment_id: string | null;
  document_id: string | null;
}

export type StudyRow = Selectable<StudyTable>;
export type ImportRunRow = Selectable<ImportRunTable>;
export type NewImportRun = Insertable<ImportRunTable>;
export type ParticipantRow = Selectable<ParticipantTable>;
export type NewParticipant = Insertable<ParticipantTable>;
export type DocumentRow = Selectable<DocumentTable>;
export type NewDocument = Insertable<DocumentTable>;
export type CodeRow = Selectable<CodeTable>;
export type NewCode = Insertable<CodeTable>;
export type CodedSegmentRow = Selectable<CodedSegmentTable>;
export type NewCodedSegment = Insertable<CodedSegmentTable>;
export type StudyObservationRow = Selectable<StudyObservationTable>;
export type NewStudyObservation = Insertable<StudyObservationTable>;
