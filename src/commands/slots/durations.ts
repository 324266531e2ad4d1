/**
 * Durations wherever they stand in a message: `90分钟`, `1.5小时`, `两小时`, `一个半小时`, `半小时`, `1h30m`,
 * `时长2小时`. A number followed by 后 is a relative time (`2小时后`), and one after 提前 is a reminder: neither is a
 * duration.
 */
import { NUMBER, readNumber } from './numbers.js';
import type { Span } from './reading.js';

export interface FoundDuration extends Span {
  /** May be 0: the reader reports it instead of passing over it. */
  seconds: number;
}

/** 一个半小时, 1.5小时; not 张三 半小时 (半 belongs to the number only right after it). */
const HOURS = String.raw`(?:(${NUMBER})(?:\s*个)?(半)?\s*|(半)\s*(?:个)?\s*)(?:小时|钟头|hours?|hrs?|h)`;
const MINUTES_AFTER_HOURS = String.raw`(?:\s*(${NUMBER})\s*(?:分钟|分|minutes?|mins?|m)(?![a-z]))?`;
const MINUTES_ALONE = String.raw`(${NUMBER})\s*(?:分钟|minutes?|mins?|m(?![a-z]))`;
const LABEL = String.raw`(?:(?:直播)?时长\s*(?:是|为|:)?\s*)?`;
/** Not a duration when 后 follows (2小时后 is a time; 后天 is not 后), nor after 提前 (a reminder). */
const NOT_AFTER = String.raw`(?!\s*(?:以后|之后|后(?![天日])))`;
/** 一刻钟, 三刻钟, 2个钟, 一小时半, 个半钟 (Cantonese: an hour and a half): the spoken forms. */
const SPOKEN = String.raw`(一|三)刻钟|(${NUMBER}|半)\s*个\s*钟(?:头)?(?!\s*(?:前|后(?![天日])))|(${NUMBER})\s*(?:个)?\s*小时半|((?:${NUMBER})?)\s*个半\s*钟(?:头)?(?!\s*(?:前|后(?![天日])))`;
/** Not inside a number or a clock (the 00 of 15:00), but right after one (15:002小时). */
const STARTS = String.raw`(?:(?<![\d.:])|(?<=:\d\d))`;
const DURATION = new RegExp(String.raw`${STARTS}${LABEL}(?:${SPOKEN}|${HOURS}${MINUTES_AFTER_HOURS}|${MINUTES_ALONE})${NOT_AFTER}`, 'gi');

/** Every duration in `text`, in order. */
export function findDurations(text: string): FoundDuration[] {
  const found: FoundDuration[] = [];
  for (const m of text.matchAll(DURATION)) {
    const before = text.slice(Math.max(0, m.index - 3), m.index);
    if (/提前\s*$|提早\s*$|前\s*$/.test(before)) continue;
    const seconds = durationSeconds(m);
    if (Number.isNaN(seconds)) continue;
    found.push({ start: m.index, end: m.index + m[0].length, seconds });
  }
  return found;
}

function durationSeconds(m: RegExpMatchArray): number {
  const [, quarters, spokenHours, hoursAndHalf, halfClock, hours, halfAfter, halfAlone, minutesAfterHours, minutesAlone] = m;
  if (halfClock !== undefined) return Math.round((halfClock === '' ? 1 : readNumber(halfClock)) * 3600 + 1800);
  if (minutesAlone !== undefined) return Math.round(readNumber(minutesAlone) * 60);
  if (quarters !== undefined) return quarters === '一' ? 900 : 2700;
  if (spokenHours !== undefined) return spokenHours === '半' ? 1800 : Math.round(readNumber(spokenHours) * 3600);
  if (hoursAndHalf !== undefined) return Math.round(readNumber(hoursAndHalf) * 3600 + 1800);
  const h = halfAlone ? 0.5 : readNumber(hours!) + (halfAfter ? 0.5 : 0);
  const min = minutesAfterHours === undefined ? 0 : readNumber(minutesAfterHours);
  return Math.round(h * 3600 + min * 60);
}

/** Reads a whole token as a duration (`90分钟`, `1h30m`); seconds, or null when it is not one or is 0. */
export function parseDuration(token: string): number | null {
  const text = token.trim();
  const [only] = findDurations(text);
  return only && only.start === 0 && only.end === text.length && only.seconds > 0 ? only.seconds : null;
}
