/** The index of the domain codebook (GUIDs from `indicatorGuid`, names from the catalog), built once. */
import { type IndicatorId, indicatorGuid, indicatorIds } from '@peerbridge/domain';
import { buildCodebookIndex, type CodebookIndex } from './codebook-index';

let cached: CodebookIndex | undefined;

export async function loadCodebookIndex(): Promise<CodebookIndex> {
  cached ??= buildCodebookIndex(
    new Map<IndicatorId, string>(indicatorIds.map((id) => [id, indicatorGuid(id)])),
  );
  return cached;
}
