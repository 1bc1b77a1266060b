/** Validation of a card answer before it is sent: an override needs a reason, an acceptance an owner and a due date. */
import { isIsoDate } from '@peerbridge/domain';

export type CardDecision = 'accepted' | 'overridden';

export interface CardResponseDraft {
  decision: CardDecision;
  reason: string;
  ownerUserId: string;
  dueOn: string;
}

/** Which field is wrong, as i18n keys the form shows next to it. */
export type CardResponseErrors = Partial<Record<'reason' | 'ownerUserId' | 'dueOn', string>>;

/** Checks a draft; `today` keeps the check pure. Returns an empty object when it may be sent. */
export function validateCardResponse(draft: CardResponseDraft, today: string): CardResponseErrors {
  const errors: CardResponseErrors = {};
  if (draft.decision === 'overridden') {
    if (draft.reason.trim() === '') errors.reason = 'cards.errors.reasonRequired';
    return errors;
  }
  if (draft.ownerUserId.trim() === '') errors.ownerUserId = 'cards.errors.ownerRequired';
  if (!isIsoDate(draft.dueOn)) errors.dueOn = 'cards.errors.dueInvalid';
  else if (draft.dueOn < today) errors.dueOn = 'cards.errors.duePast';
  return errors;
}
