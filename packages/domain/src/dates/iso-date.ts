/** Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, without a date library and without the clock. */
import { z } from 'zod';

/** An ISO calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

// Digit at position i of s, or -1; char codes instead of a regex because assess checks every observation's date.
const digitAt = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
};

/** True when `s` is a real calendar date written as YYYY-MM-DD (so 2026-02-30 is rejected). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return false;
  const y0 = digitAt(s, 0);
  const y1 = digitAt(s, 1);
  const y2 = digitAt(s, 2);
  const y3 = digitAt(s, 3);
  const m0 = digitAt(s, 5);
  const m1 = digitAt(s, 6);
  const d0 = digitAt(s, 8);
  const d1 = digitAt(s, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month)
  );
}

/** Zod schema for a real ISO calendar date. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'expected a calendar date as YYYY-MM-DD' });

// Days <-> civil date by Howard Hinnant's algorithms: plain integer arithmetic, valid for every
// year 0000-9999 (Date.UTC would map years 0-99 to 1900-1999) and independent of any time zone.

/** Days since 1970-01-01 (UTC) of a valid ISO date. */
export function toDayNumber(date: IsoDate): number {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const y = Number(date.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The ISO date of a day number (days since 1970-01-01). */
export function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The ISO date `days` days after (or before, if negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Whole calendar months from `from` to `to` (0 when `to` is before `from`): a month counts once its
 * day-of-month is reached, and from the 31st, the last day of a shorter month counts as reached.
 */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const fy = Number(from.slice(0, 4));
  const fm = Number(from.slice(5, 7));
  const fd = Number(from.slice(8, 10));
  const ty = Number(to.slice(0, 4));
  const tm = Number(to.slice(5, 7));
  const td = Number(to.slice(8, 10));
  let months = (ty - fy) * 12 + (tm - fm);
  const dayReached = td >= fd || td === daysInMonth(ty, tm);
  if (!dayReached) months -= 1;
  return Math.max(0, months);
}
