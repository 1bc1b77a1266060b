import { describe, expect, it } from 'vitest';
import { addMonths, lastDayOf, periodOf, periodsBetween } from './periods';

describe('periods', () => {
  it('steps over year ends and knows month lengths, leap years included', () => {
    expect(periodOf('2026-12-02')).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
    expect(lastDayOf('2028-02')).toBe('2028-02-29');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2026-11')).toBe('2026-11-30');
    expect(periodsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(periodsBetween('2027-01', '2026-12')).toEqual([]);
  });
});
