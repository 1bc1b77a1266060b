/**
 * What one import brings into a study, whatever the file format: participants, documents with their
 * full text, codes, coded segments (exact offsets) and observations. Readers produce it, the writer
 * stores it in one transaction, and the dry run only counts it.
 */

/** Setting of a participant's service, as the domain knows it. */
export type Setting = 'inpatient' | 'community' | 'other';

export interface ParticipantData {
  /** Stable reference within the study: the REFI case GUID, or the name a rule produced. */
  ref: string;
  /** The name as the project gives it (already a pseudonym in most research projects). */
  name: string;
  setting: Setting | null;
  /** age, gender, tenure and every other variable, as written. */
  attributes: Record<string, string | number | boolean>;
}

export interface DocumentData {
  guid: string;
  name: string;
  /** The full plain text that segment offsets index (UTF-16 code units, BOM removed). */
  text: string;
  participantRef: string | null;
  /** Interview date (YYYY-MM-DD) when known. */
  date: string | null;
  /** Place among the file's sources (REFI-QDA). */
  position?: number | null | undefined;
}

export interface CodeData {
  guid: string;
  name: string;
  parentGuid: string | null;
  isCodable: boolean;
  /** The indicator this code stands for, or null when unmapped. */
  indicator: string | null;
  /** Why it maps: `mapping-file`, `codebook-guid`, `name`, `stored` (a PeerBridge export). */
  mappedBy: string | null;
  /** `#RRGGBB`, from a REFI-QDA codebook. */
  color?: string | null | undefined;
  description?: string | null | undefined;
  /** Place among its siblings in the file's codebook. */
  position?: number | null | undefined;
}

export interface SegmentData {
  /** Row id, made by the importer (one per selection and code). */
  id: string;
  selectionGuid: string;
  documentGuid: string;
  codeGuid: string;
  /** [start, end) in UTF-16 code units of the document text: `text.slice(start, end)` is the segment. */
  start: number;
  end: number;
  /** The name the segment is credited to, under the import's coder rule (`CoderFrom`). */
  coder: string | null;
  createdAt: string | null;
  /** REFI-QDA: the `Coding`'s own GUID and `creatingUser` (a user GUID), written back on export. */
  codingGuid?: string | null | undefined;
  codingUser?: string | null | undefined;
  /** The participant of this one segment when it differs from its document's (REFI case selection refs). */
  participantRef: string | null;
}

export interface ObservationData {
  id: string;
  participantRef: string;
  indicator: string;
  /** Likert 1..5, a count, or 1/0 for yes/no. */
  value: number;
  observedAt: string;
  source: 'interview' | 'import';
  segmentId: string | null;
  documentGuid: string | null;
}

/** How one text source's selection positions were read (from the refi-qda reader). */
export interface OffsetDecisionReport {
  document: string;
  convention: string | null;
  reason: string;
  ambiguous: boolean;
}

export interface UnmappedCodeReport {
  guid: string;
  name: string;
  segments: number;
}

/** Who created and changed a REFI-QDA element and when, as the file wrote it (user GUIDs, ISO date-times). */
export interface AuditData {
  creatingUser: string | null;
  createdAt: string | null;
  modifyingUser: string | null;
  modifiedAt: string | null;
}

/** The project's own metadata (the `<Project>` element). */
export interface ProjectMetaData extends AuditData {
  name: string;
  origin: string | null;
  description: string | null;
  basePath: string | null;
}

export interface UserData {
  guid: string;
  name: string | null;
  /** Short id some tools write (NVivo: initials). */
  shortId: string | null;
}

/** A selection with what its coded segments do not hold (name, description, its own user and dates). */
export interface SelectionData extends AuditData {
  guid: string;
  documentGuid: string;
  start: number;
  end: number;
  name: string | null;
  description: string | null;
}

export interface NoteData extends AuditData {
  guid: string;
  name: string | null;
  description: string | null;
  /** Null when the note's text file could not be read (the import warned). */
  text: string | null;
}

export type NoteTarget = 'project' | 'source' | 'code' | 'selection' | 'coding';

/** A note attached to something: `targetGuid` is null for the project itself. */
export interface NoteRefData {
  noteGuid: string;
  targetKind: NoteTarget;
  targetGuid: string | null;
}

export interface SetData {
  guid: string;
  name: string;
  description: string | null;
  members: { kind: 'code' | 'source' | 'note'; guid: string }[];
}

/** What a REFI-QDA project holds beyond segments (empty for CSV and JSON). */
export interface RefiData {
  project: ProjectMetaData | null;
  users: UserData[];
  selections: SelectionData[];
  notes: NoteData[];
  noteRefs: NoteRefData[];
  sets: SetData[];
}

export const emptyRefiData = (): RefiData => ({
  project: null,
  users: [],
  selections: [],
  notes: [],
  noteRefs: [],
  sets: [],
});

export interface StudyData {
  /** `text` and `docx`: one transcript as a plain-text source (no codes or segments). */
  format:
    | 'qdpx'
    | 'qde'
    | 'csv-participants'
    | 'csv-segments'
    | 'csv-observations'
    | 'json'
    | 'text'
    | 'docx';
  participants: ParticipantData[];
  documents: DocumentData[];
  codes: CodeData[];
  segments: SegmentData[];
  observations: ObservationData[];
  offsetDecisions: OffsetDecisionReport[];
  unmappedCodes: UnmappedCodeReport[];
  warnings: string[];
  refi: RefiData;
}

export function emptyStudyData(format: StudyData['format']): StudyData {
  return {
    format,
    participants: [],
    documents: [],
    codes: [],
    segments: [],
    observations: [],
    offsetDecisions: [],
    unmappedCodes: [],
    warnings: [],
    refi: emptyRefiData(),
  };
}
