/**
 * Named days (元旦, 春节, 感恩节, …) as dates: the coming one, today included. Lunar festivals are read with the
 * Chinese calendar of the runtime's ICU (Intl's `chinese` calendar), so 春节 2027 is 2027-02-07 without a table
 * of years to keep up to date.
 */
import { dayNumber, isoWeekday, plusDays, validDay, type Day } from './calendar.js';
import type { NamedDay } from './words.js';

const lunar = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });

/** The lunar month and day of `d` (a leap month reads as NaN: no festival falls in one). */
function lunarOf(d: Day): { month: number; day: number } {
  const parts = Object.fromEntries(lunar.formatToParts(new Date(dayNumber(d) * 86_400_000)).map((p) => [p.type, p.value]));
  return { month: Number(parts.month), day: Number(parts.day) };
}

/** The day in Gregorian `year` whose lunar date is `month`/`day` (lunar festivals fall between late January and late December). */
function lunarDayIn(year: number, month: number, day: number): Day | undefined {
  // A lunar date lies 20–50 days after the same Gregorian month-day; searched a day at a time from there.
  const from = validDay(year, month, 1) ?? { year, month, day: 1 };
  for (let offset = 0; offset < 75; offset++) {
    const candidate = plusDays(from, offset);
    const l = lunarOf(candidate);
    if (l.month === month && l.day === day) return candidate;
  }
  return undefined;
}

/** 清明: the solar term about April 4–6 (the 21st century's formula). */
const qingming = (year: number): Day => ({ year, month: 4, day: Math.floor((year % 100) * 0.2422 + 4.81) - Math.floor((year % 100) / 4) });

/** The n-th `weekday` (0 = Sunday) of `month`: 感恩节 is the fourth Thursday of November. */
function nthWeekday(year: number, month: number, n: number, weekday: number): Day {
  const first = { year, month, day: 1 };
  const firstWeekday = isoWeekday(first) % 7;
  return plusDays(first, ((weekday - firstWeekday + 7) % 7) + (n - 1) * 7);
}

const known = new Map<string, Day | undefined>();

function inYear(named: NamedDay, year: number): Day | undefined {
  const key = `${JSON.stringify(named)}@${year}`;
  if (!known.has(key)) known.set(key, computeInYear(named, year));
  return known.get(key);
}

function computeInYear(named: NamedDay, year: number): Day | undefined {
  if ('solar' in named) return validDay(year, named.solar[0], named.solar[1]);
  if ('qingming' in named) return qingming(year);
  if ('nth' in named) return nthWeekday(year, ...named.nth);
  const day = lunarDayIn(year, ...named.lunar);
  return day && named.dayBefore ? plusDays(day, -1) : day;
}

/** The coming `named` day as seen on `today` (today's, when it is today). */
export function comingNamedDay(named: NamedDay, today: Day): Day | undefined {
  // 除夕 of a year may fall in the next Gregorian year's January: try last year's too.
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const day = inYear(named, year);
    if (day && dayNumber(day) >= dayNumber(today)) return day;
  }
  return undefined;
}
