/** Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, as the API sends them. */
const MS_PER_DAY = 86_400_000;

/** The ISO date `days` days after `date` (before, if negative). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, or null when `from` is null (e.g. no session yet). */
export function daysBetween(from: string | null, to: string): number | null {
  if (from === null) return null;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}
