/**
 * The clock grammar: an hour written at a position of the (folded, lower-cased) text — 15:00, 3点, 三点半, 十点一刻,
 * 两点四十五, 15时30分, 3点05, 3pm, 10:30am — and what an hour means in a part of the day (下午3点 is 15:00,
 * 中午1点 13:00, 晚上12点 is asked about).
 */
import { numberAt } from './numbers.js';
import type { Span } from './reading.js';
import { oneOfAt, wordAt, WORDS, type Period } from './words.js';

export interface Clock extends Span {
  /** As written: 3 for 3点 and for 下午3点 (the period says which). */
  hour: number;
  minute: number;
  /** A part of the day written with the clock itself (3pm). */
  period?: Period;
  /** False for a bare number (the 3 of 3-5点), which is a clock only inside a range. */
  unit: boolean;
  /** Written on a 24-hour clock with its leading zero (07:30, 0730): the hour as written, never 19:30. */
  padded?: true;
  /** 两点多, 三点来钟, 八九点: about that hour — the bot asks the exact one. */
  approximate?: true;
}

const APPROX_PAIR = /(一|二|两|三|四|五|六|七|八|九)(?:二|三|四|五|六|七|八|九|十)点(?:钟)?/y;
const COLON = /(\d{1,2})\s*:\s*(\d{2})(?::\d{2})?(?!\d)/y;
const AM_PM = /\s*(a\.m\.|p\.m\.|am|pm)(?![a-z])/y;
/** 时 is an hour only where it is not a word of its own (时间, 时长, 时候). */
const NOT_HOUR_AFTER_SHI = /[间长候段区]/;

/** The part of the day written at `text[at]`: 下午, 晚上, 凌晨, 早 (single-character ones only before a number). */
export function periodAt(text: string, at: number, options: { afterDay?: boolean } = {}): { period: Period; end: number } | undefined {
  const found = wordAt(WORDS.periods, text, at) ?? (options.afterDay ? wordAt(WORDS.englishPeriods, text, at) : undefined);
  if (!found) return undefined;
  // tomorrow afternoon: an English part of the day is a whole word (not the start of afternoonTea).
  if (found.word in WORDS.englishPeriods && /[a-z]/.test(text[at + found.word.length] ?? '')) return undefined;
  const end = at + found.word.length;
  // pm 4:30: am and pm before a clock only, and not inside a word (spam, 4pm is the clock's own suffix).
  if (/^[ap]\.?m\.?$/.test(found.word) && (/[a-z0-9]/.test(text[at - 1] ?? '') || !/^\s*\d/.test(text.slice(end)))) return undefined;
  // 早 and 晚 stand for a period only before an hour (晚8点, 早9点); elsewhere they are words (早会, 晚会).
  if (found.word.length === 1 && !/^\s*[\d零〇一二两三四五六七八九十]/.test(text.slice(end))) return undefined;
  return { period: found.value, end };
}

/** The clock written at `text[at]`; with `bare`, a number alone (the 3 of 下午3-5点) counts too. */
export function clockAt(text: string, at: number, options: { bare?: boolean } = {}): Clock | undefined {
  // Not the 5 of 15 or of 12.5; 双12两点 and 12.3六点 change script, so a clock starts there.
  if (/[\d.:]/.test(text[at - 1] ?? '') && !/[零〇一二两三四五六七八九十]/.test(text[at] ?? '')) return undefined;
  // 八九点, 三四点钟: one hour or the next — about them.
  APPROX_PAIR.lastIndex = at;
  const pair = APPROX_PAIR.exec(text);
  if (pair) return { start: at, end: APPROX_PAIR.lastIndex, hour: '一二三四五六七八九'.indexOf(pair[1]!) + 1, minute: 0, unit: true, approximate: true };
  COLON.lastIndex = at;
  const colon = COLON.exec(text);
  if (colon) return withAmPm(text, { start: at, end: COLON.lastIndex, hour: Number(colon[1]), minute: Number(colon[2]), unit: true, ...(/^0\d$/.test(colon[1]!) ? { padded: true as const } : {}) });

  const hour = numberAt(text, at);
  if (!hour || !Number.isInteger(hour.value) || hour.value > 24 || (hour.arabic && hour.end - at > 2)) return undefined;
  // 下午 3 点: spaces between the number and 点, as some keyboards type them.
  const spaced = hour.arabic && /^ +点/.test(text.slice(hour.end)) ? text.slice(hour.end).indexOf('点') : 0;
  const unit = oneOfAt(WORDS.hourUnits, text, hour.end + spaced);
  if (!unit || (unit === '时' && NOT_HOUR_AFTER_SHI.test(text[hour.end + 1] ?? ''))) {
    const ampm = withAmPm(text, { start: at, end: hour.end, hour: hour.value, minute: 0, unit: false });
    if (ampm.period) return { ...ampm, unit: true };
    return options.bare && !/[\d.]/.test(text[hour.end] ?? '') ? ampm : undefined;
  }
  let end = hour.end + spaced + unit.length;
  let minute = 0;
  const fraction = wordAt(WORDS.clockFractions, text, end);
  if (fraction) {
    minute = fraction.value;
    end += fraction.word.length;
  } else {
    // 3点05, 3点5分, 三点十五, 三点零五分 — minutes right after the hour (3点 15分钟 is a length).
    const zero = /[零〇]/.test(text[end] ?? '') && /[一二两三四五六七八九]/.test(text[end + 1] ?? '') ? 1 : 0;
    const m = numberAt(text, end + zero);
    const minuteUnit = m && oneOfAt(WORDS.minuteUnits, text, m.end);
    // 8点一直到10点: one Chinese digit with no 分 is not minutes (三点十五 and 三点五分 are).
    const oneDigit = m && !m.arabic && m.end - end - zero === 1 && !minuteUnit;
    if (m && !oneDigit && Number.isInteger(m.value) && m.value < 60 && (!m.arabic || m.end - end <= 2)) {
      // 3点15分钟 reads as a length only with 钟 written; 3点15分 is a clock.
      if (minuteUnit !== '分钟') {
        minute = m.value;
        end = m.end + (minuteUnit?.length ?? 0);
      }
    }
  }
  if (text.startsWith('钟', end)) end++;
  // 两点多, 三点来钟: about that hour.
  // (四点来着 and 8点来场直播 are no 来.)
  const about = minute === 0 ? /^(?:多(?![少久长])|来钟|来(?=$|[\s,，。!！~～]))/.exec(text.slice(end)) : null;
  if (about) return { start: at, end: end + about[0].length, hour: hour.value, minute, unit: true, approximate: true };
  return withAmPm(text, { start: at, end, hour: hour.value, minute, unit: true });
}

