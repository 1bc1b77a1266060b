/**
 * A per-process, bounded LRU of computed caseloads keyed by organisation, supervisor, `asOf` and the
 * organisation's revision (ADR 0006). The revision lives in the database and every audited write bumps
 * it, so an entry stops matching as soon as any process commits a change: no invalidation messages.
 */
import type { Caseload } from './list-caseload';

export const DEFAULT_CASELOAD_CACHE_ENTRIES = 500;

/** What identifies one cached caseload; the supervisor and organisation keep users apart. */
export interface CaseloadCacheKey {
  organizationId: string;
  supervisorUserId: string;
  asOf: string;
  revision: number;
}

export interface CaseloadCache {
  get(key: CaseloadCacheKey): Caseload | undefined;
  set(key: CaseloadCacheKey, value: Caseload): void;
  readonly size: number;
}

function keyText(key: CaseloadCacheKey): string {
  // JSON keeps the parts apart whatever characters the ids hold.
  return JSON.stringify([key.organizationId, key.supervisorUserId, key.asOf, key.revision]);
}

/** Freezes a cached caseload all the way down: it is shared by every request that hits it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A Map-based LRU: the Map's insertion order is the recency order (a hit is re-inserted at the end). */
export function createCaseloadCache(maxEntries = DEFAULT_CASELOAD_CACHE_ENTRIES): CaseloadCache {
  if (!Number.isInteger(maxEntries) || maxEntries < 1)
    throw new Error(`Caseload cache size must be a positive integer, got ${String(maxEntries)}`);
  const entries = new Map<string, Caseload>();
  return {
    get(key) {
      const text = keyText(key);
      const hit = entries.get(text);
      if (hit === undefined) return undefined;
      entries.delete(text);
      entries.set(text, hit);
      return hit;
    },
    set(key, value) {
      const text = keyText(key);
      entries.delete(text);
      entries.set(text, deepFreeze(value));
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    get size() {
      return entries.size;
    },
  };
}
