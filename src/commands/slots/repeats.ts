/**
 * A live that repeats, as a series of lives (issue 22): 每周一10:00 共8次, 每两周周三下午3点 直到1月底,
 * 下周一到周五每天上午9点. WeCom has no recurring live, so the bot makes each one; here the rule becomes the list of
 * starts. What cannot be read exactly — no end, more than 52 sessions or past a year, an unknown rule — is asked
 * about, never guessed.
 */
import { fromWallClock } from '../../zone.js';
import { dayNumber, isoWeekday, plusDays, type Day } from './calendar.js';
import { dayAt } from './days.js';
import { readNumber } from './numbers.js';
import { WORDS } from './words.js';

export const SERIES_MAX = 52;
const YEAR_DAYS = 366;

export type SeriesReading = { starts: number[]; skipped: number; rule: string } | { ask: string };

const WEEKLY = /(每|隔)\s*(两|2|隔一)?\s*(?:个)?\s*(?:周|星期|礼拜)\s*(?:的)?\s*(?:周|星期|礼拜)?\s*([一二三四五六日天1-7])/;
const DAILY = /每\s*(?:个)?\s*(天|日|工作日)/;
// 共8次, 8次; not 这一场 (one session, named).
const COUNT = /(?:共|一共|总共|连续)\s*([\d一二两三四五六七八九十]+)\s*(?:次|期|场|节|讲|周|天)|(?<![这那\d一二两三四五六七八九十])(\d+|[两三四五六七八九十]|[一二两三四五六七八九十]{2,})\s*(?:次|期|场)(?![\d点时])/;
const UNTIL = /(?:直到|一直到|截止到?|到|至)\s*(?=\S)/g;
const MONTH_END = /^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:底|末)/;

/** The starts the rule in `text` (folded) gives at `hour`:`minute`, seen from `now`; undefined when it holds no rule. */
export function readRepeat(text: string, now: number, timezone: string, today: Day, clock: { hour: number; minute: number }): SeriesReading | undefined {
  const weekly = WEEKLY.exec(text);
  const daily = weekly ? null : DAILY.exec(text);
  if (!weekly && !daily) return undefined;
  const count = readCount(text);
  const until = readUntil(text, today);
  const days = spanOfDays(text, today);
  let dates: Day[] = [];
  let rule: string;
  if (weekly) {
    const weekday = WORDS.weekdays[weekly[3] as keyof typeof WORDS.weekdays];
    const interval = weekly[1] === '隔' || weekly[2] ? 2 : 1;
    rule = `${interval === 2 ? '每两周' : '每'}周${'一二三四五六日'[weekday - 1]}`;
    // From the first such weekday on or after the day written first (下周一起…), else from today.
    let day = days[0] ?? today;
    while (isoWeekday(day) !== weekday) day = plusDays(day, 1);
    const last = until ?? (count === undefined ? undefined : plusDays(day, (count - 1) * 7 * interval));
    if (!last) return { ask: `「${rule}」一共几次，或到哪天为止？例如 共8次、直到1月底` };
    for (let d = day; dayNumber(d) <= dayNumber(last) && dates.length <= SERIES_MAX; d = plusDays(d, 7 * interval)) dates.push(d);
  } else {
    const workdays = daily![1] === '工作日';
    rule = workdays ? '每个工作日' : '每天';
    const first = days[0] ?? today;
    const last = days[1] ?? until;
    if (!last && count === undefined) return { ask: `「${rule}」从哪天到哪天，或一共几次？例如 下周一到周五、共5次` };
    for (let d = first; dates.length <= SERIES_MAX && (last ? dayNumber(d) <= dayNumber(last) : dates.length < count!); d = plusDays(d, 1)) {
      if (!workdays || isoWeekday(d) <= 5) dates.push(d);
    }
    if (count !== undefined) dates = dates.slice(0, count);
  }
  if (dates.length > SERIES_MAX) return { ask: `一个系列最多${SERIES_MAX}场，「${rule}」超过了。请缩短时间范围或减少次数。` };
  const lastDate = dates.at(-1);
  if (lastDate && dayNumber(lastDate) - dayNumber(today) > YEAR_DAYS) return { ask: '一个系列最多安排到一年以后。请缩短时间范围。' };
  const all = dates.map((d) => fromWallClock({ ...d, hour: clock.hour, minute: clock.minute, second: 0 }, timezone));
  const starts = all.filter((ms) => ms > now);
  if (starts.length === 0) return { ask: `「${rule}」的每一场都已经过去了。` };
  return { starts, skipped: all.length - starts.length, rule };
}

/** True when `text` says how many sessions or until when (共8次, 直到1月底): the end a series was asked for. */
export const endsSeries = (text: string): boolean => COUNT.test(text) || /(?:直到|一直到|截止)/.test(text);

/** 共8次, 8次, 连续5天: how many sessions. */
function readCount(text: string): number | undefined {
  const m = COUNT.exec(text);
  if (!m) return undefined;
  const n = readNumber((m[1] ?? m[2])!);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** 直到1月底, 截止12月31日, 到12月20日为止: the last day a session may be on. */
function readUntil(text: string, today: Day): Day | undefined {
  for (const m of text.matchAll(UNTIL)) {
    const at = m.index + m[0].length;
    const monthEnd = MONTH_END.exec(text.slice(at));
    if (monthEnd) {
      const month = readNumber(monthEnd[1]!);
      const year = month < today.month ? today.year + 1 : today.year;
      return plusDays({ year: month === 12 ? year + 1 : year, month: month === 12 ? 1 : month + 1, day: 1 }, -1);
    }
    // 到周五 of 下周一到周五 is the span's end, read by spanOfDays.
    if (m[0].startsWith('到') || m[0].startsWith('至')) continue;
    const day = dayAt(text, at, today);
    if (day?.day) return day.day;
  }
  return undefined;
}

/** 下周一到周五, 12月1日至12月5日: the first day written, and the end of a span that follows it. */
function spanOfDays(text: string, today: Day): Day[] {
  const found: Day[] = [];
  let end = 0;
  for (let i = 0; i < text.length && found.length < 2; i++) {
    const day = dayAt(text, i, today);
    if (!day?.day) continue;
    if (found.length === 1 && !/^\s*(?:到|至|-|~)\s*$/.test(text.slice(end, i))) break;
    // 周五 after 下周一到: that weekday on or after the first day.
    let d = day.day;
    if (found.length === 1 && day.weekdayOnly) while (dayNumber(d) < dayNumber(found[0]!)) d = plusDays(d, 7);
    found.push(d);
    end = day.end;
    i = day.end - 1;
  }
  return found;
}
