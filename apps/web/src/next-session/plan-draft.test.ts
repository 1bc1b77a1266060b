import { describe, expect, it } from 'vitest';
import { buildPlanInput, lastPlannableDay, plannedOnError } from './plan-draft';

const today = '2026-12-04';

describe('plannedOnError', () => {
  it('accepts today and the last day of the year ahead', () => {
    expect(plannedOnError(today, today)).toBeUndefined();
    expect(lastPlannableDay(today)).toBe('2027-12-05');
    expect(plannedOnError('2027-12-05', today)).toBeUndefined();
  });

  it('refuses a past day, a day too far ahead and no date at all', () => {
    expect(plannedOnError('2026-12-03', today)).toBe('next.errors.datePast');
    expect(plannedOnError('2027-12-06', today)).toBe('next.errors.dateTooFar');
    expect(plannedOnError('', today)).toBe('next.errors.dateInvalid');
  });
});

describe('buildPlanInput', () => {
  it('leaves out an empty time and kind', () => {
    expect(buildPlanInput({ plannedOn: '2026-12-18', plannedTime: '', kind: '' }, today)).toEqual({
      ok: true,
      input: { plannedOn: '2026-12-18' },
    });
  });

  it('sends a time and a kind when given', () => {
    expect(buildPlanInput({ plannedOn: '2026-12-18', plannedTime: '09:30', kind: 'group' }, today)).toEqual({
      ok: true,
      input: { plannedOn: '2026-12-18', plannedTime: '09:30', kind: 'group' },
    });
  });

  it('names each field that is wrong', () => {
    expect(buildPlanInput({ plannedOn: '2026-11-01', plannedTime: '25:00', kind: '' }, today)).toEqual({
      ok: false,
      errors: { plannedOn: 'next.errors.datePast', plannedTime: 'next.errors.time' },
    });
  });
});
