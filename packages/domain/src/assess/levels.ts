/** Map a score in [0, 1] to a level with the ruleset's cut points, and compare levels. */
import type { Ruleset } from '../ruleset/ruleset-schema';
import type { Level } from './assessment';

/** The level of a score; `unknown` for null. */
export function levelOf(score: number | null, cuts: Ruleset['levelCuts']): Level {
  if (score === null) return 'unknown';
  if (score >= cuts.severe) return 'severe';
  if (score >= cuts.active) return 'active';
  if (score >= cuts.emerging) return 'emerging';
  return 'none';
}

const rank: Record<Level, number> = { unknown: -1, none: 0, emerging: 1, active: 2, severe: 3 };

/** True when `level` is known and at least `floor` (`unknown` is never at least anything). */
export function atLeast(level: Level, floor: Exclude<Level, 'unknown'>): boolean {
  return rank[level] >= rank[floor];
}
