import { catalog } from '@peerbridge/domain';
import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { changeLanguage } from '../i18n/i18n';
import { AgendaSections, type AgendaView } from './agenda-sections';

const empty: AgendaView = {
  lastSessionOn: null,
  since: '2026-09-04',
  actions: [],
  changed: [],
  questions: [],
  selfReports: [],
};

const full: AgendaView = {
  lastSessionOn: '2026-11-20',
  since: '2026-11-20',
  actions: [
    {
      id: 'a1',
      cardId: null,
      title: 'Agree on a work phone',
      owner: { kind: 'member', userId: 'u1', name: 'Sam Supervisor' },
      dueOn: '2026-11-30',
      status: 'open',
    },
  ],
  changed: [
    { indicator: 'stress', before: 2, now: 4, observedOn: '2026-11-28', source: 'self_report' },
    { indicator: 'exhaustion', before: null, now: 3, observedOn: '2026-11-27', source: 'supervision' },
  ],
  questions: [{ indicator: 'stress', question: catalog.indicators.stress.question }],
  selfReports: [{ id: 'o1', indicator: 'stress', value: 4, observedOn: '2026-11-28', note: 'A hard week' }],
};

afterEach(async () => {
  await changeLanguage('en', false);
});

describe('AgendaSections', () => {
  it('says so for each empty section, and counts "since" from the window when no session was held', () => {
    renderWithProviders(<AgendaSections agenda={empty} today="2026-12-04" />);
    expect(screen.getByText('No open actions.')).toBeTruthy();
    expect(screen.getByText('No indicator changed.')).toBeTruthy();
    expect(screen.getByText('Nothing unknown to ask about.')).toBeTruthy();
    expect(screen.getByText('No check-in answers shared since the last session.')).toBeTruthy();
    expect(screen.getByText('Since 4 Sept 2026 (no session yet)')).toBeTruthy();
  });

  it('lists a late action in red, each change from before to now, the questions and the check-in', () => {
    renderWithProviders(<AgendaSections agenda={full} today="2026-12-04" />);
    const actions = screen.getByTestId('agenda-actions');
    expect(actions.textContent).toContain('Agree on a work phone');
    expect(actions.querySelector('[data-overdue=true]')?.textContent).toBe('Late: due 30 Nov 2026');
    const changed = screen.getByTestId('agenda-changed').textContent ?? '';
    expect(changed).toContain('2 of 5 → 4 of 5');
    expect(changed).toContain('new: 3 of 5');
    expect(screen.getByTestId('agenda-questions').textContent).toBe(
      `Worth asking${catalog.indicators.stress.question.en}`,
    );
    expect(screen.getByTestId('agenda-self-reports').textContent).toContain('“A hard week”');
  });

  it('speaks Czech, with the catalog questions in Czech', async () => {
    await changeLanguage('cs', false);
    renderWithProviders(<AgendaSections agenda={full} today="2026-12-04" />);
    expect(screen.getByText('Co se změnilo')).toBeTruthy();
    expect(screen.getByTestId('agenda-questions').textContent).toContain(
      catalog.indicators.stress.question.cs,
    );
  });

  it('offers "confirm for the unit" on a shared unit condition not yet confirmed, and marks a confirmed one', () => {
    const onConfirm = vi.fn();
    const agenda: AgendaView = {
      ...empty,
      selfReports: [
        {
          id: 'desk',
          indicator: 'has_own_workplace',
          value: 0,
          observedOn: '2026-12-01',
          note: null,
          confirmedForUnit: false,
        },
        {
          id: 'meet',
          indicator: 'invited_to_team_meetings',
          value: 1,
          observedOn: '2026-12-01',
          note: null,
          confirmedForUnit: true,
        },
        {
          id: 'team',
          indicator: 'cooperates_in_team',
          value: 4,
          observedOn: '2026-12-01',
          note: null,
          confirmedForUnit: null,
        },
      ],
    };
    const first = renderWithProviders(
      <AgendaSections agenda={agenda} today="2026-12-04" unitConfirm={{ onConfirm, pendingId: null }} />,
    );
    const buttons = screen.getAllByTestId('agenda-confirm-unit');
    expect(buttons).toHaveLength(1);
    fireEvent.click(
      screen.getByRole('button', {
        name: `Confirm for the unit: ${catalog.indicators.has_own_workplace.label.en}`,
      }),
    );
    expect(onConfirm).toHaveBeenCalledWith('desk');
    expect(screen.getByTestId('agenda-self-reports').textContent).toContain('Confirmed for the unit');
    // The printable summary changes nothing: no button there.
    first.unmount();
    renderWithProviders(<AgendaSections agenda={agenda} today="2026-12-04" />);
    expect(screen.queryByTestId('agenda-confirm-unit')).toBeNull();
  });
});
