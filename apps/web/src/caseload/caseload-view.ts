/** The caseload table's logic, kept out of the component: days since supervision, overdue, filter and sort (need first). */
import { compareNeed, type Level, supervisionStatus } from '@peerbridge/domain';
import type { RouterOutputs } from '../api/trpc';
import { daysBetween } from '../dates/iso-dates';
import { levelRank } from '../ui/level-rank';

export type CaseloadEntry = RouterOutputs['supervision']['caseload']['workers'][number];

export const sortKeys = [
  'need',
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
  /** Only the PSWs who need attention today (domain `assessNeed`). */
  attentionOnly: boolean;
  sortBy: SortKey;
  direction: 'asc' | 'desc';
}

export const defaultCaseloadQuery: CaseloadQuery = {
  search: '',
  setting: 'all',
  overdueOnly: false,
  attentionOnly: false,
  sortBy: 'need',
  direction: 'desc',
};

export { daysBetween };

/**
 * Supervision overdue by the one rule the domain uses for the `supervision_gap` finding: the
 * organisation's cadence times the ruleset's gap factor, counted from the last session or, with none,
 * from the start in post.
 */
export function isOverdue(
  entry: Pick<CaseloadEntry, 'lastSessionOn' | 'startedOn'>,
  asOf: string,
  cadenceDays: number,
): boolean {
  return (
    supervisionStatus({ asOf, startedOn: entry.startedOn, lastSessionOn: entry.lastSessionOn, cadenceDays })
      .state === 'overdue'
  );
}

/** Past the cadence but not yet overdue: a session is due. */
export function isDue(
  entry: Pick<CaseloadEntry, 'lastSessionOn' | 'startedOn'>,
  asOf: string,
  cadenceDays: number,
): boolean {
  return (
    supervisionStatus({ asOf, startedOn: entry.startedOn, lastSessionOn: entry.lastSessionOn, cadenceDays })
      .state === 'due'
  );
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
    case 'need':
      // compareNeed puts the greater need first; the sign below flips it for "desc" (the default).
      return -compareNeed(a.need, b.need);
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
      (!query.attentionOnly || e.need.attention) &&
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

/** Who needs attention today, in caseload order (the summary strip). */
export function needingAttention(entries: readonly CaseloadEntry[], language: string): CaseloadEntry[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return entries
    .filter((e) => e.need.attention)
    .sort((a, b) => compareNeed(a.need, b.need) || collator.compare(a.displayName, b.displayName));
}
