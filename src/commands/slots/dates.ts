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
/** 月底, 本月底, 下个月末, 这个月的最后一天 (a bare 末 is not a month's end: 周末 is a weekend). */
const MONTH_END = new RegExp(String.raw`${MONTH_WORD}\s*(?:底|末|的?最后一天)|(?<![\d年下本这个])月(?:底|末)`, 'g');
const MONTH_DAY = new RegExp(String.raw`${MONTH_WORD}\s*(?:的)?\s*(${NUMBER})\s*[号日]`, 'g');
/** `3号 15:00`: a day of the month alone, when a time or the end of the phrase follows (not `3号楼`). */
const BARE_DAY = new RegExp(String.raw`(?<![\d月年零〇一二两三四五六七八九十])(${NUMBER})\s*号(?=\s|$|[,:、.;!?]|\d|上午|下午|中午|晚上|早上|凌晨|傍晚)`, 'g');
/** `12.1 15:00`, `12/1 下午3点`. */
const DOTTED = /(?<![\d.\/])(1[0-2]|0?[1-9])[./](3[01]|[12]\d|0?[1-9])(?![\d.\/])(?=\s*(?:\d{1,2}\s*[:点]|上午|下午|中午|晚上|早上|凌晨|傍晚))/g;

/**
 * Days from today: 后天 / 大后天 alone (chrono reads them only with an hour; before an hour they are left to it, as
 * an explicit date there confuses it when another time stands earlier), 次日, 过两天, 一周后, 两周后.
 */
const DAYS_AHEAD = new RegExp(String.raw`((?:大后天|后天)(?!\s*(?:[\d零〇一二两三四五六七八九十]|上午|下午|中午|晚上|早上|凌晨|傍晚|早|晚))|次日|过(${NUMBER})天|(${NUMBER})\s*(?:个)?(?:周|星期|礼拜)(?:以后|之后|后))`, 'g');
/** 周5, 星期3: a weekday written with a digit. */
const DIGIT_WEEKDAY = /(?<![下这本])(周|星期|礼拜)([1-7])(?!\d)/g;
/** 2026/12/01, 2026.12.01, 12-01 followed by a time. */
const NUMERIC_DATE = /(?<![\d.\/-])(?:(20\d\d)[./](1[0-2]|0?[1-9])[./](3[01]|[12]\d|0?[1-9])|(1[0-2]|0[1-9])-(3[01]|[12]\d|0[1-9])(?=\s*\d{1,2}[:点]))(?![\d.\/])/g;
/** 3pm, 8 am; 晚8点 and 早9点 (chrono zh reads 晚8点 as 08:00); 一刻 and 三刻; an em dash between two times. */
const CLOCK_WORDS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/(\d{1,2})(?::(\d\d))?\s*(pm|p\.m\.)/gi, (m) => `下午${m[1]}点${m[2] ? `${Number(m[2])}分` : ''}`],
  [/(\d{1,2})(?::(\d\d))?\s*(am|a\.m\.)/gi, (m) => `上午${m[1]}点${m[2] ? `${Number(m[2])}分` : ''}`],
  [/(?<![今明昨前后傍夜])晚(?=\s*[\d零〇一二两三四五六七八九十])/g, () => '晚上'],
  [/(?<![今明昨前])早(?=\s*[\d零〇一二两三四五六七八九十])/g, () => '早上'],
  [/傍晚|晚间|夜里/g, () => '晚上'],
  // 下午3-5点: chrono reads a range only with its unit on both ends.
  [/(\d{1,2})\s*-\s*(\d{1,2})\s*点/g, (m) => `${m[1]}点-${m[2]}点`],
  // 9:00-10: the end of a range written without its minutes.
  [/(\d{1,2}:\d\d)\s*-\s*(\d{1,2})(?![\d:点])/g, (m) => `${m[1]}-${m[2]}:00`],
  // 12月1日（周二）: the weekday in brackets repeats the date.
  [/([日号])\s*[（(]?\s*(?:周|星期|礼拜)[一二三四五六日天]\s*[)）]?(?=\s|$|\d|上午|下午|中午|晚上|早上)/g, (m) => `${m[1]} `],
  [/(点)一刻/g, (m) => `${m[1]}15分`],
  [/(点)三刻/g, (m) => `${m[1]}45分`],
  [/(\d)\s*[—–－~～]\s*(\d)/g, (m) => `${m[1]}-${m[2]}`],
];

const plusDays = (today: WallClock, days: number): Day => {
  const t = new Date(Date.UTC(today.year, today.month - 1, today.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
};

/** `reading` with the phrases above written as explicit dates, as seen on `today` in the company zone. */
export function rewriteDates(reading: Reading, today: WallClock): Reading {
  let r = reading;
  // In an English sentence (tomorrow 3pm) chrono's English parser reads am/pm itself.
  const english = /[A-Za-z]{3,}/.test(reading.text.replace(/\b(?:a\.?m|p\.?m)\b/gi, ''));
  for (const [pattern, rewrite] of CLOCK_WORDS) if (!english || !/[ap]m/.test(pattern.source)) r = r.replace(pattern, rewrite);
  return r
    .replace(/(明|今|去)年(?=\s*\d{1,2}\s*月)/g, (m) => `${today.year + (m[1] === '明' ? 1 : m[1] === '去' ? -1 : 0)}年`)
    .replace(DAYS_AHEAD, (m) => {
      // 次日 is 明天, which chrono reads with or without an hour.
      if (m[1] === '次日') return '明天';
      const days = m[1] === '大后天' ? 3 : m[1] === '后天' ? 2 : m[2] ? readNumber(m[2]) : readNumber(m[3]!) * 7;
      return Number.isInteger(days) && days > 0 && days < 400 ? explicit(plusDays(today, days)) : m[0];
    })
    .replace(DIGIT_WEEKDAY, (m) => `${m[1]}${'一二三四五六日'[Number(m[2]) - 1]}`)
    .replace(NUMERIC_DATE, (m) => (m[1] ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : `${Number(m[4])}月${Number(m[5])}日`))
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
