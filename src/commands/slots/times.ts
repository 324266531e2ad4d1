/**
 * Times wherever they stand in a message: a day, a part of the day, a clock, and a range's end, in the order people
 * write them (明天下午3点到5点, 12月10号晚上7点半-9点, 2027-01-03中午十二点-两点, 3点到下午5点), or a time from now
 * (2小时后). Read by the grammars of days.ts and clocks.ts over the table in words.ts; English (tomorrow 3pm, next
 * Monday) by chrono-node's English parser, where the Chinese grammar found nothing.
 */
import * as chrono from 'chrono-node';
import type { WallClock } from '../../zone.js';
import type { Day } from './calendar.js';
import { clockAt, compactClockAt, periodAt, type Clock } from './clocks.js';
import { dayAt, type FoundDay } from './days.js';
import { numberAt } from './numbers.js';
import type { Span } from './reading.js';
import { oneOfAt, WORDS, type Period } from './words.js';

export type { Day };

/** One end of a time: what was written of its day, its part of the day and its clock. */
export interface TimePoint {
  day?: FoundDay;
  period?: Period;
  clock?: Clock;
}

export interface FoundTime extends Span, TimePoint {
  /** What the member wrote, as read (folded). */
  text: string;
  /** A range's end: 5点 of 3点到5点 (its day and period are the start's unless written). */
  until?: TimePoint & { clock: Clock };
  /** 2小时后: milliseconds from now. */
  fromNowMs?: number;
  /** Read by chrono's English parser: the day and hour it was sure of, and a range's length. */
  english?: { day?: Day; hour?: { hour: number; minute: number; meridiem?: true }; rangeSeconds?: number };
}

const SPACE = /[\s]*/y;
/** The position after the spaces at `at`. */
export const skipSpaces = (text: string, at: number): number => {
  SPACE.lastIndex = at;
  SPACE.exec(text);
  return SPACE.lastIndex;
};

const ENGLISH_DATE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;
/** 2小时后, 半小时后, 一个半小时以后, 30分钟后. */
const FROM_NOW = /(?:(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)\s*(?:个)?\s*(半)?|(半))\s*(?:个)?\s*(小时|钟头|分钟)\s*(?:以后|之后|后(?![天日]))/y;

/** Every time in `text` (folded; lower-cased ASCII) as seen on wall clock `now`. */
export function findTimes(text: string, now: WallClock): FoundTime[] {
  const today: Day = { year: now.year, month: now.month, day: now.day };
  const found: FoundTime[] = [];
  for (let i = 0; i < text.length; ) {
    // 一直到4点: the 一 of 一直 is not a clock.
    if (text.startsWith('一直', i)) {
      i += 1;
      continue;
    }
    // Not inside a number (the 2 of 12); 双12两点一刻 changes script, so a clock may start there.
    const inside = (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i]!)) || (/[零〇一二两三四五六七八九十]/.test(text[i - 1] ?? '') && /[零〇一二两三四五六七八九十]/.test(text[i]!));
    const time = inside ? undefined : timeAt(text, i, today);
    if (time) {
      found.push(time);
      i = time.end;
    } else i++;
  }
  // Wed, Dec 2, 2026 7:30 PM – 9:00 PM: an English date is chrono's to read, clock and all.
  if (ENGLISH_DATE.test(text)) return englishTimes(text, now);
  return found.length > 0 || !/[a-z]{3,}/.test(text) ? found : englishTimes(text, now);
}

/** The time written at `text[at]`, if one is. */
function timeAt(text: string, at: number, today: Day): FoundTime | undefined {
  FROM_NOW.lastIndex = at;
  const fromNow = FROM_NOW.exec(text);
  if (fromNow) {
    const [, n, half, halfAlone, unit] = fromNow;
    const amount = halfAlone ? 0.5 : Number(numberAt(n!, 0, { decimals: true })?.value) + (half ? 0.5 : 0);
    if (Number.isFinite(amount) && amount > 0) {
      const ms = Math.round(amount * (unit === '分钟' ? 60_000 : 3_600_000));
      return { start: at, end: FROM_NOW.lastIndex, text: fromNow[0], fromNowMs: ms };
    }
  }
  const start = pointAt(text, at, today, { bareBeforeRange: true });
  if (!start) return undefined;
  const range = start.point.clock ? rangeEndAt(text, start.end, today, start.point.clock.unit) : undefined;
  // A bare number (the 3 of 3-5点) is a clock only when a range's end follows.
  if (start.point.clock && !start.point.clock.unit && !range) return undefined;
  const end = range?.end ?? start.end;
  return { start: at, end, text: text.slice(at, end).trim(), ...start.point, ...(range ? { until: range.point as NonNullable<FoundTime['until']> } : {}) };
}

