/** An action's title: the catalog card's summary in the viewer's language, or the title someone typed. */
import { type CardId, cardIds, catalog } from '@peerbridge/domain';
import { useLocalized } from '../i18n/localized';

export interface TitledAction {
  cardId: string | null;
  title: string | null;
}

const known: ReadonlySet<string> = new Set(cardIds);
const isCardId = (id: string): id is CardId => known.has(id);

/** The same action has the same title on every page: typed text wins, else the card by id. */
export function useActionTitle(): (item: TitledAction) => string {
  const localized = useLocalized();
  return (item) => {
    if (item.title !== null) return item.title;
    if (item.cardId !== null && isCardId(item.cardId)) return localized(catalog.cards[item.cardId].summary);
    return item.cardId ?? '';
  };
}
