import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { PrevalenceTable } from './prevalence-table';

const table = {
  rows: ['friend_vs_professional', 'supervision_gap'] as ('friend_vs_professional' | 'supervision_gap')[],
  columns: [
    { setting: 'inpatient', size: 3 },
    { setting: 'community', size: 12 },
  ],
  cells: [
    [null, 0],
    [null, null],
  ],
  totals: [null, 6],
  totalSize: 15,
};

describe('PrevalenceTable', () => {
  it('labels rows from the catalog, shows counts out of the group, and marks hidden cells with the reason', () => {
    renderWithProviders(<PrevalenceTable table={table} k={5} />);
    const row = screen.getByText('Friend versus professional').closest('tr') as HTMLElement;
    // A zero is a count like any other: "0 / 12", not a warning and not hidden.
    expect(within(row).getByText('0 / 12')).toBeTruthy();
    const hidden = within(row).getAllByText('hidden');
    expect(hidden).toHaveLength(2);
    expect(hidden[0]?.getAttribute('title')).toBe('Hidden: the group has fewer than 5 peer workers');
    expect(hidden[1]?.getAttribute('title')).toBe(
      'Hidden: the number, or one it would give away, could single someone out',
    );
    const gap = screen.getByText('Supervision gap').closest('tr') as HTMLElement;
    expect(within(gap).getByText('6 / 15')).toBeTruthy();
  });

  it('never writes "fewer than k of n" and draws no hidden cell as zero', () => {
    renderWithProviders(<PrevalenceTable table={table} k={5} />);
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/fewer than \d+ of/i);
    const gap = screen.getByText('Supervision gap').closest('tr') as HTMLElement;
    expect(within(gap).queryByText(/^0/)).toBeNull();
  });
});
