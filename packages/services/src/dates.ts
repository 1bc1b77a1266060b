/** Calendar arithmetic on ISO dates (YYYY-MM-DD, UTC) for windows, history points and seed dates. */

const MS_PER_DAY = 86_400_000;

/** The ISO date `days` days after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return new Date(ms + days * MS_PER_DAY).toISOString().slice(0, 10);
}