const COMPACT = /([01]\d|2[0-3])([0-5]\d)(?!\d)/y;
/** After a compact clock: the end, a separator, a range's end, or the words of a live's start (1930直播, 0900开始). */
const COMPACT_END = /^(?:$|[\s,，。;；!！?？、)）】」》]|\s*[-~～－—–至到]\s*\d{4}|\s*(?:直播|开播|开始|开|起))/;
/** What makes four digits a number of something else: 2026年, 1203号, 1930期. */
const COUNTED = /^(?:年|月|号|日|届|级|期|个|人|元|块|万|千|米|次|名|%|\.\d)/;

/**
 * 0730, 1930, 0900-1100: a 24-hour clock without its colon, as rosters write it. After a day or a part of the day
 * (明天 1400, 今晚2130) four digits are a clock; standing alone only with a leading zero, before a range's end or
 * 直播, or at a part's end — never a year (2026) nor a number inside a word (A320, CA1930).
 */
export function compactClockAt(text: string, at: number, options: { afterDay?: boolean } = {}): Clock | undefined {
  if (/[A-Za-z0-9.:/_]/.test(text[at - 1] ?? '')) return undefined;
  COMPACT.lastIndex = at;
  const m = COMPACT.exec(text);
  if (!m) return undefined;
  const after = text.slice(COMPACT.lastIndex);
  if (COUNTED.test(after) || /^[A-Za-z]/.test(after)) return undefined;
  if (!options.afterDay && (!COMPACT_END.test(after) || (m[1]!.startsWith('2') && Number(m[1]) <= 20 && /^20[2-3]\d$/.test(m[0])))) return undefined;
  return { start: at, end: COMPACT.lastIndex, hour: Number(m[1]), minute: Number(m[2]), unit: true, ...(m[1]!.startsWith('0') ? { padded: true as const } : {}) };
}

/** `clock` with a following am/pm read into its period. */
function withAmPm(text: string, clock: Clock): Clock {
  AM_PM.lastIndex = clock.end;
  const m = AM_PM.exec(text);
  if (!m) return clock;
  return { ...clock, end: AM_PM.lastIndex, period: m[1]!.startsWith('a') ? 'morning' : 'afternoon' };
}

/** What an hour written in a period means, or why the bot must ask. */
export type HourReading = { hour: number } | { ask: 'half' | 'noon-or-midnight' | 'late-night' | 'contradiction' | 'invalid' };

/**
 * The hour on a 24-hour clock: 下午3点 → 15, 中午1点 → 13, 凌晨2点 → 2. Where the words leave it open — 3点 with no
 * period (凌晨 or 下午?), 晚上12点 (noon or midnight?), 晚上1点 (which night?), 上午15点 — the bot asks.
 */
export function hourOf(hour: number, minute: number, period: Period | undefined): HourReading {
  if (hour > 24 || minute > 59) return { ask: 'invalid' };
  if (hour === 24) return { ask: 'noon-or-midnight' };
  const within = (from: number, to: number) => hour >= from && hour <= to;
  switch (period) {
    case undefined:
      // 2点 in a work chat is more often 14:00 than 02:00, but a live at the wrong one is worse than a question.
      return hour === 0 || hour >= 8 ? { hour } : { ask: 'half' };
    case 'small':
      return hour === 12 ? { hour: 0 } : within(0, 7) ? { hour } : { ask: 'contradiction' };
    case 'morning':
      return within(0, 12) ? { hour } : { ask: 'contradiction' };
    case 'noon':
      return within(11, 15) ? { hour } : within(1, 3) ? { hour: hour + 12 } : { ask: 'contradiction' };
    case 'afternoon':
      return within(1, 11) ? { hour: hour + 12 } : within(12, 23) ? { hour } : { ask: 'contradiction' };
    case 'evening':
      if (within(6, 11)) return { hour: hour + 12 };
      if (within(17, 23)) return { hour };
      return hour === 12 || hour === 0 ? { ask: 'noon-or-midnight' } : within(1, 4) ? { ask: 'late-night' } : { ask: 'contradiction' };
    case 'night':
      if (within(9, 11)) return { hour: hour + 12 };
      if (within(21, 23)) return { hour };
      return hour === 12 || hour === 0 ? { ask: 'noon-or-midnight' } : within(1, 5) ? { ask: 'late-night' } : { ask: 'contradiction' };
  }
}
