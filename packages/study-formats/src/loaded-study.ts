/** A whole study as read back for export, in the study JSON shape (segments carry their text, or null). */
import type { NoteData, NoteRefData, ProjectMetaData, SelectionData, SetData, UserData } from './study-data';
import type { StudyJson } from './study-json-schema';

/** Segments beyond their document's text (a .qde whose texts were not included) have text null. */
export type ExportSegment = Omit<StudyJson['segments'][number], 'text'> & {
  text: string | null;
  id: string;
  /** The imported file's `Coding/@guid` and `Coding/@creatingUser` (null for segments from CSV or JSON). */
  codingGuid?: string | null | undefined;
  codingUser?: string | null | undefined;
};

/** What the study keeps of its REFI-QDA projects beyond segments; written back into a .qdpx export only. */
export interface LoadedRefi {
  /** The imported projects' metadata, first import first. */
  projects: ProjectMetaData[];
  users: UserData[];
  selections: SelectionData[];
  notes: NoteData[];
  noteRefs: NoteRefData[];
  sets: SetData[];
  /** Colour and description by code GUID (codes that have either). */
  codes: Record<string, { color: string | null; description: string | null }>;
}

export interface LoadedStudy extends Omit<StudyJson, 'segments'> {
  segments: ExportSegment[];
  /** Absent when the study holds nothing beyond segments, and in pseudonymised exports. */
  refi?: LoadedRefi | undefined;
}
