/** Calendar arithmetic without a date library: validation, day offsets, whole months. */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber, isIsoDate, toDayNumber, wholeMonthsBetween } from './iso-date';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(isIsoDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
  });
});

describe('addDays and toDayNumber', () => {
  it('cross month, year and leap-day boundaries in UTC', () => {
    expect(addDays('2026-11-26', -90)).toBe('2026-08-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('2026-03-30') - toDayNumber('2026-03-28')).toBe(2);
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
    expect(addDays('2000-03-01', -1)).toBe('2000-02-29');
  });

  it('agrees with Date.UTC from 1900 to 2999 and round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2999-12-31') }), (days) => {
        const date = fromDayNumber(days);
        expect(date).toBe(new Date(days * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(days);
        expect(isIsoDate(date)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('wholeMonthsBetween', () => {
  it('counts a month once its day of month is reached', () => {
    expect(wholeMonthsBetween('2026-07-26', '2026-11-25')).toBe(3);
    expect(wholeMonthsBetween('2026-07-26', '2026-11-26')).toBe(4);
    expect(wholeMonthsBetween('2025-11-26', '2026-11-26')).toBe(12);
    expect(wholeMonthsBetween('2025-11-27', '2026-11-26')).toBe(11);
  });

  it('treats the last day of a short month as reaching a later start day', () => {
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).toBe(1);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-27')).toBe(0);
  });

  it('is never negative', () => {
    expect(wholeMonthsBetween('2026-11-26', '2026-01-01')).toBe(0);
  });
});
