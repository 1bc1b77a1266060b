/** The burnout questions of the check-in: kept for the PSW, answered in words, each item skippable, sent only when answered. */
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { answeredBurnout, burnoutAnswersOf, emptyBurnoutDraft, withResponse } from './burnout-draft';
import { BurnoutStepCard } from './burnout-step-card';

const ITEMS = [
  'A synthetic item about rest',
  'A synthetic item about energy',
  'A synthetic item about sleep',
] as const;

afterEach(async () => {
  await changeLanguage('en', false);
});

describe('the burnout questions', () => {
  it('are marked as kept for the PSW, with every answer in words from never to always and no score', () => {
    renderWithProviders(
      <BurnoutStepCard scale="personal" items={ITEMS} answers={[null, 'often', null]} onChange={() => {}} />,
    );
    expect(screen.getByTestId('check-in-kept').textContent).toBe('Kept for yourself');
    expect(screen.getByText(/never shared with your supervisor/)).toBeTruthy();
    const first = screen.getByRole('radiogroup', { name: ITEMS[0] });
    expect([...first.querySelectorAll('label')].map((l) => l.textContent)).toEqual([
      'Never',
      'Seldom',
      'Sometimes',
      'Often',
      'Always',
    ]);
    expect(screen.getByTestId('check-in-burnout-personal').textContent).not.toMatch(/\d|score|burnout/i);
  });

  it('answers an item, clears it again, and says so in Czech', async () => {
    const onChange = vi.fn();
    const first = renderWithProviders(
      <BurnoutStepCard scale="work" items={ITEMS} answers={[null, 'often', null]} onChange={onChange} />,
    );
    fireEvent.click(screen.getAllByRole('radio', { name: 'Always' })[0] as HTMLElement);
    expect(onChange).toHaveBeenLastCalledWith(0, 'always');
    // Only the answered item offers to clear it.
    fireEvent.click(screen.getByRole('button', { name: 'Clear this answer' }));
    expect(onChange).toHaveBeenLastCalledWith(1, null);
    await changeLanguage('cs', false);
    first.unmount();
    renderWithProviders(
      <BurnoutStepCard scale="work" items={ITEMS} answers={[null, null, null]} onChange={onChange} />,
    );
    expect(screen.getByTestId('check-in-kept').textContent).toBe('Jen pro vás');
    expect(screen.getAllByRole('radio', { name: 'Nikdy' })).toHaveLength(3);
  });

  it('sends nothing while no item is answered, and the skipped items as null', () => {
    const empty = emptyBurnoutDraft();
    expect(burnoutAnswersOf(empty)).toBeUndefined();
    const one = withResponse(withResponse(empty, 'work', 6, 'never'), 'personal', 0, 'sometimes');
    expect(answeredBurnout(one)).toBe(2);
    expect(burnoutAnswersOf(one)).toEqual({
      personal: ['sometimes', null, null, null, null, null],
      work: [null, null, null, null, null, null, 'never'],
    });
    expect(burnoutAnswersOf(withResponse(one, 'work', 6, null))?.work).toEqual(Array(7).fill(null));
  });
});
