import type { Reason } from '@peerbridge/domain';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { BecauseList } from './because-list';
import type { ObservationView } from './evidence-types';

const reasons: Reason[] = [
  {
    kind: 'indicator',
    indicator: 'after_hours_client_contact',
    effect: 'marker',
    value: 5,
    strength: 0.71,
    weight: 0.7,
    contribution: 0.5,
    level: 'worker',
    observationIds: ['o1', 'o2'],
  },
  { kind: 'factor', factor: 'tenure_months', value: 4, contribution: 1.25 },
];

const observations = new Map<string, ObservationView>([
  [
    'o1',
    {
      id: 'o1',
      indicator: 'after_hours_client_contact',
      value: 3,
      observedAt: '2026-10-01',
      source: 'supervision',
      aboutUnit: false,
    },
  ],
]);

describe('BecauseList', () => {
  it('names the indicator, its value and weight, and dates and sources each observation it has', () => {
    renderWithProviders(<BecauseList because={reasons} observations={observations} />);
    expect(screen.getByText('Client contact after hours')).toBeTruthy();
    expect(screen.getByText('— 5 times')).toBeTruthy();
    expect(screen.getByText('1 Oct 2026 · Supervision · 3 times')).toBeTruthy();
    // The second observation was not loaded: it is counted, not invented.
    expect(screen.getByText('based on 1 observation')).toBeTruthy();
    expect(screen.getByText(/Months in post/).textContent).toContain('(effect 1.25)');
  });

  it('says so when there is no evidence', () => {
    renderWithProviders(<BecauseList because={[]} observations={new Map()} />);
    expect(screen.getByText('No evidence yet.')).toBeTruthy();
  });
});
