/** Lookup of the PeerBridge codebook: indicator by code GUID and by name (English/Czech label or id). */
import { catalog, type IndicatorId, indicatorIds } from '@peerbridge/domain';

export interface CodebookIndex {
  /** Lower-case GUID of a codebook code -> its indicator. */
  readonly byGuid: ReadonlyMap<string, IndicatorId>;
  /** Normalised name (trimmed, lower-case) -> indicator: the id, and the English and Czech labels. */
  readonly byName: ReadonlyMap<string, IndicatorId>;
}

/** A name as names are compared: trimmed, lower-case, inner whitespace collapsed. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A GUID as GUIDs are compared: no braces, lower-case. */
export function normalizeGuid(guid: string): string {
  const trimmed = guid.trim();
  return (trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed).toLowerCase();
}

/** Build the index from the domain catalog and the codebook's indicator GUIDs. */
export function buildCodebookIndex(indicatorGuids: ReadonlyMap<IndicatorId, string>): CodebookIndex {
  const byGuid = new Map<string, IndicatorId>();
  const byName = new Map<string, IndicatorId>();
  for (const id of indicatorIds) {
    const guid = indicatorGuids.get(id);
    if (guid) byGuid.set(normalizeGuid(guid), id);
    const indicator = catalog.indicators[id];
    byName.set(normalizeName(id), id);
    byName.set(normalizeName(indicator.label.en), id);
    byName.set(normalizeName(indicator.label.cs), id);
  }
  return { byGuid, byName };
}
