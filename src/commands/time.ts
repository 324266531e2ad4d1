/**
 * Reading and showing times in the company's time zone, whatever the server's TZ.
 * chrono-node resolves relative days ("明天", "下周一") from the server's local date, so it is run in wall-clock
 * space: the reference instant is built so that its server-local fields are the company's wall clock, and the
 * wall-clock fields chrono returns are turned back into an instant with the company zone's offset.
 */
import * as chrono from 'chrono-node';
import { fromWallClock, wallClock, type WallClock } from '../zone.js';

export { formatDuration, formatTime } from '../zone.js';

export interface ParsedTime {
  /** ms since the epoch. */
  at: number;
  /** The part of the input that was read as the time. */
  text: string;
}

/**
 * Reads a time at the very start of `tokens` (whitespace-separated words): the longest run of leading tokens that
 * chrono reads whole, with an hour. Returns how many tokens it used, or null when none reads as a time.
 */
export function readLeadingTime(tokens: string[], nowMs: number, tz: string): (ParsedTime & { used: number; hourKnown: boolean }) | null {
  const w = wallClock(nowMs, tz);
  tokens = tokens.map((t) => rewriteWeekday(t, w));
  // A Date whose server-local fields are the company's wall clock.
  const reference = new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  for (let n = Math.min(tokens.length, 4); n >= 1; n--) {
    const text = tokens.slice(0, n).join(' ');
    for (const parser of [chrono.zh, chrono.en]) {
      const [result] = parser.parse(text, reference, { forwardDate: true });
      if (!result || result.index !== 0 || result.text.length !== text.length) continue;
      const d = result.start.date();
      const at = fromWallClock(
        { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: 0 },
        tz,
      );
      return { at, text, used: n, hourKnown: result.start.isCertain('hour') };
    }
  }
  return null;
}

const WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const WEEK_PHRASE = /(下下|下|这|本)(?:个)?(?:周|星期|礼拜)([一二三四五六日天])/;

/**
 * Chinese weeks start on Monday, chrono's on Sunday: on a Sunday it reads "下周一" as eight days later. The week
 * phrase is rewritten to an explicit date (Y年M月D日) before chrono sees it.
 */
function rewriteWeekday(token: string, today: WallClock): string {
  const m = WEEK_PHRASE.exec(token);
  if (!m) return token;
  const weeksAhead = m[1] === '下下' ? 2 : m[1] === '下' ? 1 : 0;
  const isoToday = today.weekday === 0 ? 7 : today.weekday;
  const offset = weeksAhead * 7 + WEEKDAY_NUMBER[m[2]!]! - isoToday;
  const target = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
  return token.replace(m[0], `${target.getUTCFullYear()}年${target.getUTCMonth() + 1}月${target.getUTCDate()}日`);
}

const CHINESE_DIGITS: Record<string, string> = { 一: '1', 两: '2', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };

const DURATION = /^(?:(\d+(?:\.\d+)?)\s*(?:个)?(小时|钟头|h|hr|hrs|hour|hours))?\s*(?:(\d+)\s*(分钟|分|m|min|mins|minute|minutes))?$/i;

/** Reads `90分钟`, `1.5小时`, `2小时`, `半小时`, `1h30m`, `1小时30分钟`; seconds, or null. */
export function parseDuration(token: string): number | null {
  const t = token
    .trim()
    .toLowerCase()
    .replace(/^([一两二三四五六七八九十])(?=个|小时|钟头)/, (d) => CHINESE_DIGITS[d]!);
  if (t === '半小时' || t === '半个小时' || t === '半个钟头') return 1800;
  const half = /^(\d+)个半(小时|钟头)$/.exec(t);
  if (half) return Number(half[1]) * 3600 + 1800;
  const m = DURATION.exec(t);
  if (!m || (!m[1] && !m[3])) return null;
  const seconds = Math.round(Number(m[1] ?? 0) * 3600 + Number(m[3] ?? 0) * 60);
  return seconds > 0 ? seconds : null;
}
