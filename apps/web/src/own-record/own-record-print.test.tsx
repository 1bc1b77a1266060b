/** The printable own record (ADR 0040): sessions with shared summaries only, actions, picture, check-ins shared or kept. */
import { checkInTexts } from '@peerbridge/domain';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ownDocument, SUPERVISOR_PRIVATE } from '../../test/own-record-fixture';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { OwnRecordPrint } from './own-record-print';

afterEach(async () => {
  await changeLanguage('en', false);
});

describe('OwnRecordPrint', () => {
  it('holds the sessions with the shared summaries, the actions, the picture and every check-in', () => {
    renderWithProviders(<OwnRecordPrint document={ownDocument} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('My record: Olga Synthetic');
    expect(screen.getByText('Printed 4 Dec 2026 · Unit North')).toBeTruthy();
    const sessions = screen.getAllByTestId('own-session').map((s) => s.textContent);
    expect(sessions).toHaveLength(2);
    expect(sessions[0]).toContain('20 Nov 2026');
    expect(sessions[0]).toContain('50 min');
    expect(sessions[0]).toContain('We agreed on a work phone for after-hours calls.');
    expect(sessions[0]).toContain('The Tuesday slot works for me.');
    expect(sessions[1]).toContain('Your supervisor shared no summary of this session.');
    const actions = [...screen.getByTestId('print-actions').querySelectorAll('li')].map((a) => a.textContent);
    expect(actions).toEqual([
      'Ask for a work phone: Due 10 Dec 2026',
      'Agree on office hours: Done 25 Nov 2026 · Done',
    ]);
    expect(screen.getAllByTestId('own-conflict')).toHaveLength(
      Object.keys(ownDocument.picture.explanation.conflicts).length,
    );
    const checkIns = screen.getByTestId('print-check-ins');
    expect(checkIns.querySelectorAll('[data-testid=own-check-in]')).toHaveLength(3);
    const kept = [...checkIns.querySelectorAll('[data-testid=own-check-in-answer][data-shared=false]')].map(
      (a) => a.textContent,
    );
    expect(kept).toEqual([
      `${checkInTexts.stress.en}4 of 5 Kept for yourself`,
      `${checkInTexts.stress.en}2 of 5 Kept for yourself`,
    ]);
    expect(screen.getByTestId('own-trend-table')).toBeTruthy();
    // The burnout answers kept for them: per sitting in the list, and as a movement.
    expect(checkIns.querySelectorAll('[data-testid=own-check-in-burnout]')).toHaveLength(2);
    expect(screen.getAllByTestId('own-burnout-movement').map((m) => m.textContent)).toEqual([
      'Your answers on the questions about how you have been lately, 0 = never, 100 = always: 50 → 46',
      'Your answers on the work-related questions, 0 = never, 100 = always: 40 → 35',
    ]);
  });

  it("prints nothing of the supervisor's own, and says that only shared summaries are there", () => {
    renderWithProviders(<OwnRecordPrint document={ownDocument} />);
    const text = document.body.textContent ?? '';
    expect(text).not.toContain(SUPERVISOR_PRIVATE);
    expect(text).not.toContain('privateNotes');
    expect(text).toContain(
      'Only the summaries your supervisor shared with you are here; their private notes are not part of your record pages.',
    );
  });

  it('reads in Czech', async () => {
    await changeLanguage('cs', false);
    renderWithProviders(<OwnRecordPrint document={ownDocument} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Můj záznam: Olga Synthetic');
    expect(screen.getByText('Moje ohlédnutí')).toBeTruthy();
    // Two kept answers and two sittings of the burnout questions in the list, and their movement.
    expect(screen.getAllByText('Ponecháno jen pro vás')).toHaveLength(5);
    expect(screen.getAllByText('Sdíleno se supervizorem')).toHaveLength(4);
  });
});
