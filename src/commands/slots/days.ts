/**
 * The day grammar: a day written at a position of the (folded, lower-cased) text, as a date seen from today.
 * 明天, 后天, 今晚, 周五, 下周一, 下下周三, 12月3日, 十二月三号, 2026-12-03, 12/3, 12.3, 3号, 月底, 下个月3号, 3天后,
 * 过两天, 一周后, 元旦, 春节, 双12; a weekday in brackets after a date (12月1日（周二）) is checked against it.
 */
import { dayNumber, inMonth, isoWeekday, plusDays, validDay, type Day } from './calendar.js';
import { comingNamedDay } from './holidays.js';
import { numberAt } from './numbers.js';
import type { Span } from './reading.js';
import { alternation, oneOfAt, wordAt, WORDS, type Period } from './words.js';

export interface FoundDay extends Span {
  /** Undefined when the words name a day that does not exist (2月30日). */
  day?: Day;
  /** 周三 alone: the coming one, which may be today. */
  weekdayOnly?: true;
  /** 今晚, 明早: the day and its part at once. */
  period?: Period;
  /** 12月1日（周三）: the weekday written is not that date's. */
  mismatch?: string;
}

/** A past month-day this close is a date gone by (refused); further back it is next year's (1月5日 in December). */
const PAST_WINDOW_DAYS = 90;
const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

const ISO = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/y;
const NUMERIC = /(1[0-2]|0?[1-9])([/.])(3[01]|[12]\d|0?[1-9])(?![\d./])/y;
const PERIOD_WORDS = alternation(Object.keys(WORDS.periods).filter((w) => w.length > 1));
/** 12-22 before a time or a part of the day, or standing alone (10-12点 is a range). */
const DASHED = new RegExp(`(1[0-2]|0[1-9])-(3[01]|[12]\\d|0[1-9]|[1-9](?=\\s))(?=\\s*\\d{1,2}\\s*[:点]|\\s*\\d{1,2}\\s*(?:am|pm)|\\s*(?:${PERIOD_WORDS})|\\s*$|\\s+[^\\d\\s])`, 'y');
const WEEKDAY_KEYS = Object.keys(WORDS.weekdays);
/** 周五, 周5 (not 周12): a digit weekday stands alone, a Chinese one may run into a clock (星期五20:00). */
const WEEK_WORD = new RegExp(`(?:(${alternation(Object.keys(WORDS.weekOffsets))})\\s*)?(${alternation(WORDS.weekWords)})(${alternation(WEEKDAY_KEYS.filter((k) => !/\d/.test(k)))}|(?:${alternation(WEEKDAY_KEYS.filter((k) => /\d/.test(k)))})(?!\\d))`, 'y');
const OFFERED_WEEK = new RegExp(`(${alternation(Object.keys(WORDS.weekOffsets))})\\s*(?:${alternation(WORDS.weekWords)})[一二三四五六日天1-7]\\s*(?:或者|或|还是|和|、|跟)\\s*$`);
const LUNAR_MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const LUNAR_DATE = /(?:农历)?(正|冬|腊|[二三四五六七八九十]|十一|十二)月(初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)/y;
/** 初八 → 8, 十五 → 15, 廿三 → 23. */
function lunarDayNumber(written: string): number | undefined {
  if (written.startsWith('初')) return '一二三四五六七八九十'.indexOf(written[1]!) + 1;
  if (written.startsWith('廿')) return 20 + '一二三四五六七八九'.indexOf(written[1]!) + 1;
  return numberAt(written, 0)?.value;
}
const AHEAD_UNIT = /\s*(?:个)?\s*(天|日|周|星期|礼拜)\s*(?:以后|之后|后)/y;
const SPACE = /\s*/y;

const skipSpaces = (text: string, at: number): number => {
  SPACE.lastIndex = at;
  SPACE.exec(text);
  return SPACE.lastIndex;
};

