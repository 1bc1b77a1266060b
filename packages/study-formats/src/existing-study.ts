/** What a study already holds, by the names CSV files use to refer to it (documents, codes, participants). */

export interface ExistingStudy {
  /** Document name -> GUID and text. */
  documentsByName: Map<string, { guid: string; text: string }>;
  /** Code name -> GUID. */
  codesByName: Map<string, string>;
  /** Participant name (pseudonym) and external ref -> external ref. */
  participantsByName: Map<string, string>;
}

export function emptyExistingStudy(): ExistingStudy {
  return { documentsByName: new Map(), codesByName: new Map(), participantsByName: new Map() };
}
