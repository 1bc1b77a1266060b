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
  /** Place among the imported file's sources; null: ordered by name. */
  position: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CodeTable {
  id: string;
  study_id: string;
  guid: string;
  name: string;
  parent_id: string | null;
  indicator: string | null;
  is_codable: ColumnType<Flag, Flag | undefined, Flag>;
  /** `#RRGGBB` as the file wrote it. */
  color: ColumnType<string | null, string | null | undefined, string | null>;
  description: ColumnType<string | null, string | null | undefined, string | null>;
  /** Place among its siblings in the imported codebook; null: ordered by name. */
  position: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CodedSegmentTable {
  id: string;
  study_id: string;
  document_id: string;
  code_id: string;
  selection_guid: string;
  start_offset: number;
  end_offset: number;
  /** The name the segment is credited to (under the import's coder rule). */
  coder: string | null;
  created_at_source: string | null;
  /** The file's `Coding/@guid`, written back on export (null for segments from CSV or JSON). */
  coding_guid: ColumnType<string | null, string | null | undefined, string | null>;
  /** The file's `Coding/@creatingUser` (a user GUID). */
  coding_user: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Who created and changed an element of a REFI-QDA project and when, as the file wrote it. */
interface SourceAudit {
  creating_user: string | null;
  created_at_source: string | null;
  modifying_user: string | null;
  modified_at_source: string | null;
}

/** The metadata of an imported REFI-QDA project (one row per import of a project file). */
export interface StudyProjectTable extends SourceAudit {
  id: string;
  study_id: string;
  name: string;
  origin: string | null;
  description: string | null;
  base_path: string | null;
  imported_at: string;
}

/** A user of an imported project, with the project's own GUID for them. */
export interface StudyUserTable {
  id: string;
  study_id: string;
  guid: string;
  name: string | null;
  short_id: string | null;
  position: number;
}

/** A selection of an imported project with what its coded segments do not hold. */
export interface StudySelectionTable extends SourceAudit {
  id: string;
  study_id: string;
  document_id: string;
  guid: string;
  start_offset: number;
  end_offset: number;
  name: string | null;
  description: string | null;
}

export interface StudyNoteTable extends SourceAudit {
  id: string;
  study_id: string;
  guid: string;
  name: string | null;
  description: string | null;
  text: string | null;
  position: number;
}

export type NoteTargetKind = 'project' | 'source' | 'code' | 'selection' | 'coding';

/** A note attached to the project, a document, a code, a selection or a coding. */
export interface StudyNoteRefTable {
  id: string;
  study_id: string;
  note_guid: string;
  target_kind: NoteTargetKind;
  target_guid: string | null;
  position: number;
}

export interface StudySetTable {
  id: string;
  study_id: string;
  guid: string;
  name: string;
  description: string | null;
  position: number;
}

export type SetMemberKind = 'code' | 'source' | 'note';

export interface StudySetMemberTable {
  id: string;
  study_id: string;
  set_guid: string;
  member_kind: SetMemberKind;
  member_guid: string;
  position: number;
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
