import type { SuppressedTable } from '@peerbridge/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { PrevalenceTable } from './prevalence-table';

const table: SuppressedTable = {
  k: 5,
  rows: ['friend_vs_professional', 'supervision_gap'],
  columns: ['inpatient', 'community'],
  cells: [
    [null, 0],
    [6, null],
  ],
  cellReasons: [
    ['small', null],
    [null, 'small'],
  ],
  rowTotals: [null, null],
  rowTotalReasons: ['complementary', 'small'],
  columnTotals: [null, null],
  columnTotalReasons: [null, null],
  total: null,
  totalReason: null,
};

describe('PrevalenceTable', () => {
  it('labels rows from the catalog, shows counts, and marks hidden cells as under k with the reason', () => {
    renderWithProviders(<PrevalenceTable table={table} />);
    const row = screen.getByText('Friend versus professional').closest('tr') as HTMLElement;
    expect(within(row).getByText('0')).toBeTruthy();
    const hidden = within(row).getAllByText('under 5');
    expect(hidden).toHaveLength(2);
    expect(hidden[0]?.getAttribute('title')).toBe('Hidden: fewer than k people');
    expect(hidden[1]?.getAttribute('title')).toBe('Hidden so that a small count cannot be worked out');
    const gap = screen.getByText('Supervision gap').closest('tr') as HTMLElement;
    expect(within(gap).getByText('6')).toBeTruthy();
  });

  it('draws no conflict chart when every conflict count is hidden or zero', () => {
    renderWithProviders(<PrevalenceTable table={table} />);
    expect(screen.queryByRole('img', { name: /Bar chart/ })).toBeNull();
  });
});
