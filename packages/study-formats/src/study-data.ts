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
  coder: string | null;
  createdAt: string | null;
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

export interface StudyData {
  format: 'qdpx' | 'qde' | 'csv-participants' | 'csv-segments' | 'csv-observations' | 'json';
  participants: ParticipantData[];
  documents: DocumentData[];
  codes: CodeData[];
  segments: SegmentData[];
  observations: ObservationData[];
  offsetDecisions: OffsetDecisionReport[];
  unmappedCodes: UnmappedCodeReport[];
  warnings: string[];
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
  };
}
