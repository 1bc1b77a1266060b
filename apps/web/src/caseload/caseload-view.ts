/** The caseload table's logic, kept out of the component: days since supervision, overdue, filter and sort. */
import type { Level } from '@peerbridge/domain';
import type { RouterOutputs } from '../api/trpc';
import { daysBetween } from '../dates/iso-dates';
import { levelRank } from '../ui/level-rank';

export type CaseloadEntry = RouterOutputs['supervision']['caseload']['workers'][number];

export const sortKeys = [
  'name',
  'unit',
  'tenure',
  'friend_vs_professional',
  'staff_member_vs_expert_by_experience',
  'strain',
  'daysSinceSession',
  'openActions',
] as const;
export type SortKey = (typeof sortKeys)[number];

export interface CaseloadQuery {
  search: string;
  setting: 'all' | 'inpatient' | 'community' | 'other';
  overdueOnly: boolean;
  sortBy: SortKey;
  direction: 'asc' | 'desc';
}

export const defaultCaseloadQuery: CaseloadQuery = {
  search: '',
  setting: 'all',
  overdueOnly: false,
  sortBy: 'daysSinceSession',
  direction: 'desc',
};

export { daysBetween };

/**
 * Overdue when the last session is older than the organisation's cadence, or there has been none
 * although the PSW has been in post longer than one cadence.
 */
export function isOverdue(
  entry: Pick<CaseloadEntry, 'lastSessionOn' | 'startedOn'>,
  asOf: string,
  cadenceDays: number,
): boolean {
  const since = daysBetween(entry.lastSessionOn, asOf);
  if (since === null) return (daysBetween(entry.startedOn, asOf) ?? 0) > cadenceDays;
  return since > cadenceDays;
}

function levelOf(entry: CaseloadEntry, key: SortKey): Level {
  if (key === 'strain') return entry.strain.level;
  if (key === 'friend_vs_professional' || key === 'staff_member_vs_expert_by_experience')
    return entry.conflicts[key].level;
  return 'unknown';
}

function compare(
  a: CaseloadEntry,
  b: CaseloadEntry,
  key: SortKey,
  asOf: string,
  collator: Intl.Collator,
): number {
  switch (key) {
    case 'name':
      return collator.compare(a.displayName, b.displayName);
    case 'unit':
      return collator.compare(a.unit.name, b.unit.name);
    case 'tenure':
      return a.tenureMonths - b.tenureMonths;
    case 'openActions':
      return a.openActions - b.openActions;
    case 'daysSinceSession': {
      // Never supervised counts as the longest gap.
      const da = daysBetween(a.lastSessionOn, asOf) ?? Number.POSITIVE_INFINITY;
      const db = daysBetween(b.lastSessionOn, asOf) ?? Number.POSITIVE_INFINITY;
      return da === db ? 0 : da < db ? -1 : 1;
    }
    default: {
      const byLevel = levelRank[levelOf(a, key)] - levelRank[levelOf(b, key)];
      if (byLevel !== 0) return byLevel;
      const sa = key === 'strain' ? a.strain.value : a.conflicts[key].severity;
      const sb = key === 'strain' ? b.strain.value : b.conflicts[key].severity;
      return (sa ?? -1) - (sb ?? -1);
    }
  }
}

/** Filters and sorts the caseload; ties fall back to the name so the order is stable. */
export function applyCaseloadQuery(
  entries: readonly CaseloadEntry[],
  query: CaseloadQuery,
  asOf: string,
  cadenceDays: number,
  language: string,
): CaseloadEntry[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  const needle = query.search.trim().toLocaleLowerCase(language);
  const filtered = entries.filter(
    (e) =>
      (query.setting === 'all' || e.unit.setting === query.setting) &&
      (!query.overdueOnly || isOverdue(e, asOf, cadenceDays)) &&
      (needle === '' ||
        e.displayName.toLocaleLowerCase(language).includes(needle) ||
        e.unit.name.toLocaleLowerCase(language).includes(needle)),
  );
  const sign = query.direction === 'asc' ? 1 : -1;
  return filtered.sort(
    (a, b) =>
      sign * compare(a, b, query.sortBy, asOf, collator) || collator.compare(a.displayName, b.displayName),
  );
}
