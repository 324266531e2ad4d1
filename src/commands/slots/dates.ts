/**
 * Dates chrono-node's zh parser misses or reads the Sunday-first way, rewritten as explicit dates (`2026年12月7日`)
 * before chrono reads the text: 下下周一, 下周一 on a Sunday, 月底, 下个月3号, 本月最后一天, 3号, 12.1. Found by
 * the phrasing tables in test/commands/slots.test.ts; everything else is left to chrono.
 */
import type { WallClock } from '../../zone.js';
import { NUMBER, readNumber } from './numbers.js';
import type { Reading } from './reading.js';

interface Day {
  year: number;
  month: number; // 1–12
  day: number;
}

const explicit = (d: Day): string => `${d.year}年${d.month}月${d.day}日`;
/** A date `months` months from today's month, on `day` (clamped to the month's last day when asked for it). */
const inMonth = (today: WallClock, months: number, day: number | 'last'): Day | null => {
  const first = new Date(Date.UTC(today.year, today.month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const d = day === 'last' ? last : day;
  if (!Number.isInteger(d) || d < 1 || d > last) return null;
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: d };
};
const monthsAhead = (word: string | undefined): number => (word && /下/.test(word) ? (/下下/.test(word) ? 2 : 1) : 0);

const WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const WEEK_PHRASE = /(下下|下|这|本)(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])/g;
const MONTH_WORD = String.raw`(下下个?月|下个?月|本月|这个?月)`;
const MONTH_END = new RegExp(String.raw`${MONTH_WORD}?\s*(?:底|末|的?最后一天)|(?<![\d年])月(?:底|末)`, 'g');
const MONTH_DAY = new RegExp(String.raw`${MONTH_WORD}\s*(?:的)?\s*(${NUMBER})\s*[号日]`, 'g');
/** `3号 15:00`: a day of the month alone, when a time or the end of the phrase follows (not `3号楼`). */
const BARE_DAY = new RegExp(String.raw`(?<![\d月年零〇一二两三四五六七八九十])(${NUMBER})\s*号(?=\s|$|[,:、.;!?]|\d|上午|下午|中午|晚上|早上|凌晨|傍晚)`, 'g');
/** `12.1 15:00`, `12/1 下午3点`. */
const DOTTED = /(?<![\d.\/])(1[0-2]|0?[1-9])[./](3[01]|[12]\d|0?[1-9])(?![\d.\/])(?=\s*(?:\d{1,2}\s*[:点]|上午|下午|中午|晚上|早上|凌晨|傍晚))/g;

/** `reading` with the phrases above written as explicit dates, as seen on `today` in the company zone. */
export function rewriteDates(reading: Reading, today: WallClock): Reading {
  return reading
    .replace(WEEK_PHRASE, (m) => {
      const weeksAhead = m[1] === '下下' ? 2 : m[1] === '下' ? 1 : 0;
      const isoToday = today.weekday === 0 ? 7 : today.weekday;
      const offset = weeksAhead * 7 + WEEKDAY_NUMBER[m[2]!]! - isoToday;
      const t = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
      return explicit({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
    })
    .replace(MONTH_END, (m) => {
      const d = inMonth(today, monthsAhead(m[1]), 'last');
      return d ? explicit(d) : m[0];
    })
    .replace(MONTH_DAY, (m) => {
      const d = inMonth(today, monthsAhead(m[1]), readNumber(m[2]!));
      return d ? explicit(d) : m[0];
    })
    .replace(BARE_DAY, (m) => {
      const n = readNumber(m[1]!);
      // The coming one: this month's if it is today or later, else next month's.
      const d = inMonth(today, n >= today.day ? 0 : 1, n);
      return d ? explicit(d) : m[0];
    })
    .replace(DOTTED, (m) => `${Number(m[1])}月${Number(m[2])}日`);
}
