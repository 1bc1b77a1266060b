/** Calendar months as publication periods of the team view (`YYYY-MM`, UTC). */

/** The period a date (`YYYY-MM-DD`) falls in. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/** The period `months` after (or, negative, before) `period`. */
export function addMonths(period: string, months: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day of a period. */
export function firstDayOf(period: string): string {
  return `${period}-01`;
}

/** The last day of a period. */
export function lastDayOf(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(day).padStart(2, '0')}`;
}

/** Every period from `from` to `to`, both included, oldest first. */
export function periodsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let p = from; p <= to; p = addMonths(p, 1)) out.push(p);
  return out;
}
