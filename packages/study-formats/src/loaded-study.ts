/** A whole study as read back for export, in the study JSON shape (segments carry their text, or null). */
import type { StudyJson } from './study-json-schema';

/** Segments beyond their document's text (a .qde whose texts were not included) have text null. */
export type ExportSegment = Omit<StudyJson['segments'][number], 'text'> & { text: string | null; id: string };

export interface LoadedStudy extends Omit<StudyJson, 'segments'> {
  segments: ExportSegment[];
}
