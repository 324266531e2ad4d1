/**
 * Times wherever they stand in a message, read with chrono-node in wall-clock space: the reference instant is
 * built so that its server-local fields are the company's wall clock (chrono resolves 明天 from the server's local
 * date), and the fields chrono returns are read back as the company's wall clock, whatever the server's TZ.
 * What the member wrote decides what is known: a day, an hour, both, and for a range its length.
 */
import * as chrono from 'chrono-node';
import type { WallClock } from '../../zone.js';
import type { Span } from './reading.js';

export interface Day {
  year: number;
  month: number; // 1–12
  day: number;
}

export interface FoundTime extends Span {
  /** What the member wrote, as read (normalised). */
  text: string;
  /** A weekday written without a date (周三): the coming one. */
  weekdayOnly?: boolean;
  /** Set when a day was written (明天, 12月1日, 周五). */
  day?: Day;
  /** Set when an hour was written (15:00, 下午3点). */
  hour?: { hour: number; minute: number; halfOfDayKnown: boolean };
  /** For a range (9:00-11:30, 9点到11点): its length in seconds. */
  rangeSeconds?: number;
  /** True when letters stand right before and after it: 周一例会 holds 周一, but as a word, not a time. */
  insideWord: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Every time in `text` (already rewritten by rewriteDates) as seen at wall clock `now`. */
export function findTimes(text: string, now: WallClock): FoundTime[] {
  const reference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute, now.second);
  // zh reads "下午3点 AI分享会" as "下午3点 A" (a.m.!): a match that stops inside a Latin word is read again with
  // that word blanked out.
  let reading = text;
  let results = chrono.zh.parse(reading, reference, { forwardDate: true });
  // Likewise "15:00 分享会" ends in 分 (minutes) and "秒杀" in 秒: a 分 or 秒 that starts a word is given back.
  for (let again = 0; again < 3; again++) {
    const endOf = (r: chrono.ParsedResult) => r.index + r.text.trimEnd().length;
    const latin = results.find((r) => /[A-Za-z]$/.test(r.text.trimEnd()) && /[A-Za-z]/.test(reading[endOf(r)] ?? ''));
    const unit = results.find((r) => /(?:\s|:\d\d|点)[分秒]$/.test(r.text.trimEnd()) && /[\p{L}]/u.test(reading[endOf(r)] ?? '') && (reading[endOf(r)] !== '钟' || /\p{L}/u.test(reading[endOf(r) + 1] ?? '')));
    const cut = latin ?? unit;
    if (!cut) break;
    const end = endOf(cut);
    const word = latin ? /[A-Za-z]+$/.exec(reading.slice(0, end))! : { index: end - 1 };
    const wordEnd = latin ? end + /^[A-Za-z]*/.exec(reading.slice(end))![0].length : end;
    reading = reading.slice(0, word.index) + '#'.repeat(wordEnd - word.index) + reading.slice(wordEnd);
    results = chrono.zh.parse(reading, reference, { forwardDate: true });
  }
  // English only where the Chinese parser found nothing: `tomorrow 3pm`, `12/1 15:00`.
  if (results.length === 0) results = chrono.en.parse(text, reference, { forwardDate: true });
  return results.map((r) => {
    // zh's month-day pattern takes the spaces before it (where a quoted theme was masked): not part of the time.
    const start = r.index + (r.text.length - r.text.trimStart().length);
    let written = r.text.trim();
    // 15:00 2小时…: a number after a space that runs into a word is that word's (chrono takes it as seconds).
    const stray = /\s+\d{1,2}$/.exec(written);
    if (stray && /\p{L}/u.test(text[start + written.length] ?? '')) written = written.slice(0, stray.index);
    const end = start + written.length;
    const s = r.start;
    const dayKnown = s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month');
    const hourKnown = s.isCertain('hour');
    const date = s.date();
    const found: FoundTime = {
      start,
      end,
      text: written,
      insideWord: WORD_CHAR.test(text[start - 1] ?? '') && WORD_CHAR.test(text[end] ?? ''),
    };
    if (dayKnown) found.day = { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
    if (s.isCertain('weekday') && !s.isCertain('day')) found.weekdayOnly = true;
    if (hourKnown) found.hour = { hour: date.getHours(), minute: date.getMinutes(), halfOfDayKnown: s.isCertain('meridiem') || date.getHours() === 0 || date.getHours() >= 13 };
    if (r.end && hourKnown && r.end.isCertain('hour')) found.rangeSeconds = rangeSeconds(r.start, r.end);
    return found;
  });
}

type Components = chrono.ParsedComponents;

/** The length of a range: `下午3点-5点` ends at 17:00 (chrono says 05:00 the next day), `23点到1点` crosses midnight. */
function rangeSeconds(start: Components, end: Components): number {
  const startMinute = (start.get('hour') ?? 0) * 60 + (start.get('minute') ?? 0);
  let endMinute = (end.get('hour') ?? 0) * 60 + (end.get('minute') ?? 0);
  if (end.isCertain('day') && start.isCertain('day')) {
    const days = Math.round((end.date().getTime() - start.date().getTime()) / 86_400_000 - (endMinute - startMinute) / 1440);
    return ((endMinute - startMinute) + days * 1440) * 60;
  }
  // 下午3点-5点 and 11点到1点: an end without 上午/下午 that would come before the start is in the next half of the day.
  if (!end.isCertain('meridiem') && endMinute < 12 * 60 && endMinute <= startMinute && endMinute + 720 > startMinute) endMinute += 720;
  let minutes = endMinute - startMinute;
  if (minutes <= 0) minutes += 1440;
  return minutes * 60;
}