/** What may follow a date written without its unit (12/3, 12月3): a space, a time, a period, or the end. */
function endsCleanly(text: string, at: number): boolean {
  const next = text[at];
  return next === undefined || /[\s,，、;；。!！?？)）(（]/.test(next) || /[\d零〇一二两三四五六七八九十]/.test(next) || wordAt(WORDS.periods, text, at) !== undefined || /^(?:的|那场|这场|那天|那一场|吧|每|或者|或|还是|没错|对的|对|来着)/.test(text.slice(at));
}

/** The month-day in the coming year: this year's, unless it is long gone. */
function comingMonthDay(month: number, day: number, today: Day): Day | undefined {
  const thisYear = validDay(today.year, month, day);
  if (thisYear && dayNumber(today) - dayNumber(thisYear) <= PAST_WINDOW_DAYS) return thisYear;
  return validDay(today.year + 1, month, day) ?? thisYear;
}

/** The day written at `text[at]`, if one is. */
export function dayAt(text: string, at: number, today: Day): FoundDay | undefined {
  const found = dateAt(text, at, today) ?? wordDayAt(text, at, today);
  if (!found || found.day === undefined) return found;
  const same = oneOfAt(WORDS.daySuffixes, text, skipSpaces(text, found.end));
  if (same) found.end = skipSpaces(text, found.end) + same.length;
  return withDateNote(text, found, today) ?? withWeekdayNote(text, found);
}

/** 12月3日是周四，不是周五: what a member is told when the weekday written is not the date's. */
const notThatWeekday = (day: Day, weekday: number): string => `${day.month}月${day.day}日是${WEEKDAY_NAMES[isoWeekday(day)]}，不是${WEEKDAY_NAMES[weekday]}`;

/** 周三(12月2日): a weekday with its date in brackets after it — the date, checked against the weekday. */
function withDateNote(text: string, found: FoundDay, today: Day): FoundDay | undefined {
  const open = /\s*[(（]\s*/y;
  open.lastIndex = found.end;
  WEEK_WORD.lastIndex = found.start;
  if (!WEEK_WORD.exec(text) || WEEK_WORD.lastIndex !== found.end || !open.exec(text)) return undefined;
  const date = dateAt(text, open.lastIndex, today);
  const close = /\s*[)）]/y;
  close.lastIndex = date?.end ?? 0;
  if (!date?.day || !close.exec(text)) return undefined;
  const annotated: FoundDay = { start: found.start, end: close.lastIndex, day: date.day };
  const actual = isoWeekday(date.day);
  const weekday = isoWeekday(found.day!);
  if (weekday !== actual) annotated.mismatch = notThatWeekday(date.day, weekday);
  return annotated;
}

