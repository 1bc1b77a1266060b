/** Safety limits applied while reading untrusted REFI-QDA files, with their defaults. */

export interface ReadLimits {
  /** Most entries a .qdpx may hold (checked from the central directory before anything is read). */
  maxEntries: number;
  /** Largest uncompressed size of any single zip entry, declared or actually inflated. */
  maxEntryBytes: number;
  /** Largest sum of declared uncompressed sizes over all entries. */
  maxTotalBytes: number;
  /** Highest uncompressed/compressed ratio allowed for entries bigger than `ratioCheckMinBytes`. */
  maxCompressionRatio: number;
  /** Entries smaller than this are not ratio-checked (tiny files compress oddly and cannot hurt). */
  ratioCheckMinBytes: number;
  /** Largest plain-text source loaded into memory at once (one source is held while its selections are sliced). */
  maxSourceTextBytes: number;
  /** Largest project XML (.qde) streamed through the parser. */
  maxXmlBytes: number;
  /** Deepest element nesting accepted in the XML (deep code trees are fine, pathological nesting is not). */
  maxXmlDepth: number;
  /**
   * Project XML up to this size is also checked against the REFI-QDA XSD (libxml2), each violation becoming a
   * `schema_invalid` warning; bigger XML is not checked (a `schema_not_checked` warning says so). 0 turns it off.
   */
  maxSchemaCheckBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxEntries: 100_000,
  maxEntryBytes: 1024 * MiB,
  maxTotalBytes: 8 * 1024 * MiB,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: MiB,
  maxSourceTextBytes: 256 * MiB,
  maxXmlBytes: 1024 * MiB,
  maxXmlDepth: 256,
  maxSchemaCheckBytes: 64 * MiB,
});

export function resolveLimits(partial: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}

/**
 * The limits a study import reads with (the streaming path), tighter where memory is at stake, so an import of
 * any size stays within its memory budget (about 250 MB peak RSS) or is refused up front naming the limit:
 * - `maxSourceTextBytes` 32 MiB: one source is held at a time, as bytes and as decoded text (up to twice its
 *   bytes in UTF-16); a bigger plain-text entry is refused before anything is parsed.
 * - `maxSchemaCheckBytes` 8 MiB: the XSD check needs the whole XML and libxml2's tree of it in memory; bigger
 *   projects are imported without it (a `schema_not_checked` warning says so).
 * Everything else (entries, XML size, nesting, zip ratios) is as in `DEFAULT_LIMITS`. The number of documents,
 * selections and codings is not limited: they stream.
 */
export const IMPORT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  ...DEFAULT_LIMITS,
  maxSourceTextBytes: 32 * MiB,
  maxSchemaCheckBytes: 8 * MiB,
});
