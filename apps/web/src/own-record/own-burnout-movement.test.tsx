/** The burnout answers kept for the PSW (ADR 0045): a plain movement per scale, no label, no cut-off. */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { checkInsWithBurnout, threeCheckIns } from '../../test/own-record-fixture';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { OwnBurnoutMovement } from './own-burnout-movement';
import { OwnCheckInList } from './own-check-in-list';

afterEach(async () => {
  await changeLanguage('en', false);
});

const movements = () => screen.getAllByTestId('own-burnout-movement').map((m) => m.textContent);

describe('OwnBurnoutMovement', () => {
  it('shows each scale as a movement over the check-ins, oldest first, kept for the person', () => {
    renderWithProviders(<OwnBurnoutMovement checkIns={checkInsWithBurnout} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Questions just for you');
    expect(screen.getByText('Kept for yourself')).toBeTruthy();
    expect(
      screen.getByText(
        'From your last 2 check-ins with these questions, oldest first. No one else sees these answers.',
      ),
    ).toBeTruthy();
    expect(movements()).toEqual([
      'Your answers on the questions about how you have been lately, 0 = never, 100 = always: 50 → 46',
      'Your answers on the work-related questions, 0 = never, 100 = always: 40 → 35',
    ]);
    const text = document.querySelector('section')?.textContent ?? '';
    expect(text).toContain('40 → 35');
    for (const label of ['burnout', 'Burnout', 'risk', 'high', 'low', 'score', '%', 'Severe'])
      expect(text).not.toContain(label);
  });

  it('leaves out a scale never scored, and shows nothing when the questions were never answered', () => {
    const onlyWork = checkInsWithBurnout.map((c) => ({
      ...c,
      burnout: c.burnout ? { personal: null, work: c.burnout.work } : null,
    }));
    const { unmount } = renderWithProviders(<OwnBurnoutMovement checkIns={onlyWork} />);
    expect(movements()).toEqual([
      'Your answers on the work-related questions, 0 = never, 100 = always: 40 → 35',
    ]);
    unmount();
    const { container } = renderWithProviders(<OwnBurnoutMovement checkIns={threeCheckIns} />);
    expect(container.querySelector('section')).toBeNull();
    expect(screen.queryByTestId('own-burnout-movement')).toBeNull();
  });

  it('shows each sitting in the check-in list, kept, and says when too few were answered for a number', () => {
    renderWithProviders(
      <OwnCheckInList
        checkIns={[
          { id: 'c9', answeredOn: '2026-12-01', answers: [], burnout: { personal: null, work: null } },
          ...checkInsWithBurnout,
        ]}
      />,
    );
    const sittings = screen.getAllByTestId('own-check-in-burnout').map((b) => b.textContent);
    expect(sittings).toEqual([
      'You answered a few of the questions just for you, too few to sum up.Kept for yourself',
      'Your answers on the questions about how you have been lately, 0 = never, 100 = always: 46Your answers on the work-related questions, 0 = never, 100 = always: 35Kept for yourself',
      'Your answers on the questions about how you have been lately, 0 = never, 100 = always: 50Your answers on the work-related questions, 0 = never, 100 = always: 40Kept for yourself',
    ]);
  });

  it('reads in Czech', async () => {
    await changeLanguage('cs', false);
    renderWithProviders(<OwnBurnoutMovement checkIns={checkInsWithBurnout} />);
    expect(screen.getByText('Ponecháno jen pro vás')).toBeTruthy();
    expect(movements()).toEqual([
      'Vaše odpovědi na otázky o tom, jak se v poslední době máte, 0 = nikdy, 100 = vždy: 50 → 46',
      'Vaše odpovědi na otázky o práci, 0 = nikdy, 100 = vždy: 40 → 35',
    ]);
    expect(
      screen.getByText(
        'Z vašich posledních 2 ohlédnutí s těmito otázkami, od nejstaršího. Tyto odpovědi nikdo jiný nevidí.',
      ),
    ).toBeTruthy();
  });
});