/** Explicit dates, numbers first: 2026-12-03, 12月3日, 下个月3号, 月底, 12/3, 3号. */
function dateAt(text: string, at: number, today: Day): FoundDay | undefined {
  ISO.lastIndex = at;
  const iso = ISO.exec(text);
  if (iso) return { start: at, end: ISO.lastIndex, ...maybe(validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) };

  // [2027年 | 明年] 十二月三日 / 12月3号 / 12月3
  let i = at;
  let year: number | undefined;
  const yearDigits = /(\d{4})\s*年\s*/y;
  yearDigits.lastIndex = at;
  const y = yearDigits.exec(text);
  const yearWord = y ? undefined : wordAt(WORDS.yearOffsets, text, at);
  if (y) [year, i] = [Number(y[1]), yearDigits.lastIndex];
  else if (yearWord) [year, i] = [today.year + yearWord.value, skipSpaces(text, at + yearWord.word.length)];
  const month = numberAt(text, i);
  if (month && text[skipSpaces(text, month.end)] === '月') {
    const dayAtText = skipSpaces(text, skipSpaces(text, month.end) + 1);
    const day = numberAt(text, dayAtText);
    if (day) {
      let end = skipSpaces(text, day.end);
      const unit = oneOfAt(WORDS.dayUnits, text, end);
      if (unit || endsCleanly(text, day.end)) {
        end = unit ? end + unit.length : day.end;
        const date = year === undefined ? comingMonthDay(month.value, day.value, today) : validDay(year, month.value, day.value);
        return { start: at, end, ...maybe(date) };
      }
    }
  }
  if (year !== undefined) return undefined;

  // 下个月3号, 本月底, 下个月的最后一天, and 月底 alone (this month's).
  const monthWord = wordAt(WORDS.monthOffsets, text, at);
  // 那个月底 is 月底 after a filler; 这个月底 is this month's.
  const afterMonth = monthWord ? skipSpaces(text, at + monthWord.word.length) : text.startsWith('月', at) && !/(?:[\d年下本当]|(?<!那)个)$/.test(text.slice(0, at)) ? at + 1 : -1;
  if (afterMonth >= 0) {
    const months = monthWord?.value ?? 0;
    const last = oneOfAt(WORDS.monthEnds, text, afterMonth);
    if (last) return { start: at, end: afterMonth + last.length, ...maybe(inMonth(today, months, 'last')) };
    if (monthWord) {
      const dayFrom = text.startsWith('的', afterMonth) ? skipSpaces(text, afterMonth + 1) : afterMonth;
      const n = numberAt(text, dayFrom);
      const unit = n && oneOfAt(WORDS.dayUnits, text, skipSpaces(text, n.end));
      if (n && unit) return { start: at, end: skipSpaces(text, n.end) + unit.length, ...maybe(inMonth(today, months, n.value)) };
    }
  }

  // 12/3, 12.3 standing alone or before a time; 12-03 only before a time (3-5 is a range).
  for (const pattern of [NUMERIC, DASHED]) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    // After Latin letters (v12.3) it is part of a word; after Chinese (那个12.3, 或12/4) it may be a date.
    if (!m || /[\d.A-Za-z]/.test(text[at - 1] ?? '')) continue;
    if (pattern === NUMERIC && !endsCleanly(text, pattern.lastIndex)) continue;
    const [monthText, dayText] = pattern === NUMERIC ? [m[1]!, m[3]!] : [m[1]!, m[2]!];
    return { start: at, end: pattern.lastIndex, ...maybe(comingMonthDay(Number(monthText), Number(dayText), today)) };
  }

  // 3号, 28日 (the coming one): not 3号楼, not the 3 of 12月3号.
  if (!/[\d月年零〇一二两三四五六七八九十]/.test(text[at - 1] ?? '')) {
    const n = numberAt(text, at);
    const unit = n && oneOfAt(WORDS.dayUnits, text, skipSpaces(text, n.end));
    const end = n && unit ? skipSpaces(text, n.end) + unit.length : -1;
    if (n && unit && n.value >= 1 && n.value <= 31 && Number.isInteger(n.value) && endsCleanly(text, end)) {
      return { start: at, end, ...maybe(inMonth(today, n.value >= today.day ? 0 : 1, n.value)) };
    }
  }
  return undefined;
}

