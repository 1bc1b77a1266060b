/**
 * The burnout questions of the PSW's check-in (ADR 0041): the organisation's items, one screen per
 * scale, every item skippable (null), the answer in words from "never" to "always". The answers are
 * always kept for the PSW: there is no share choice to make.
 */
import {
  type BurnoutAnswers,
  type BurnoutResponse,
  type BurnoutScale,
  burnoutResponses,
  burnoutScales,
} from '@peerbridge/domain';

/** Per scale, item by item in the published order; null is a skipped item. */
export type BurnoutDraft = Record<BurnoutScale, (BurnoutResponse | null)[]>;

/** The scales in the order the check-in asks them. */
export const burnoutScaleOrder: readonly BurnoutScale[] = ['personal', 'work'];

/** The words the PSW chooses from, "never" first. */
export const burnoutChoices: readonly BurnoutResponse[] = [...burnoutResponses].reverse();

export function emptyBurnoutDraft(): BurnoutDraft {
  return {
    personal: Array<BurnoutResponse | null>(burnoutScales.personal.items).fill(null),
    work: Array<BurnoutResponse | null>(burnoutScales.work.items).fill(null),
  };
}

/** The draft with one item answered (or cleared, with null). */
export function withResponse(
  draft: BurnoutDraft,
  scale: BurnoutScale,
  index: number,
  response: BurnoutResponse | null,
): BurnoutDraft {
  return { ...draft, [scale]: draft[scale].map((r, i) => (i === index ? response : r)) };
}

/** How many items are answered. */
export function answeredBurnout(draft: BurnoutDraft): number {
  return burnoutScaleOrder.reduce((n, s) => n + draft[s].filter((r) => r !== null).length, 0);
}

/** The API's burnout answers, or undefined when no item was answered (nothing is sent). */
export function burnoutAnswersOf(draft: BurnoutDraft): BurnoutAnswers | undefined {
  return answeredBurnout(draft) === 0 ? undefined : { personal: draft.personal, work: draft.work };
}
