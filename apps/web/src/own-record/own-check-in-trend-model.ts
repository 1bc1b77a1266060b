/** The trend's numbers: the last check-ins oldest first, and per answered question its answer in each. */
import { type CheckInIndicatorId, checkInIndicatorIds } from '@peerbridge/domain';
import type { OwnCheckInView } from './own-check-in-words';

/** How many check-ins the trend spans (the newest ones). */
export const TREND_CHECK_INS = 10;

export interface OwnTrendRow {
  indicator: CheckInIndicatorId;
  /** One per check-in in `dates`; null where the question was skipped. */
  values: (number | boolean | null)[];
  first: number | boolean | null;
  last: number | boolean | null;
  /** How many of the check-ins answered it. */
  answered: number;
}

export interface OwnTrend {
  /** The check-ins' days, oldest first. */
  dates: string[];
  /** The questions answered at least once, in the check-in's order. */
  rows: OwnTrendRow[];
}

/** From the check-ins newest first (as the list holds them). */
export function trendOf(newestFirst: readonly OwnCheckInView[]): OwnTrend {
  const shown = newestFirst.slice(0, TREND_CHECK_INS).reverse();
  const rows: OwnTrendRow[] = [];
  for (const indicator of checkInIndicatorIds) {
    const values = shown.map((c) => c.answers.find((a) => a.indicator === indicator)?.value ?? null);
    const answered = values.filter((v) => v !== null);
    if (answered.length === 0) continue;
    rows.push({
      indicator,
      values,
      first: answered[0] ?? null,
      last: answered[answered.length - 1] ?? null,
      answered: answered.length,
    });
  }
  return { dates: shown.map((c) => c.answeredOn), rows };
}

/** One scale's scores over the trend's check-ins, oldest first: only the sittings that have a score. */
export interface OwnBurnoutRow {
  scale: 'personal' | 'work';
  scores: { on: string; score: number }[];
}

/**
 * The burnout scale scores of the same check-ins as `trendOf`, oldest first (scales never scored are left
 * out), and how many of those check-ins have a score.
 */
export function burnoutTrendOf(newestFirst: readonly OwnCheckInView[]): {
  sittings: number;
  rows: OwnBurnoutRow[];
} {
  const shown = newestFirst.slice(0, TREND_CHECK_INS).reverse();
  const sittings = shown.filter((c) => c.burnout?.personal != null || c.burnout?.work != null).length;
  const rows: OwnBurnoutRow[] = [];
  for (const scale of ['personal', 'work'] as const) {
    const scores = shown.flatMap((c) => {
      const score = c.burnout?.[scale] ?? null;
      return score === null ? [] : [{ on: c.answeredOn, score }];
    });
    if (scores.length > 0) rows.push({ scale, scores });
  }
  return { sittings, rows };
}
