/**
 * A card of a published team or organisation view (ADR 0013): one card per card id, always listed so
 * that a card's presence says nothing, with a count that is shown or hidden by `suppressGroupCounts`.
 * It carries no urgency from any PSW: how urgent one PSW's card is can rest on private answers.
 */
import { cardTexts } from '../catalog/card-texts';
import type { LocalizedText } from '../catalog/localized-text';
import { type CardAudience, type CardId, cardIds } from './card';

/** The cards a team view lists: every card not addressed to the PSW alone. */
export const publishedCardIds: readonly CardId[] = cardIds.filter(
  (id) => cardTexts[id].audience !== 'peer_worker',
);

/** How a published count reads: some PSWs, none, or hidden to protect individuals. */
export type PublishedTone = 'some' | 'none' | 'hidden';

export interface PublishedCard {
  readonly id: CardId;
  readonly audience: CardAudience;
  /** PSWs the card fired for; null when hidden. */
  readonly count: number | null;
  /** PSWs in the group (a fact the viewer already knows). */
  readonly total: number;
  readonly tone: PublishedTone;
  /** E.g. "3 of 12 PSWs on Ward B have had no recent supervision", or why it is not shown. */
  readonly summary: LocalizedText;
  readonly detail: LocalizedText;
  readonly source: { readonly label: string; readonly reference: string };
}

/** Why a count is hidden, in words: the group is under k, or showing it could single someone out. */
export function hiddenReason(total: number, k: number): LocalizedText {
  return total < k
    ? {
        en: `Not shown: the group has fewer than ${k} PSWs.`,
        cs: `Neuvádí se: skupina má méně než ${k} peer pracovníků.`,
      }
    : {
        en: `Not shown: the number could single out a PSW (fewer than ${k} on one side).`,
        cs: `Neuvádí se: číslo by mohlo prozradit konkrétního peer pracovníka (na jedné straně méně než ${k}).`,
      };
}

/** One published card from its (already suppressed) count. */
export function publishedCard(
  id: CardId,
  count: number | null,
  total: number,
  k: number,
  group?: string,
): PublishedCard {
  const text = cardTexts[id];
  const phrase = text.groupPhrase;
  const on = group === undefined ? '' : ` on ${group}`;
  const csGroup = group === undefined ? 'Peer pracovníci' : `${group} – peer pracovníci`;
  let summary: LocalizedText;
  let tone: PublishedTone;
  if (count === null) {
    tone = 'hidden';
    const why = hiddenReason(total, k);
    summary = {
      en: `PSWs${on} who ${phrase.en}: ${why.en}`,
      cs: `${csGroup}, kteří ${phrase.cs}: ${why.cs}`,
    };
  } else if (count === 0) {
    tone = 'none';
    summary = {
      en: `None of the ${total} PSWs${on} ${phrase.en}`,
      cs: `${csGroup}: 0 z ${total} ${phrase.cs}`,
    };
  } else {
    tone = 'some';
    summary = {
      en: `${count} of ${total} PSWs${on} ${phrase.en}`,
      cs: `${csGroup}: ${count} z ${total} ${phrase.cs}`,
    };
  }
  return {
    id,
    audience: text.audience,
    count,
    total,
    tone,
    summary,
    detail: text.detail,
    source: text.source,
  };
}
