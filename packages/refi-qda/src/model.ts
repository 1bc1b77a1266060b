/** The plain typed model of a REFI-QDA project that the reader returns and the writer accepts. */

/**
 * GUIDs are stored lower-case without braces (`{ABC-...}` and `abc-...` are the same object in REFI-QDA), so
 * references can be matched with `===`.
 */
export type Guid = string;

/** Who created/changed an object and when; all optional because exports differ in what they fill in. */
export interface Audit {
  creatingUser?: Guid | undefined;
  creationDateTime?: string | undefined;
  modifyingUser?: Guid | undefined;
  modifiedDateTime?: string | undefined;
}

export interface User {
  guid: Guid;
  name?: string | undefined;
  /** Short id some tools write (NVivo: initials). */
  id?: string | undefined;
}

export interface Code {
  guid: Guid;
  /** Kept exactly as written: ATLAS.ti writes flat names like `Coke::diet Coke`, which are not split. */
  name: string;
  /** `false` for folders that only group other codes. */
  isCodable: boolean;
  color?: string | undefined;
  description?: string | undefined;
  noteRefs: Guid[];
  children: Code[];
}

export interface Coding {
  guid: Guid;
  codeGuid: Guid;
  creatingUser?: Guid | undefined;
  creationDateTime?: string | undefined;
  noteRefs: Guid[];
}

/**
 * A coded span of a text source.
 *
 * `start`/`end` use the package's ONE offset convention: UTF-16 code units (JavaScript string indices), end
 * exclusive, over the source text with a leading BOM removed and line breaks kept exactly as in the file. So
 * `content.slice(start, end) === text`. `written` keeps the numbers as they were in the file.
 * When the source text is not available (bare .qde, missing entry), `text` is null and `start`/`end` equal
 * the written numbers, unconverted.
 */
export interface TextSelection extends Audit {
  guid: Guid;
  name?: string | undefined;
  description?: string | undefined;
  start: number;
  end: number;
  text: string | null;
  written: { start: number; end: number };
  codings: Coding[];
  noteRefs: Guid[];
}

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface VariableValue {
  variableGuid: Guid;
  type: VariableType;
  /** Text, Date and DateTime stay strings as written; Integer and Float become numbers; Boolean a boolean. */
  value: string | number | boolean;
}

/** Where a text source's plain text lives. */
export type TextLocation = 'inline' | 'internal' | 'relative' | 'absolute' | 'none';

export interface TextSource extends Audit {
  kind: 'text';
  guid: Guid;
  name?: string | undefined;
  description?: string | undefined;
  plainTextPath?: string | undefined;
  richTextPath?: string | undefined;
  textLocation: TextLocation;
  /** False when the text could not be read (warning given); then selection texts are null. */
  textAvailable: boolean;
  selections: TextSelection[];
  /** Codings of the whole source (not of a selection). */
  codings: Coding[];
  noteRefs: Guid[];
  variableValues: VariableValue[];
  /** The whole plain text (BOM removed); only filled when asked for (`includeSourceText`) or when writing. */
  content?: string | undefined;
}

export type MediaKind = 'pdf' | 'picture' | 'audio' | 'video';

/** PDF, picture, audio and video sources are listed (so references resolve) but their selections are skipped. */
export interface MediaSource extends Audit {
  kind: MediaKind;
  guid: Guid;
  name?: string | undefined;
  description?: string | undefined;
  path?: string | undefined;
  /** How many selections of this source were not imported. */
  skippedSelections: number;
}

export type Source = TextSource | MediaSource;

export interface Case {
  guid: Guid;
  name?: string | undefined;
  description?: string | undefined;
  codeRefs: Guid[];
  variableValues: VariableValue[];
  /** From `<SourceRef>` (spec) and `<MemberSource>` (written by some tools). */
  sourceRefs: Guid[];
  selectionRefs: Guid[];
}

export interface Variable {
  guid: Guid;
  name: string;
  type: VariableType;
  description?: string | undefined;
}

export interface CodeSet {
  guid: Guid;
  name: string;
  description?: string | undefined;
  memberCodes: Guid[];
  memberSources: Guid[];
  memberNotes: Guid[];
}

export interface Note extends Audit {
  guid: Guid;
  name?: string | undefined;
  description?: string | undefined;
  /** The note's plain text; null when it points at a file that could not be read (warning given). */
  text: string | null;
}

/** One way of counting selection positions that real exports use. */
export interface OffsetConvention {
  /** `codePoint` = Unicode code points (the spec); `utf16` = UTF-16 code units (NVivo for Windows, QualCoder). */
  unit: 'codePoint' | 'utf16';
  /** How many positions a CRLF line break takes: 2 (spec, NVivo) or 1 (ATLAS.ti). */
  crlf: 1 | 2;
  /** Whether a UTF-8 BOM at the start of the .txt takes position 0. */
  bomCounted: boolean;
}

export interface OffsetDecision {
  sourceGuid: Guid;
  /** Null when the text was not available, so nothing could be decided. */
  convention: OffsetConvention | null;
  /** Human-readable why, e.g. which conventions fitted and how they scored. */
  reason: string;
  /** True when conventions giving different texts fitted equally well and the spec's preference decided. */
  ambiguous: boolean;
}

export type WarningCode =
  /** The one summary of everything the model does not keep (media sources and selections, links, graphs ...). */
  | 'not_imported'
  /** An element in a namespace other than REFI-QDA's; it is read by its local name. */
  | 'foreign_namespace'
  /** A violation of the REFI-QDA XSD (element, line and libxml2's message). */
  | 'schema_invalid'
  /** The XML was too big to check against the XSD (limit maxSchemaCheckBytes). */
  | 'schema_not_checked'
  | 'source_text_missing'
  | 'external_source_not_read'
  | 'note_text_missing'
  | 'element_ignored'
  | 'attribute_defaulted'
  | 'offsets_ambiguous'
  | 'dangling_reference';

export interface ImportWarning {
  code: WarningCode;
  message: string;
  guid?: Guid | undefined;
  /** Where in the XML, when the warning is about one element. */
  element?: string | undefined;
  line?: number | undefined;
  /** `not_imported` only: what was left out, by kind (e.g. `{ 'PDFSource': 2, 'PDFSelection': 4, 'Link': 1 }`). */
  counts?: Record<string, number> | undefined;
}

export interface Project extends Audit {
  name: string;
  origin?: string | undefined;
  basePath?: string | undefined;
  description?: string | undefined;
  users: User[];
  /** Top-level codes; children nested. */
  codes: Code[];
  sources: Source[];
  cases: Case[];
  variables: Variable[];
  sets: CodeSet[];
  notes: Note[];
  /** Notes about the project as a whole. */
  noteRefs: Guid[];
  warnings: ImportWarning[];
  offsetDecisions: OffsetDecision[];
}
