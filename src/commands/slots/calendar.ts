/** Calendar days without a time or a zone: arithmetic the day grammar and the holidays need. */

export interface Day {
  year: number;
  month: number; // 1–12
  day: number;
}

/** A day as a count of days since 1970-01-01 (for comparing and subtracting days). */
export const dayNumber = (d: Day): number => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

const fromNumber = (n: number): Day => {
  const t = new Date(n * 86_400_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

/** `days` after `d` (before, when negative). */
export const plusDays = (d: Day, days: number): Day => fromNumber(dayNumber(d) + days);

/** Monday = 1 … Sunday = 7. */
export const isoWeekday = (d: Day): number => ((new Date(dayNumber(d) * 86_400_000).getUTCDay() + 6) % 7) + 1;

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The day, when `month`/`day` exist in `year` (2月30日 does not). */
export const validDay = (year: number, month: number, day: number): Day | undefined =>
  Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { year, month, day } : undefined;

/** The month `months` after `d`'s, on `day` ('last': its last day); undefined when that day does not exist. */
export function inMonth(d: Day, months: number, day: number | 'last'): Day | undefined {
  const first = new Date(Date.UTC(d.year, d.month - 1 + months, 1));
  const year = first.getUTCFullYear();
  const month = first.getUTCMonth() + 1;
  return validDay(year, month, day === 'last' ? daysInMonth(year, month) : day);
}

/** True when both are the same calendar day. */
export const sameDay = (a: Day, b: Day): boolean => a.year === b.year && a.month === b.month && a.day === b.day;

/** `11月26日`: how questions name a day. */
export const monthDay = (d: Day): string => `${d.month}月${d.day}日`;
