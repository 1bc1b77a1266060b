import type { Card } from '@peerbridge/domain';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { RecommendationCards } from './recommendation-cards';

const card: Card = {
  id: 'boundary_strategies',
  indicator: 'warning',
  audience: 'peer_worker',
  sensitive: false,
  summary: { en: 'Agree on boundary strategies', cs: 'Domluvte strategie hranic' },
  detail: {
    en: 'Try these:\n\n- a work phone\n- **fixed** hours',
    cs: 'Zkuste:\n\n- pracovní telefon\n- **pevnou** dobu',
  },
  because: ['friend_vs_professional'],
  source: { label: 'Test source 2022', reference: 'A synthetic reference' },
};

function setup(onRespond = vi.fn(async (_card: Card, _draft: unknown) => {})) {
  renderWithProviders(
    <RecommendationCards
      cards={[card]}
      answers={new Map()}
      actions={new Map()}
      owners={[{ value: 'u1', label: 'Sam Supervisor' }]}
      defaultOwner="u1"
      today="2026-11-26"
      defaultDueOn="2026-12-10"
      onRespond={onRespond}
    />,
  );
  return onRespond;
}

describe('RecommendationCards', () => {
  it('shows summary, detail as a list, and the source', () => {
    setup();
    expect(screen.getByText('Agree on boundary strategies')).toBeTruthy();
    expect(screen.getByText('a work phone').closest('li')).not.toBeNull();
    expect(screen.getByText('fixed').tagName).toBe('STRONG');
    expect(screen.getByText(/Test source 2022/)).toBeTruthy();
  });

  it('refuses an override without a reason and sends nothing', async () => {
    const onRespond = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Override' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Override') as HTMLElement,
    );
    expect(await screen.findByText('A reason is required to override a recommendation.')).toBeTruthy();
    expect(onRespond).not.toHaveBeenCalled();
  });

  it('sends an override with its reason', async () => {
    const onRespond = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Override' }));
    const reason = await screen.findByRole('textbox', { name: /Reason/ });
    fireEvent.change(reason, { target: { value: 'Already in place' } });
    const dialog = screen.getByRole('dialog');
    fireEvent.click(
      Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Override') as HTMLElement,
    );
    await waitFor(() => expect(onRespond).toHaveBeenCalledTimes(1));
    expect(onRespond.mock.calls[0]?.[1]).toMatchObject({
      decision: 'overridden',
      reason: 'Already in place',
    });
  });

  it('accepts with the owner and due date', async () => {
    const onRespond = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Accept') as HTMLElement,
    );
    await waitFor(() => expect(onRespond).toHaveBeenCalledTimes(1));
    expect(onRespond.mock.calls[0]?.[1]).toMatchObject({
      decision: 'accepted',
      ownerUserId: 'u1',
      dueOn: '2026-12-10',
    });
  });
});