/** Days said in words: 今晚, 明天, 下周一, 周5, 3天后, 过两天, 一周后, 元旦. */
function wordDayAt(text: string, at: number, today: Day): FoundDay | undefined {
  const dayPeriod = wordAt(WORDS.dayPeriods, text, at);
  const relative = wordAt(WORDS.relativeDays, text, at);
  if (dayPeriod && (!relative || dayPeriod.word.length >= relative.word.length)) {
    const [days, period] = dayPeriod.value;
    return { start: at, end: at + dayPeriod.word.length, day: plusDays(today, days), period };
  }
  // today, tomorrow: an English word only as a whole word (明天pm 3:00 is 明天).
  if (relative && !(/^[a-z]/.test(relative.word) && /[a-z]/.test(text[at + relative.word.length] ?? ''))) return { start: at, end: at + relative.word.length, day: plusDays(today, relative.value) };

  WEEK_WORD.lastIndex = at;
  const week = WEEK_WORD.exec(text);
  if (week) {
    const weekday = WORDS.weekdays[week[3] as keyof typeof WORDS.weekdays];
    // 下周三或周四: a weekday offered beside another is in the same week.
    const offered = week[1] === undefined ? OFFERED_WEEK.exec(text.slice(0, at))?.[1] : undefined;
    const offsetWord = week[1] ?? offered;
    const offset = offsetWord === undefined ? undefined : WORDS.weekOffsets[offsetWord as keyof typeof WORDS.weekOffsets];
    const todayWeekday = isoWeekday(today);
    // 周三 alone is the coming one; 这周三 this week's (maybe past); 下周三 next week's (weeks start on Monday).
    const days = offset === undefined ? (weekday - todayWeekday + 7) % 7 : offset * 7 + weekday - todayWeekday;
    return { start: at, end: WEEK_WORD.lastIndex, day: plusDays(today, days), ...(offset === undefined ? { weekdayOnly: true as const } : {}) };
  }

  // 过两天, 3天后, 一周后, 两个星期以后
  const past = text.startsWith('过', at);
  const n = numberAt(text, past ? at + 1 : at);
  if (n && Number.isInteger(n.value) && n.value > 0 && n.value < 400) {
    if (past && /\s*(?:天|日)/y.test(text.slice(n.end, n.end + 2))) {
      const unitEnd = skipSpaces(text, n.end) + 1;
      return { start: at, end: unitEnd, day: plusDays(today, n.value) };
    }
    AHEAD_UNIT.lastIndex = n.end;
    const ahead = !past && AHEAD_UNIT.exec(text);
    if (ahead) return { start: at, end: AHEAD_UNIT.lastIndex, day: plusDays(today, /[天日]/.test(ahead[1]!) ? n.value : n.value * 7) };
  }

  // 正月初八, 农历腊月二十三: a date of the lunar calendar.
  LUNAR_DATE.lastIndex = at;
  const lunar = LUNAR_DATE.exec(text);
  if (lunar) {
    const month = LUNAR_MONTHS.indexOf(lunar[1]!) + 1 || numberAt(lunar[1]!, 0)?.value;
    const day = lunarDayNumber(lunar[2]!);
    if (month && day) return { start: at, end: LUNAR_DATE.lastIndex, ...maybe(comingNamedDay({ lunar: [month, day] }, today)) };
  }
  const named = wordAt(WORDS.namedDays, text, at);
  if (named) return { start: at, end: at + named.word.length, ...maybe(comingNamedDay(named.value, today)) };
  return undefined;
}

/** `{ day }` when there is one. */
const maybe = (day: Day | undefined): { day?: Day } => (day ? { day } : {});

/** 12月1日（周二） or 12月1日 周二: the weekday repeats the date; one that disagrees is kept as a mismatch. */
function withWeekdayNote(text: string, found: FoundDay): FoundDay {
  // 12月10日（第15周周四）: a term's week number may stand in the note too.
  const note = /\s*[(（]?\s*(?:第[\d一二三四五六七八九十]{1,3}周\s*)?/y;
  note.lastIndex = found.end;
  note.exec(text);
  const open = note.lastIndex;
  WEEK_WORD.lastIndex = open;
  const week = WEEK_WORD.exec(text);
  if (!week || week[1] !== undefined || found.weekdayOnly) return found;
  const close = /\s*[)）]?/y;
  close.lastIndex = WEEK_WORD.lastIndex;
  close.exec(text);
  const weekday = WORDS.weekdays[week[3] as keyof typeof WORDS.weekdays];
  const actual = isoWeekday(found.day!);
  const annotated: FoundDay = { ...found, end: close.lastIndex };
  if (weekday !== actual) annotated.mismatch = notThatWeekday(found.day!, weekday);
  return annotated;
}
