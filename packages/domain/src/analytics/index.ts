/** Research analytics (domain.md section 9): agreement, co-occurrence, codebook, interview evidence, cohort, privacy. */
export {
  type AgreementReport,
  type AgreementReportInput,
  type AgreementUnit,
  type AgreementWarning,
  type AlphaLevel,
  agreementReport,
  agreementUnitSchema,
  type CodeAgreement,
  type CoderCoverage,
  type CohenKappaOptions,
  categoriesSchema,
  cohenKappa,
  type IntercoderInput,
  intercoderAgreement,
  type KrippendorffAlphaOptions,
  krippendorffAlpha,
  type Label,
  labelSchema,
  percentAgreement,
  type ReliabilityMatrix,
  type TextUnit,
  textUnits,
  type UnitDocument,
  type UnitizedSpan,
  type UnitizingAlpha,
  type UnitizingInput,
  unitizingAlpha,
} from './agreement';
export {
  CODEBOOK_NAMESPACE,
  type Codebook,
  type CodebookCode,
  codebook,
  groupGuid,
  indicatorGuid,
} from './codebook/codebook';
export { type IndicatorGroupId, indicatorGroup } from './codebook/codebook-groups';
export {
  codebookCsvHeader,
  codebookToCsvRows,
  codeMappingFromCodebook,
  type FlatCode,
  flattenCodebook,
} from './codebook/codebook-rows';
export { codebookCodeSchema, codebookSchema } from './codebook/codebook-schema';
export { codebookToQdcXml, type QdcOptions } from './codebook/qdc-xml';
export { cohortPrevalenceTable } from './cohort/cohort-prevalence-table';
export {
  type CohortInput,
  type CohortParticipant,
  type CohortSummary,
  type ParticipantProfile,
  type Prevalence,
  type PrevalenceGroup,
  summarizeCohort,
} from './cohort/summarize-cohort';
export { isUuid, uuidV5 } from './hashing/uuid-v5';
export { type CodeMapping, type CodeMappingRule, codeMappingSchema } from './interview/code-mapping';
export {
  type SegmentsToObservationsOptions,
  type SegmentsToObservationsResult,
  segmentsToObservations,
  type UnmappedCode,
} from './interview/segments-to-observations';
export { hmacSha256Hex, pseudonymize } from './privacy/pseudonymize';
export {
  type GroupCount,
  type GroupSuppressOptions,
  isSafeCount,
  suppressGroupCounts,
} from './privacy/suppress-group-counts';
export {
  determinedPlaces,
  type SuppressedTable,
  type SuppressionReason,
  type SuppressOptions,
  suppressSmallCells,
} from './privacy/suppress-small-cells';
export { cCoefficient } from './segments/c-coefficient';
export { type CoOccurrenceOptions, type CoOccurrenceRow, coOccurrence } from './segments/co-occurrence';
export { type CountTable, codeDocumentTable } from './segments/code-document-table';
export {
  type CodedSegment,
  codedSegmentSchema,
  codedSegmentsSchema,
  segmentsOverlap,
} from './segments/segment';
