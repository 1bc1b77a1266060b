/** The PSW's own check-ins and trend (ADR 0040): questions in their words, answers in words, shared or kept, no labels. */
import { checkInTexts } from '@peerbridge/domain';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { threeCheckIns } from '../../test/own-record-fixture';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { OwnCheckInList } from './own-check-in-list';
import { OwnCheckInTrend } from './own-check-in-trend';
import type { OwnCheckInView } from './own-check-in-words';

afterEach(async () => {
  await changeLanguage('en', false);
});

const answersOf = (checkIn: HTMLElement) =>
  within(checkIn)
    .getAllByTestId('own-check-in-answer')
    .map((a) => ({
      shared: a.dataset.shared,
      text: a.textContent,
    }));

describe('OwnCheckInList', () => {
  it('lists each check-in newest first, each answer with its question, in words, shared or kept', () => {
    renderWithProviders(<OwnCheckInList checkIns={threeCheckIns} />);
    const checkIns = screen.getAllByTestId('own-check-in');
    expect(checkIns.map((c) => c.querySelector('h3')?.textContent)).toEqual([
      'Check-in of 28 Nov 2026',
      'Check-in of 14 Nov 2026',
      'Check-in of 31 Oct 2026',
    ]);
    expect(answersOf(checkIns[0] as HTMLElement)).toEqual([
      { shared: 'true', text: `${checkInTexts.cooperates_in_team.en}4 of 5 Shared with your supervisor` },
      { shared: 'true', text: `${checkInTexts.private_number_shared.en}Yes Shared with your supervisor` },
      { shared: 'false', text: `${checkInTexts.stress.en}4 of 5 Kept for yourself` },
    ]);
  });

  it('says so when there is none, or when a check-in had no question answered', () => {
    const { unmount } = renderWithProviders(<OwnCheckInList checkIns={[]} />);
    expect(screen.getByText('You have not checked in yet.')).toBeTruthy();
    unmount();
    const nothingAnswered: OwnCheckInView = {
      id: 'c9',
      answeredOn: '2026-12-01',
      answers: [],
      burnout: null,
    };
    renderWithProviders(<OwnCheckInList checkIns={[nothingAnswered]} />);
    expect(screen.getByTestId('own-check-in').textContent).toBe(
      'Check-in of 1 Dec 2026No check-in question was answered this time.',
    );
  });

  it('reads in Czech', async () => {
    await changeLanguage('cs', false);
    renderWithProviders(<OwnCheckInList checkIns={threeCheckIns.slice(0, 1)} />);
    const answers = answersOf(screen.getByTestId('own-check-in'));
    expect(answers[0]?.text).toBe(`${checkInTexts.cooperates_in_team.cs}4 z 5 Sdíleno se supervizorem`);
    expect(answers[2]?.text).toBe(`${checkInTexts.stress.cs}4 z 5 Ponecháno jen pro vás`);
  });
});

describe('OwnCheckInTrend', () => {
  it('shows per answered question how the answers moved, oldest first, as a picture and a table', () => {
    renderWithProviders(<OwnCheckInTrend checkIns={threeCheckIns} />);
    expect(screen.getByText('Your last 3 check-ins, oldest first. Only you see this.')).toBeTruthy();
    const table = screen.getByTestId('own-trend-table');
    const rows = [...table.querySelectorAll('tr')].map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Question', '31 Oct 2026', '14 Nov 2026', '28 Nov 2026'],
      [checkInTexts.cooperates_in_team.en, '2 of 5', '3 of 5', '4 of 5'],
      [checkInTexts.private_number_shared.en, '–', '–', 'Yes'],
      [checkInTexts.stress.en, '2 of 5', '–', '4 of 5'],
    ]);
    const lines = screen.getByTestId('own-trend-lines').textContent ?? '';
    expect(lines).toContain(`${checkInTexts.stress.en}2 of 5 → 4 of 5`);
    // Answered once: the answer, no movement.
    expect(lines).toContain(`${checkInTexts.private_number_shared.en}Yes${checkInTexts.stress.en}`);
  });

  it('keeps the picture out of the tab order and the screen reader, and puts no label on the person', () => {
    renderWithProviders(<OwnCheckInTrend checkIns={threeCheckIns} />);
    const picture = screen.getByTestId('chart-picture');
    expect(picture.getAttribute('aria-hidden')).toBe('true');
    expect(picture.hasAttribute('inert')).toBe(true);
    expect(picture.querySelectorAll('a, button, input, [tabindex]')).toHaveLength(0);
    // One line per answered question, a dot per answer: stress was skipped in the middle check-in.
    const lines = screen.getAllByTestId('own-sparkline');
    expect(lines.map((l) => l.querySelectorAll('circle').length)).toEqual([3, 1, 2]);
    const text = document.body.textContent ?? '';
    for (const label of ['Severe', 'Active', 'Emerging', 'burnout', 'risk', 'score', '%'])
      expect(text).not.toContain(label);
  });

  it('spans the newest ten check-ins, and says how it will fill when there is none', () => {
    const many: OwnCheckInView[] = Array.from({ length: 12 }, (_, i) => ({
      id: `c${i}`,
      answeredOn: `2026-11-${String(28 - i).padStart(2, '0')}`,
      answers: [{ indicator: 'stress', value: (i % 5) + 1, shared: false }],
      burnout: null,
    }));
    const { unmount } = renderWithProviders(<OwnCheckInTrend checkIns={many} />);
    const header = screen.getByTestId('own-trend-table').querySelectorAll('thead th');
    expect(header).toHaveLength(11);
    expect(header[1]?.textContent).toBe('19 Nov 2026');
    expect(header[10]?.textContent).toBe('28 Nov 2026');
    unmount();
    renderWithProviders(<OwnCheckInTrend checkIns={[]} />);
    expect(
      screen.getByText(
        'Once you have answered a check-in, you can see here how your answers move over time.',
      ),
    ).toBeTruthy();
    expect(screen.queryByTestId('chart-picture')).toBeNull();
  });
});
