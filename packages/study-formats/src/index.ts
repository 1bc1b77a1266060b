/** Public API of @peerbridge/study-formats: the pure readers and writers of study files (CSV, JSON, mapping, REFI-QDA to study data). */

export { type CodebookFormat, codebookCounts, codebookFileText } from './codebook-file';
export {
  type CsvRow,
  type CsvTable,
  detectDelimiter,
  parseCsvText,
  requireColumns,
  validateRows,
} from './csv-file';
export { CSV_NAMESPACE, codeGuidFor, documentGuidFor, selectionGuidFor } from './csv-guids';
export { type CsvCell, type CsvWriteOptions, csvLine, escapeFormula, quoteCell, toCsv } from './csv-writer';
export { type ExistingStudy, emptyExistingStudy } from './existing-study';
export { sha256OfFile } from './file-hash';
export { detectInputKind, type InputKind } from './file-kind';
export { locatePath, parseJsonText, readJsonFile, stripBom, zodErrorToInputError } from './json-file';
export { findJsonSyntaxProblem, type JsonSyntaxProblem } from './json-syntax';
export type { ExportSegment, LoadedRefi, LoadedStudy } from './loaded-study';
export {
  defaultMapping,
  type MappingFile,
  mappingFileSchema,
  parseMappingText,
  participantRules,
  readMappingFile,
} from './mapping-file';
export {
  attributeFor,
  type KnownAttribute,
  knownAttributes,
  parseSetting,
  participantFromVariables,
} from './participant-variables';
export { type Progress, silentProgress } from './progress';
export { MIN_PSEUDONYM_KEY_BYTES, pseudonymKeyOf } from './pseudonym-key';
export { type CsvKind, detectCsvKind, readCsvStudyData } from './read-csv';
export { readJsonStudyData } from './read-json';
export { type PlainSourceKind, readPlainSource } from './read-plain-source';
export {
  type CoderSegments,
  type RefiReadOptions,
  type RefiStreamSummary,
  readRefiProject,
  streamRefiProject,
} from './read-refi-project';
export * from './study-data';
export { type InputLocation, StudyInputError, type StudyInputErrorCode } from './study-input-error';
export { STUDY_JSON_FORMAT, STUDY_JSON_VERSION, type StudyJson, studyJsonSchema } from './study-json-schema';
export {
  CODE_PATH_SEPARATOR,
  codeCsvHeader,
  codePaths,
  participantCsvHeader,
  type StudyCsvOptions,
  type StudyCsvTable,
  segmentCsvHeader,
  studyCsvTables,
  studyToCsv,
} from './study-to-csv';
export { type QdpxModel, studyToProject } from './study-to-qdpx';
export { readBytes, readTextFile } from './text-file';
export { type LineColumn, lineColumnAt } from './text-position';
export { timeOrderedId } from './time-ordered-id';
export { defaultAllowVariables, normalizeVariableName } from './variable-allowlist';
