import { describe, expect, it } from 'vitest';
import { validateCardResponse } from './card-response-form';

const today = '2026-11-26';

describe('validateCardResponse', () => {
  it('refuses an override without a reason, also when it is only spaces', () => {
    expect(
      validateCardResponse({ decision: 'overridden', reason: '   ', ownerUserId: 'u', dueOn: today }, today),
    ).toEqual({
      reason: 'cards.errors.reasonRequired',
    });
  });

  it('accepts an override with a reason', () => {
    expect(
      validateCardResponse(
        { decision: 'overridden', reason: 'Already arranged', ownerUserId: '', dueOn: '' },
        today,
      ),
    ).toEqual({});
  });

  it('needs an owner and a due date that is not in the past to accept', () => {
    expect(
      validateCardResponse({ decision: 'accepted', reason: '', ownerUserId: '', dueOn: '2026-11-01' }, today),
    ).toEqual({
      ownerUserId: 'cards.errors.ownerRequired',
      dueOn: 'cards.errors.duePast',
    });
    expect(
      validateCardResponse(
        { decision: 'accepted', reason: '', ownerUserId: 'u', dueOn: '2026-02-30' },
        today,
      ),
    ).toEqual({
      dueOn: 'cards.errors.dueInvalid',
    });
    expect(
      validateCardResponse({ decision: 'accepted', reason: '', ownerUserId: 'u', dueOn: today }, today),
    ).toEqual({});
  });
});
