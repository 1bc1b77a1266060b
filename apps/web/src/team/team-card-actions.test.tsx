/**
 * Team actions in the portal (ADR 0042): the team view offers its cards to be accepted (not one that
 * applies to no one); the dialog checks the due date, sends one request id however often it is
 * submitted, and keeps the date when refused; the actions table says whom an action is for, in red
 * when late; the usefulness table marks hidden cells with their reason, never as zero, in both languages.
 */
import { publishedCard } from '@peerbridge/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { TeamActionsTable, type TeamActionView } from '../actions/team-actions-table';
import { changeLanguage } from '../i18n/i18n';
import { CardUsefulnessTable, type UsefulnessTableView } from './card-usefulness-table';
import { PublishedCardList } from './published-card-list';
import { TeamCardAcceptDialog } from './team-card-accept-dialog';

afterEach(async () => {
  await changeLanguage('en', false);
});

const dialogProps = {
  title: 'Train the team on peer work',
  unitName: 'Ward C',
  today: '2026-12-04',
  defaultDueOn: '2026-12-18',
  pending: false,
  error: null,
  onClose: () => undefined,
};

describe('team actions', () => {
  it('offers to accept a card that applies or is hidden, not one that applies to no one', () => {
    const onAccept = vi.fn();
    const cards = [
      publishedCard('team_education', 6, 12, 5, 'Ward C'),
      publishedCard('define_psw_position', null, 12, 5, 'Ward C'),
      publishedCard('destigmatization', 0, 12, 5, 'Ward C'),
    ];
    renderWithProviders(<PublishedCardList cards={cards} onAccept={onAccept} />);
    const buttons = screen.getAllByRole('button', { name: /for the team$/ });
    expect(buttons).toHaveLength(2);
    expect(
      within(screen.getByTestId('published-card-destigmatization')).queryByRole('button', { name: /team/ }),
    ).toBeNull();
    fireEvent.click(buttons[0] as HTMLElement);
    expect(onAccept).toHaveBeenCalledTimes(1);
    expect(onAccept.mock.calls[0]?.[0]).toMatchObject({ id: 'team_education' });
    // The action's title is the catalog card's, never the published sentence with its count.
    expect(String(onAccept.mock.calls[0]?.[1])).not.toMatch(/\d+ of \d+/);
  });

  it('shows the open team action of a card, with owner and due date, instead of Accept', () => {
    renderWithProviders(
      <PublishedCardList
        cards={[publishedCard('team_education', 6, 12, 5), publishedCard('define_psw_position', 6, 12, 5)]}
        onAccept={() => undefined}
        openActions={new Map([['team_education', { ownerName: 'Sam Supervisor', dueOn: '2026-12-18' }]])}
      />,
    );
    const card = screen.getByTestId('published-card-team_education');
    expect(within(card).getByTestId('team-card-action').textContent).toMatch(
      /^Team action open: Sam Supervisor, due .*2026/,
    );
    expect(within(card).queryByRole('button', { name: /for the team/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: /for the team$/ })).toHaveLength(1);
  });

  it('shows no accept button where accepting is not offered', () => {
    renderWithProviders(<PublishedCardList cards={[publishedCard('team_education', 6, 12, 5)]} />);
    expect(screen.queryByRole('button', { name: /for the team/ })).toBeNull();
  });

  it('refuses a past or missing due date by name, keeps it, and sends one request id for two submits', async () => {
    const onSubmit = vi.fn(async (_input: { requestId: string; dueOn: string }) => undefined);
    renderWithProviders(<TeamCardAcceptDialog {...dialogProps} onSubmit={onSubmit} />);
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/the team of Ward C/)).toBeTruthy();
    const date = within(dialog).getByLabelText(/Due date/) as HTMLInputElement;
    fireEvent.change(date, { target: { value: '2026-11-30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the action' }));
    expect(await within(dialog).findByText('The due date cannot be in the past.')).toBeTruthy();
    expect(date.value).toBe('2026-11-30');
    fireEvent.change(date, { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the action' }));
    expect(await within(dialog).findByText('Enter a due date.')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(date, { target: { value: '2026-12-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the action' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the action' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    const [first, second] = onSubmit.mock.calls.map((c) => c[0]);
    expect(first?.dueOn).toBe('2026-12-20');
    expect(second?.requestId).toBe(first?.requestId);
  });

  it('shows the server’s refusal in the dialog and says the organisation when there is no unit', async () => {
    renderWithProviders(
      <TeamCardAcceptDialog
        {...dialogProps}
        unitName={null}
        error={{ message: 'This card already has an open action for this team' }}
        onSubmit={async () => undefined}
      />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/the whole organisation/)).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toContain('already has an open action');
  });

  it('lists team actions for whom they are, late ones in red, closed ones with the outcome', () => {
    const base: TeamActionView = {
      id: 'ta-1',
      cardId: 'team_education',
      unit: { unitId: 'unit-1', unitName: 'Ward C' },
      period: '2026-11',
      owner: { userId: 'u-1', name: 'Sam Supervisor' },
      dueOn: '2026-12-01',
      status: 'open',
      outcome: null,
      outcomeNote: null,
      completedAt: null,
      completedByName: null,
      createdAt: '2026-11-20T09:00:00.000Z',
    };
    const onClose = vi.fn();
    renderWithProviders(
      <TeamActionsTable
        items={[
          base,
          {
            ...base,
            id: 'ta-2',
            unit: null,
            status: 'done',
            outcome: 'did_not_help',
            outcomeNote: 'Nobody came',
            completedAt: '2026-12-02T10:00:00.000Z',
            completedByName: 'Sam Supervisor',
          },
        ]}
        today="2026-12-04"
        onClose={onClose}
        onReopen={() => undefined}
        reopening={null}
      />,
    );
    const [open, done] = screen.getAllByTestId('team-action-row');
    expect(within(open as HTMLElement).getByText('the team of Ward C')).toBeTruthy();
    expect(within(open as HTMLElement).getByTestId('action-overdue')).toBeTruthy();
    expect(within(done as HTMLElement).getByText('the whole organisation')).toBeTruthy();
    expect(within(done as HTMLElement).getByTestId('team-action-outcome').textContent).toContain(
      'Did not help',
    );
    expect(within(done as HTMLElement).getByText('Nobody came')).toBeTruthy();
    fireEvent.click(within(open as HTMLElement).getByRole('button', { name: /^Close/ }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('marks hidden usefulness cells with their reason, never as zero, in English and Czech', async () => {
    const table: UsefulnessTableView = {
      k: 5,
      rows: ['team_education', 'keep_going'],
      columns: ['done', 'not_needed', 'did_not_help'],
      cells: [
        [null, 0, null],
        [0, 0, 0],
      ],
      cellReasons: [
        ['complementary', null, 'small'],
        [null, null, null],
      ],
      rowTotals: [7, 0],
      rowTotalReasons: [null, null],
      columnTotals: [null, 0, null],
      columnTotalReasons: ['complementary', null, 'small'],
      total: 7,
      totalReason: null,
    };
    renderWithProviders(<CardUsefulnessTable table={table} />);
    const row = screen.getByTestId('usefulness-team_education');
    const hidden = within(row).getAllByText('hidden');
    expect(hidden.map((h) => h.getAttribute('title'))).toEqual([
      'Hidden: it would give away a number under 5 through the totals',
      'Hidden: fewer than 5',
    ]);
    expect(within(row).getByText('7')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Did not help' })).toBeTruthy();
    await changeLanguage('cs', false);
    expect(await screen.findByRole('columnheader', { name: 'Nepomohlo' })).toBeTruthy();
    const skryto = within(screen.getByTestId('usefulness-team_education')).getAllByText('skryto');
    expect(skryto.map((h) => h.getAttribute('title'))).toEqual([
      'Neuvádí se: ze součtů by prozradilo číslo menší než 5',
      'Neuvádí se: méně než 5',
    ]);
  });
});
