/** Public API of @peerbridge/refi-qda: streaming REFI-QDA (.qdpx/.qde) reader and .qdpx/.qdc writer. */

export { type Codebook, readCodebook } from './codebook-reader';
export { type CodebookCode, type CodebookOptions, writeCodebook } from './codebook-writer';
export {
  type CodedSelection,
  type CoderCount,
  type CoderFrom,
  type CoderOptions,
  codedSelections,
  coderOf,
  segmentsPerCoder,
} from './coders';
export { type ErrorLocation, RefiQdaError, type RefiQdaErrorCode } from './errors';
export { DEFAULT_LIMITS, IMPORT_LIMITS, type ReadLimits } from './limits';
export type * from './model';
export { describeConvention, SPEC_CONVENTION } from './offsets';
export { type ReadPhaseTimes, zeroReadPhaseTimes } from './phase-times';
export {
  type LoadedTextSource,
  openProject,
  type ProjectReader,
  type ProjectStreamHandlers,
  type ReadOptions,
  readProject,
  type StreamedProject,
  streamProject,
} from './project-reader';
export {
  buildProjectXml,
  projectZipStream,
  type WriteOptions,
  type WriteResult,
  writeProject,
} from './project-writer';
export { normalizeGuid } from './qde-parser';
export { inflateAllEntries } from './zip-archive';
