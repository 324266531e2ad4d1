/**
 * Named days (元旦, 春节, 感恩节, …) as dates: the coming one, today included. Lunar festivals and the solar terms
 * (清明, 冬至, …) come from lunar-javascript's astronomical calendar: the runtime's ICU Chinese calendar puts a new moon
 * just before Beijing's midnight on the wrong day (春节 2027 would be 02-07, 2030 02-02; it is 02-06 and 02-03).
 */
import { Lunar } from 'lunar-javascript';
import { dayNumber, isoWeekday, plusDays, validDay, type Day } from './calendar.js';
import type { NamedDay } from './words.js';

/** The Gregorian day of lunar `month`/`day` in lunar year `year` (腊八 of 2026 falls in January 2027). */
function lunarDay(year: number, month: number, day: number): Day | undefined {
  try {
    const solar = Lunar.fromYmd(year, month, day).getSolar();
    return { year: solar.getYear(), month: solar.getMonth(), day: solar.getDay() };
  } catch {
    // A 29-day month has no 30th.
    return undefined;
  }
}

/** 清明, 冬至: the solar term in Gregorian `year` (冬至 2026 is in the table of lunar year 2027). */
function solarTerm(name: string, year: number): Day | undefined {
  for (const lunarYear of [year, year + 1]) {
    const solar = Lunar.fromYmd(lunarYear, 1, 1).getJieQiTable()[name];
    if (solar?.getYear() === year) return { year, month: solar.getMonth(), day: solar.getDay() };
  }
  return undefined;
}

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
  if ('solarTerm' in named) return solarTerm(named.solarTerm, year);
  if ('nth' in named) return nthWeekday(year, ...named.nth);
  const day = lunarDay(year, ...named.lunar);
  return day && named.dayBefore ? plusDays(day, -1) : day;
}

/** The coming `named` day as seen on `today` (today's, when it is today). */
export function comingNamedDay(named: NamedDay, today: Day): Day | undefined {
  // 除夕 of a lunar year falls in the Gregorian year before; 腊八 in the one after: last year's is tried too.
  for (const year of [today.year - 1, today.year, today.year + 1]) {
    const day = inYear(named, year);
    if (day && dayNumber(day) >= dayNumber(today)) return day;
  }
  return undefined;
}
