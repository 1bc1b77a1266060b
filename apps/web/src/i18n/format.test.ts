import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPercent } from './format';

describe('locale formatting', () => {
  it('writes dates the Czech and the English way without shifting the day', () => {
    expect(formatDate('2026-03-01', 'cs')).toBe('1. 3. 2026');
    expect(formatDate('2026-03-01', 'en')).toBe('1 Mar 2026');
  });

  it('uses a decimal comma in Czech', () => {
    expect(formatNumber(0.25, 'cs')).toBe('0,25');
    expect(formatNumber(0.25, 'en')).toBe('0.25');
    expect(formatPercent(0.87, 'cs')).toMatch(/^87\s%$/);
  });

  it('leaves a value that is not a date as it is', () => {
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});
