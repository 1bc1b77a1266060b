/**
 * Caseload by need: who needs the supervisor first, and why, in a few words. Pure: the caller passes
 * each PSW's conflicts, actions, supervision dates and new self-reports; the same inputs give the same order.
 */

import type { Level, Trend } from '../assess/assessment';
import type { ConflictId } from '../catalog/conflicts';
import { conflictIds } from '../catalog/conflicts';
import { toDayNumber } from '../dates/iso-date';
import type { Ruleset } from '../ruleset/ruleset-schema';
import { type SupervisionStatus, supervisionStatus } from './supervision-status';

/** One reason a PSW sits where they sit in the caseload, most pressing first. */
export type NeedReason =
  | { readonly code: 'conflict_severe'; readonly conflict: ConflictId }
  | { readonly code: 'conflict_rising'; readonly conflict: ConflictId; readonly level: Level }
  | { readonly code: 'actions_overdue'; readonly count: number; readonly daysLate: number }
  | { readonly code: 'supervision_overdue'; readonly days: number | null }
  | { readonly code: 'new_self_reports'; readonly count: number }
  | { readonly code: 'strain'; readonly level: Level }
  | { readonly code: 'conflict_active'; readonly conflict: ConflictId }
  | { readonly code: 'supervision_due'; readonly days: number | null };

/** Every reason code, most pressing first. */
export const needReasonCodes = [
  'conflict_severe',
  'conflict_rising',
  'actions_overdue',
  'supervision_overdue',
  'new_self_reports',
  'strain',
  'conflict_active',
  'supervision_due',
] as const;
export type NeedReasonCode = (typeof needReasonCodes)[number];

/** What "needs attention today" means: any of these reasons. */
export const attentionReasons: ReadonlySet<NeedReasonCode> = new Set([
  'conflict_severe',
  'conflict_rising',
  'actions_overdue',
  'supervision_overdue',
  'new_self_reports',
]);

/**
 * How much each reason weighs among "the rest" (the fourth tier of the order): severe conflicts, days
 * late and the supervision gap are tiers of their own and come before any sum of these.
 */
const weights: Record<NeedReasonCode, number> = {
  conflict_severe: 50,
  conflict_rising: 30,
  actions_overdue: 25,
  supervision_overdue: 20,
  new_self_reports: 15,
  strain: 8,
  conflict_active: 10,
  supervision_due: 5,
};

/** What `assessNeed` needs about one PSW. */
export interface NeedInput {
  readonly asOf: string;
  readonly startedOn: string;
  readonly lastSessionOn: string | null;
  readonly cadenceDays?: number | undefined;
  readonly ruleset?: Ruleset | undefined;
  readonly conflicts: { readonly [K in ConflictId]: { readonly level: Level; readonly trend: Trend | null } };
  readonly strainLevel: Level;
  /** Open actions whose due date is before `asOf`. */
  readonly overdueActions: number;
  /** Days the most overdue open action is late at `asOf` (0 when none is overdue). */
  readonly daysLate?: number | undefined;
  /** The PSW's own check-ins (distinct days with self-reported observations) since the last session. */
  readonly newSelfReports: number;
}

/**
 * Where a PSW stands in the order of need, compared tier by tier: first the severe conflicts, then how
 * many days the most overdue action is late, then how many days supervision is past the gap limit,
 * then the weighted rest (rising or active conflicts, new self-reports, strain, a session due).
 */
export interface NeedRank {
  readonly severeConflicts: number;
  readonly daysLate: number;
  readonly supervisionDaysOverdue: number;
  readonly rest: number;
}

/** A PSW's need: the rank to order by, whether it needs attention today, and why. */
export interface Need {
  readonly rank: NeedRank;
  readonly attention: boolean;
  readonly reasons: readonly NeedReason[];
  readonly supervision: SupervisionStatus;
}

const levelRank: Record<Level, number> = { unknown: -1, none: 0, emerging: 1, active: 2, severe: 3 };

/** The need of one PSW: reasons sorted most pressing first (then by conflict id). */
export function assessNeed(input: NeedInput): Need {
  const supervision = supervisionStatus(input);
  const reasons: NeedReason[] = [];
  let rest = 0;
  const add = (reason: NeedReason, extra = 0) => {
    reasons.push(reason);
    rest += weights[reason.code] + extra;
  };
  const daysLate = input.overdueActions > 0 ? Math.max(1, input.daysLate ?? 1) : 0;
  for (const conflict of conflictIds) {
    const { level, trend } = input.conflicts[conflict];
    if (level === 'severe') add({ code: 'conflict_severe', conflict });
    // A rising conflict matters once it shows (emerging or worse); rising from nothing to nothing does not.
    if (trend === 'rising' && levelRank[level] >= levelRank.emerging)
      add({ code: 'conflict_rising', conflict, level });
    if (level === 'active' && trend !== 'rising') add({ code: 'conflict_active', conflict });
  }
  if (input.overdueActions > 0)
    add(
      { code: 'actions_overdue', count: input.overdueActions, daysLate },
      Math.min(input.overdueActions, 5) - 1,
    );
  if (supervision.state === 'overdue') add({ code: 'supervision_overdue', days: supervision.daysSinceLast });
  if (supervision.state === 'due') add({ code: 'supervision_due', days: supervision.daysSinceLast });
  if (input.newSelfReports > 0) add({ code: 'new_self_reports', count: input.newSelfReports });
  if (levelRank[input.strainLevel] >= levelRank.active)
    add({ code: 'strain', level: input.strainLevel }, input.strainLevel === 'severe' ? 7 : 0);
  const order = (r: NeedReason) => needReasonCodes.indexOf(r.code);
  reasons.sort((a, b) => order(a) - order(b));
  const rank: NeedRank = {
    severeConflicts: reasons.filter((r) => r.code === 'conflict_severe').length,
    daysLate,
    supervisionDaysOverdue:
      supervision.state === 'overdue' ? toDayNumber(input.asOf) - toDayNumber(supervision.overdueOn) + 1 : 0,
    rest,
  };
  return { rank, attention: reasons.some((r) => attentionReasons.has(r.code)), reasons, supervision };
}

/**
 * Most need first, tier by tier (severe conflicts, days late, supervision gap, the rest); 0 for equal
 * need, so the caller's tie-break (the name) keeps the order stable.
 */
export function compareNeed(a: Pick<Need, 'rank'>, b: Pick<Need, 'rank'>): number {
  return (
    b.rank.severeConflicts - a.rank.severeConflicts ||
    b.rank.daysLate - a.rank.daysLate ||
    b.rank.supervisionDaysOverdue - a.rank.supervisionDaysOverdue ||
    b.rank.rest - a.rank.rest
  );
}
