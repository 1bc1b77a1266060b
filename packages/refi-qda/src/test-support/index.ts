/** Test helpers other packages' tests may use: fixture paths and synthetic projects (`@peerbridge/refi-qda/testing`). */

export {
  CANARY,
  CANARY_IDS,
  CANARY_NAMES,
  CANARY_SELECTIONS,
  CANARY_TEXT_1,
  CANARY_TEXT_2,
  canaryIn,
  canaryQde,
  canaryQdpx,
  selectionRange,
} from './canary-project';
export { fixtures, NVIVO_SAMPLE, sharedSample } from './fixtures';
export {
  type LargeProjectOptions,
  type LargeProjectSummary,
  largeGuid,
  writeLargeQdpx,
} from './large-project';
export { NVIVO_LIKE, nvivoLikeQde, nvivoLikeQdpx } from './nvivo-like-project';
export { diffTrees, pruneTree, qdeTree, type XNode } from './qde-tree';
export { buildZip, type RawEntry } from './raw-zip';
export { RICH, RICH_INLINE_TEXT, RICH_TEXT, type RichOptions, richQde, richQdpx } from './rich-project';
export { syntheticQdpx } from './synthetic-project';
export { readZipEntries } from './zip-entries';
