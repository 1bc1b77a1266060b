/** What the PSW page's panels need to show evidence, independent of how the API packs it. */
import type { IndicatorId, ObservationSource } from '@peerbridge/domain';

/** One observation as the "why" lists and the history show it. */
export interface ObservationView {
  id: string;
  indicator: IndicatorId;
  value: number | boolean;
  observedAt: string;
  source: ObservationSource;
  /** True for a unit-level observation (it applies to every PSW of the unit). */
  aboutUnit: boolean;
  note?: string | null | undefined;
}

/** One held supervision session. */
export interface SessionView {
  id: string;
  heldOn: string;
  kind: string;
  minutes: number | null;
  /** Whether the session has private notes (their text comes only from "show notes"). */
  hasNotes: boolean;
  /** The notes once revealed; undefined while hidden. */
  privateNotes?: string | null | undefined;
  nothingToRecord?: boolean | undefined;
  /** The revision shown (sent back when amending or voiding) and how many changes the history holds. */
  revision?: number | undefined;
  revisionCount?: number | undefined;
  /** What the supervisor shared with the PSW, and the PSW's comments on it (ADR 0031). */
  sharedSummary?: string | null | undefined;
  peerComments?: ReadonlyArray<{ id: string; body: string; createdAt: string }> | undefined;
  /** Set when voided: listed, but no longer evidence (ADR 0010). */
  voided?: { at: string; byName: string | null; reason: string | null } | null | undefined;
}