/** A day, a part of the day and a clock, each optional, in that order: 明天 下午 3点, 今晚8点, 周五, 下午. */
function pointAt(text: string, at: number, today: Day, options: { bareBeforeRange?: boolean; rangeEnd?: boolean } = {}): { point: TimePoint; end: number } | undefined {
  const point: TimePoint = {};
  let i = at;
  const day = dayAt(text, i, today);
  if (day) {
    point.day = day;
    if (day.period) point.period = day.period;
    i = skipSpaces(text, day.end);
    // 明天的下午3点
    if (text[i] === '的' && (periodAt(text, i + 1) || clockAt(text, i + 1))) i = skipSpaces(text, i + 1);
  }
  const period = point.period === undefined ? periodAt(text, i, { afterDay: day !== undefined }) : undefined;
  if (period) {
    point.period = period.period;
    i = skipSpaces(text, period.end);
  }
  let clock = clockAt(text, i, { bare: options.bareBeforeRange === true }) ?? compactClockAt(text, i, { afterDay: day !== undefined || period !== undefined || options.rangeEnd === true });
  // 晚8 《…》, 早9，半个钟头, Tomorrow 7: after a part of the day or an English day, an hour standing alone needs no 点.
  const englishDay = day !== undefined && /^[a-z]/.test(text.slice(day.start, day.end));
  if ((period || englishDay) && !clock?.unit) {
    const bare = clockAt(text, i, { bare: true });
    if (bare && bare.hour >= 1 && bare.hour <= 12 && SHORT_HOUR_END.test(text.slice(bare.end))) clock = { ...bare, unit: true };
  }
  if (clock && (clock.unit || isRangeMarkAt(text, skipSpaces(text, clock.end)))) {
    point.clock = clock;
    i = clock.end;
  }
  if (!point.day && !point.period && !point.clock) return undefined;
  // The spaces after a day or a period belong to what follows, not to the time.
  const end = point.clock ? point.clock.end : period ? period.end : day!.end;
  return { point, end };
}

/** What may follow a bare hour after a part of the day (晚8 ): the end, a space or punctuation — not 号, 个, a digit. */
const SHORT_HOUR_END = /^(?:$|[\s,，。.!！?？、;；~～()（）《「“【])/;

const isRangeMarkAt = (text: string, at: number): boolean => oneOfAt(WORDS.rangeMarks, text, at) !== undefined;

/** `-5点`, `到下午5点`, `至十点半`, `~11:30`: a range's end after a start whose clock ends at `at`. */
function rangeEndAt(text: string, at: number, today: Day, startHasUnit: boolean): { point: TimePoint; end: number } | undefined {
  let i = skipSpaces(text, at);
  const started = oneOfAt(WORDS.startWords, text, i);
  if (started) i = skipSpaces(text, i + started.length);
  const mark = oneOfAt(WORDS.rangeMarks, text, i);
  if (!mark) return undefined;
  i = skipSpaces(text, i + mark.length);
  const point = pointAt(text, i, today, { bareBeforeRange: false, rangeEnd: true });
  let clock = point?.point.clock;
  let end = point?.end ?? i;
  // 9:00-10 and 3点到5: an end without its unit, after a start that had one.
  if (!clock && startHasUnit && !point?.point.day && !point?.point.period) {
    clock = clockAt(text, i, { bare: true });
    if (clock) end = clock.end;
  }
  // 直到1月底: a number before 月 or 号 is a date, not the end of a range.
  if (!clock || /^\s*(?:月|号|日)/.test(text.slice(end))) return undefined;
  const closing = oneOfAt(WORDS.rangeEnds, text, skipSpaces(text, end));
  if (closing) end = skipSpaces(text, end) + closing.length;
  return { point: { ...point?.point, clock }, end };
}

/** Times chrono-node's English parser reads (tomorrow 3pm, next Monday, Dec 1 at 10am). */
function englishTimes(text: string, now: WallClock): FoundTime[] {
  // chrono resolves relative days from the server's local date: a reference whose local fields are the company's wall clock.
  const reference = new Date(now.year, now.month - 1, now.day, now.hour, now.minute, now.second);
  // next week, this month: no day of it is said — left for the reader to ask about, never a week from today.
  return chrono.en.parse(text, reference, { forwardDate: true }).filter((r) => !/^(?:next|this|coming|the following)\s+(?:week|month)$/i.test(r.text.trim())).map((r) => {
    const s = r.start;
    const date = s.date();
    const english: NonNullable<FoundTime['english']> = {};
    if (s.isCertain('day') || s.isCertain('weekday') || s.isCertain('month')) english.day = { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
    if (s.isCertain('hour')) english.hour = { hour: date.getHours(), minute: date.getMinutes(), ...(s.isCertain('meridiem') || date.getHours() >= 13 || /:\d\d/.test(r.text) ? { meridiem: true as const } : {}) };
    if (r.end?.isCertain('hour') && s.isCertain('hour')) english.rangeSeconds = Math.round((r.end.date().getTime() - date.getTime()) / 1000);
    return { start: r.index, end: r.index + r.text.length, text: r.text, english };
  });
}
