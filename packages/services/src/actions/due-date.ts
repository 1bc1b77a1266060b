/** The due date rule every accepted card shares (ADR 0030, 0042): not before `from`, at most two years ahead. */
import { addDays } from '../dates';
import { todayIso } from '../db';
import { invalidField } from '../errors';

export function assertDueOn(dueOn: string, from: string): void {
  if (dueOn < from) throw invalidField('dueOn', `a due date on or after ${from}`);
  // Two years ahead is past any supervision plan; later dates are typos (2062 for 2026).
  const latestDue = addDays(todayIso(), 2 * 366);
  if (dueOn > latestDue)
    throw invalidField('dueOn', `a due date at most two years ahead (on or before ${latestDue})`);
}
