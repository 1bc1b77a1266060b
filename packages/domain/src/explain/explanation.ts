/** The shape of the plain-words explanation that `assess` returns beside its numbers (ADR 0019). */

import type { Level, Trend } from '../assess/assessment';
import type { ConflictId } from '../catalog/conflicts';
import type { IndicatorId } from '../catalog/indicator-ids';
import type { LocalizedText } from '../catalog/localized-text';
import type { RoleId } from '../catalog/roles';
import type { ObservationSource } from '../evidence/observation';

/** One recorded fact behind a sentence: what, when, from whom; counts are for the stated window only. */
export interface ExplainedFact {
  readonly indicator: IndicatorId;
  readonly value: number | boolean;
  /** The latest observation date behind the value. */
  readonly lastObservedOn: string;
  /** The distinct sources, sorted. */
  readonly sources: readonly ObservationSource[];
  /** For events: the count in the current window (never added across windows). */
  readonly countInWindow: number | null;
  /** True when the fact was recorded about the unit, not the PSW. */
  readonly unitLevel: boolean;
  readonly observationIds: readonly string[];
}

/** A question to ask next, from the catalog, for an indicator nobody has recorded in the window. */
export interface NextQuestion {
  readonly indicator: IndicatorId;
  readonly question: LocalizedText;
}

/** One number of the model with what it means, for the optional "how the model decided" section. */
export interface ModelLine {
  readonly name: 'tension' | 'protection' | 'context' | 'strain_term' | 'severity' | 'level_cuts' | 'weight';
  readonly indicator?: IndicatorId;
  /** A number, or a short text such as the cut points "0.15 / 0.35 / 0.6". */
  readonly value: number | string;
  readonly label: LocalizedText;
  readonly meaning: LocalizedText;
}

/** The words of one conflict: a headline and four short parts, for one reader (ADR 0045). */
export interface ConflictWords {
  /** One or two sentences a supervisor can repeat (or the person can read about themselves). */
  readonly headline: LocalizedText;
  /** What raised it: the signs present, with dates and sources. */
  readonly raised: LocalizedText;
  /** What eases it: protections present, labelled as protections (and protections known to be missing). */
  readonly eased: LocalizedText;
  /** What is unknown, and the questions to ask next. */
  readonly unknown: LocalizedText;
  /** How it moved since the previous window. */
  readonly moved: LocalizedText;
}

/**
 * One conflict in plain words: the supervisor's headline and four short parts, the same facts written to
 * the person (`toPerson`, "you"), then the model's numbers apart.
 */
export interface ConflictExplanation extends ConflictWords {
  readonly conflict: ConflictId;
  readonly level: Level;
  readonly trend: Trend | null;
  /** The same explanation addressed to the peer worker it is about. */
  readonly toPerson: ConflictWords;
  readonly signs: readonly ExplainedFact[];
  /** Markers recorded and not present (e.g. a workplace of their own): they raise nothing. */
  readonly notPresent: readonly ExplainedFact[];
  readonly protections: readonly ExplainedFact[];
  readonly missingProtections: readonly ExplainedFact[];
  readonly questions: readonly NextQuestion[];
  readonly model: readonly ModelLine[];
}

/** Why a role shows as unknown while a conflict it belongs to is high; null when that is not the case. */
export interface RoleExplanation {
  readonly role: RoleId;
  readonly text: LocalizedText;
  /** The same, addressed to the peer worker. */
  readonly toPerson: LocalizedText;
  readonly questions: readonly NextQuestion[];
}

/** Everything `assess` says in words. */
export interface Explanation {
  /** The window the counts are for, `(from, to]`, and its length. */
  readonly window: { readonly from: string; readonly to: string; readonly days: number };
  readonly conflicts: { readonly [K in ConflictId]: ConflictExplanation };
  /** Only the roles that need a word: unknown while a conflict they belong to is active or severe. */
  readonly roles: readonly RoleExplanation[];
}
