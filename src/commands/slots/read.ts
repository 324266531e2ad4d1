/**
 * The slot reader: what a create message (or the answer to a question) says, recognised by what each part is,
 * not by where it stands. Quotes and labels mark a theme or description explicitly; reminders, durations and times
 * are found anywhere; what is left, cut from the member's own text, is the theme (first) and the description (the
 * rest). Where the text allows two readings it says so in `doubt` instead of picking one.
 */
import { wallClock, fromWallClock } from '../../zone.js';
import { rewriteDates } from './dates.js';
import { findDurations } from './durations.js';
import { Reading, type Span } from './reading.js';
import { findReminders } from './reminders.js';
import { findTimes, type Day, type FoundTime } from './times.js';

export type { Day };

/** Everything a message said about a live; absent fields were not written. */
export interface Slots {
  theme?: string;
  description?: string;
  /** ms since the epoch, when a day and an hour were both read. */
  start?: number;
  /** A day written without its hour. */
  day?: Day;
  /** The time as written (normalised), for questions and refusals. */
  timeText?: string;
  durationSeconds?: number;
  /** The length of a written range (9:00-11:30). */
  rangeSeconds?: number;
  /** Seconds before the start; 0 for 不提醒. */
  remindSeconds?: number;
  /** Something the message says in two ways, or leaves open: ask before creating anything. */
  doubt?: Doubt;
  /** 两点: the hour that was written, waiting for 上午 or 下午. */
  hourInDoubt?: { hour: number; minute: number };
  /** 周三上午10点 on a Wednesday afternoon: next week's start (ms), taken when the member answers 是. */
  weekInDoubt?: number;
}

export type Slot = 'theme' | 'time' | 'hour' | 'duration' | 'description';

export interface Doubt {
  slot: Slot;
  /** Why the bot asks, in the member's words ("消息里有两个时间…"). */
  why: string;
}

export interface ReadOptions {
  /** Spans of the text that named the command (创建直播, 开个…直播): not part of any slot. */
  cues?: readonly Span[];
  /** The day an answer's bare hour belongs to (the question was 几点开始). */
  day?: Day;
}

const QUOTED = /“([^”]*)”|"([^"]*)"|「([^」]*)」|『([^』]*)』|‘([^’]*)’|《([^》]*)》|'([^']*)'|【([^】]*)】|\[([^\]]*)\]/g;
/** 主题是…, 主题：…, and after a comma 主题周会 (a theme that starts with 主题 stands first, not after a comma). */
const THEME_LABEL = /(?:直播)?(?:主题|标题|名称|题目)\s*(?:是|为|叫|:|\s)\s*|(?<=[,，、;；]\s*)(?:直播)?主题(?=[^\s,，:：是为叫])/g;
const DESCRIPTION_LABEL = /(?:直播)?(?:描述|简介|内容|说明|备注)\s*(?:是|为|:|\s)\s*/g;
/**
 * 时间：明天, 开始时间是…, 直播时间 明天, 时间明天15:00 — a label where a part starts and a value follows; inside a theme
 * (时间管理培训, UI缺时间) 时间 is the member's word.
 */
const TIME_LABEL = /(?<=^|[\s,，、;；。的])(?:直播|会议)?(?:开始|开播)?时间(?:\s*(?:是|为|:|定在|定于|定为|在)\s*|\s+|(?=[明今后下这本周星礼上中晚早凌傍\d零〇一二两三四五六七八九十]))|(?:开始|开播|举行|进行)(?=$|[\s,，:：、;；。!！?？])/g;
/** Words that carry no slot at the edges of what is left: 帮我…吧, 在明天, …的周会. */
const LEADING_FILLER = /^(?:好的|好|嗯|就叫|就|能不能帮我|可以帮我|能帮我|麻烦帮我|请帮我|帮我|帮忙|麻烦|请|给我|我要|我想|有个|有场|就叫|叫做|名叫|名为|定在|定于|大概|大约|预计|的|一个|一场)+/;
/** A part that is only one of these says nothing (在 明天15:00, 是 周会); inside a longer part they are words (要取消). */
const FILLER_ALONE = /^(?:想|要|在|于|从|是|个|场|和|及|左右|约|大概|大约|预计|最多|持续|共|for|at|on|定在|定于|准时|举办|开|吗|啦|呗|吧|呀|哦|了|呢|哈|嗯|好的|好|就|谢谢|谢啦|多谢|麻烦了|可以吗|好吗|一下|您好|你好|hi|hello|嗨)$/i;
const TRAILING_FILLER = /(?:的直播|的|吧|哈|呢|啊|哦|呀|啦|呗|吗|了|一下|谢谢|左右|开始|开播|举行|进行|在)+$/;
/** 明天15:00开始: a part that is only such a word says nothing. */
const TRAILING_FILLER_ALONE = /(?:开始|开播|举行|进行)$/;
const LATIN_WORD = /^[A-Za-z0-9][\w.&+'-]*$/;
/** Q4, H1, AI, V2, 2026: too short to be a theme by itself. */
const SHORT_CODE = /^(?:[A-Za-z]{1,3}\d{0,2}|\d{4})$/;
/** What goes on a theme rather than starting a description: 第3期, 2.0, （上）, 下篇, Part 2. */
const CONTINUATION = /^(?:第|[（(]|[上中下](?:篇|集|期|半场)|part|vol|ep)/i;
const GLUED_AFTER = /^(?!左右|以内|以上|上下|整|的)[\p{L}\p{N}]/u;

/** Day words no rewrite turned into a date: where they are left over, the day is not known. */
const UNREAD_DAY = /周末|下个?(?:周|星期|礼拜)(?![一二三四五六日天])|下个?月(?![底末\d零〇一二两三四五六七八九十])|月初|月中|上旬|中旬|下旬|明后天|今明两?天|年底|年初|节后|节前|改天|[这本]周(?![一二三四五六日天])/;
/** Recurring lives are not something WeCom's living/create makes. */
const REPEATING = /每(?:周|天|日|月|星期|礼拜)|每个?(?:周|星期|礼拜)[一二三四五六日天]/;
const SEPARATOR = /[\s,，:：、;；。!！?？~～\/|｜]/;

/** Reads `original` at `nowMs` in `tz`. Never throws. */
export function readSlots(original: string, nowMs: number, tz: string, options: ReadOptions = {}): Slots {
  const today = wallClock(nowMs, tz);
  let reading = Reading.of(original);
  const slots: Slots = {};
  /** Spans of the original that belong to a slot or a cue: cut out of the theme and description. */
  const taken: Array<Span & { kind: 'slot' | 'cue' | 'theme-label' | 'description-label' | 'quoted' }> = [];
  const take = (r: Reading, span: Span, kind: (typeof taken)[number]['kind'] = 'slot') => taken.push({ ...r.source(span), kind });

  for (const cue of options.cues ?? []) take(reading, cue, 'cue');
  reading = reading.mask(options.cues ?? []);
  const quoted: Span[] = [];
  for (const m of reading.text.matchAll(QUOTED)) {
    // “AI”实战: quotes inside a word are part of it; only a quote standing alone marks a theme.
    const end = m.index + m[0].length;
    if (!standsAlone(reading.text, m.index, end)) continue;
    const inner = { start: m.index + 1, end: end - 1 };
    quoted.push({ start: m.index, end });
    take(reading, inner, 'quoted');
  }
  reading = reading.mask(quoted);

  for (const label of [THEME_LABEL, DESCRIPTION_LABEL, TIME_LABEL] as const) {
    const spans = [...reading.text.matchAll(label)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    for (const span of spans) take(reading, span, label === THEME_LABEL ? 'theme-label' : label === DESCRIPTION_LABEL ? 'description-label' : 'slot');
    reading = reading.mask(spans);
    // What follows 描述：/备注： is the member's description, times and lengths included ("会后有15分钟答疑").
    if (label === DESCRIPTION_LABEL && spans[0]) reading = reading.mask([{ start: spans[0].end, end: reading.text.length }]);
  }

  const reminders = findReminders(reading.text);
  if (reminders[0]) slots.remindSeconds = reminders[0].seconds;
  for (const r of reminders) take(reading, r);
  reading = reading.mask(reminders);

  // 24小时挑战赛, 30分钟学会Excel: a length running into a word is part of that word.
  const durations = findDurations(reading.text).filter((d) => !GLUED_AFTER.test(reading.text.slice(d.end)));
  if (durations.length > 0) {
    slots.durationSeconds = durations[0]!.seconds;
    if (new Set(durations.map((d) => d.seconds)).size > 1) {
      slots.doubt = { slot: 'duration', why: `消息里有${durations.length}个时长（${durations.map((d) => reading.text.slice(d.start, d.end).trim()).join('、')}）。` };
    }
  }
  for (const d of durations) take(reading, d);
  reading = reading.mask(durations);

  reading = rewriteDates(reading, today);
  const times = findTimes(reading.text, today).filter((t) => t.hour || !gluedToWord(reading.text, t));
  for (const t of times) take(reading, t);
  const todayAssumed = readTime(times, slots, today, tz, nowMs, options.day);

  const { theme, description } = leftovers(original, taken);
  if (theme !== undefined) slots.theme = theme;
  if (description !== undefined) slots.description = description;
  // Words of a day the reader did not turn into one (下周, 周末, 月初, 明后天) must not leave a bare hour on today.
  const leftover = `${theme ?? ''} ${description ?? ''}`;
  const unread = UNREAD_DAY.exec(leftover);
  if (!slots.doubt && unread && (todayAssumed || slots.start === undefined)) {
    delete slots.start;
    delete slots.day;
    slots.doubt = { slot: 'time', why: `「${unread[0]}」是哪一天？` };
  }
  // Read in the whole message: the date rewrite takes 后天 out of 明后天, and 周五 out of 每周五.
  const folded = original.normalize('NFKC');
  const repeating = REPEATING.exec(folded);
  const eitherDay = /明后天|今明两?天/.exec(folded);
  if (repeating) slots.doubt = { slot: 'time', why: `暂不支持重复的直播（「${repeating[0]}」），每一场需要单独创建。` };
  else if (eitherDay) slots.doubt = { slot: 'time', why: `「${eitherDay[0]}」是哪一天？` };
  if (slots.doubt?.slot === 'time') {
    delete slots.start;
    delete slots.day;
  }
  return slots;
}

const standsAlone = (text: string, start: number, end: number): boolean =>
  text[start] === '【' ||
  (start === 0 || SEPARATOR.test(text[start - 1]!)) && (end === text.length || SEPARATOR.test(text[end]!) || /[\p{L}\p{N}]/u.test(text[end]!) === false || /\d/.test(text[end]!));

/** 周会周五 or 周一例会: a day with no hour, written against a word, may be part of the word. */
function gluedToWord(text: string, t: FoundTime): boolean {
  const letter = /[\p{L}\p{N}]/u;
  // 下周三的直播: 的 ties the day to what follows without making it part of a word.
  return letter.test(text[t.start - 1] ?? '') || (letter.test(text[t.end] ?? '') && text[t.end] !== '的');
}

/** True when both are the same calendar day. */
export const sameDay = (a: Day, b: Day): boolean => a.year === b.year && a.month === b.month && a.day === b.day;
const dayOf = (w: { year: number; month: number; day: number }): Day => ({ year: w.year, month: w.month, day: w.day });

/**
 * Fills the time fields of `slots` from what was found, or a doubt when the times disagree or leave it open.
 * True when the start's day was not written and today was taken.
 */
function readTime(times: FoundTime[], slots: Slots, today: ReturnType<typeof wallClock>, tz: string, nowMs: number, answerDay?: Day): boolean {
  if (times.length === 0) return false;
  slots.timeText = times.map((t) => t.text.trim()).join(' ');
  const days = times.filter((t) => t.day);
  const hours = times.filter((t) => t.hour);
  const distinct = <T>(values: T[], key: (v: T) => string) => new Set(values.map(key)).size;
  if (distinct(days, (t) => JSON.stringify(t.day)) > 1 || distinct(hours, (t) => `${t.hour!.hour}:${t.hour!.minute}`) > 1) {
    slots.doubt = { slot: 'time', why: `消息里有${times.length}个时间（${times.map((t) => t.text.trim()).join('、')}）。` };
    return false;
  }
  const day = days[0]?.day ?? answerDay;
  const hour = hours[0]?.hour;
  const range = hours.find((t) => t.rangeSeconds !== undefined)?.rangeSeconds;
  if (range !== undefined) slots.rangeSeconds = range;
  if (!hour) {
    if (day) slots.day = day;
    return false;
  }
  const on = day ?? dayOf(today);
  if (!hour.halfOfDayKnown && hour.hour >= 1 && hour.hour <= 6) {
    // 两点 in a work chat is more often 14:00 than 02:00, but a live at the wrong one is worse than a question.
    slots.day = on;
    const clock = `${hour.hour}点${hour.minute ? `${hour.minute}分` : ''}`;
    slots.doubt = { slot: 'hour', why: `「${slots.timeText}」是凌晨${clock}还是下午${clock}？` };
    slots.hourInDoubt = { hour: hour.hour, minute: hour.minute };
    return false;
  }
  const written = times.map((t) => t.text.trim()).join(' ');
  if (hour.hour === 12 && /晚上|夜|半夜|凌晨/.test(written)) {
    slots.day = on;
    slots.doubt = { slot: 'hour', why: `「${written}」是中午12点还是夜里0点？` };
    return false;
  }
  const weekdayOnly = days.find((t) => t.weekdayOnly);
  if (weekdayOnly && day && Date.UTC(day.year, day.month - 1, day.day) - Date.UTC(today.year, today.month - 1, today.day) >= 7 * 86_400_000) {
    // 周三上午10点 on a Wednesday afternoon: chrono moves it a week on, but the member may have meant today's
    // (already past). Asked, and 是 / 对 / 下周 take next week's.
    slots.day = day;
    slots.weekInDoubt = fromWallClock({ ...day, hour: hour.hour, minute: hour.minute, second: 0 }, tz);
    slots.doubt = { slot: 'time', why: `今天就是${written.slice(0, 2)}，「${written}」是指下${written.slice(0, 2)}（${day.month}月${day.day}日）吗？回复「是」，或` };
    return false;
  }
  slots.start = fromWallClock({ ...on, hour: hour.hour, minute: hour.minute, second: 0 }, tz);
  if (!day && slots.start <= nowMs) {
    // A bare 15:00 means today; once today's has passed, tomorrow's would be a guess.
    slots.doubt = { slot: 'time', why: `今天${pad(hour.hour)}:${pad(hour.minute)}已经过去了。` };
    delete slots.start;
  }
  return !day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The member's own text that no slot took: split at separators and at taken spans, fillers trimmed. A quoted or
 * labelled part is the theme (or description); otherwise the first part is the theme and the rest the description.
 */
function leftovers(original: string, taken: Array<Span & { kind: string }>): { theme?: string; description?: string } {
  const owner = new Array<string | undefined>(original.length);
  for (const t of taken) for (let i = t.start; i < t.end; i++) owner[i] = t.kind;
  /** A run of the member's text; `text` without fillers (the theme's form), `start`–`end` as written. */
  interface Part extends Span { text: string; after: string | undefined; quoted: boolean }
  const parts: Part[] = [];
  let lastKind: string | undefined;
  /** After 描述：, every part is description until a theme label. */
  let inDescription = false;
  const firstCue = Math.min(...taken.filter((t) => t.kind === 'cue').map((t) => t.start), original.length);
  const saw = (kind: string | undefined) => {
    lastKind = kind;
    if (kind === 'description-label') inDescription = true;
    if (kind === 'theme-label') inDescription = false;
  };
  for (let i = 0; i < original.length; ) {
    const after = inDescription ? 'description-label' : lastKind;
    if (owner[i] === 'quoted') {
      let j = i;
      while (j < original.length && owner[j] === 'quoted') j++;
      // The part spans its quote marks, so a description keeps them (书目：《三体》); the theme is what they hold.
      parts.push({ start: i - 1, end: j + 1, text: original.slice(i, j).trim(), after, quoted: true });
      saw('quoted');
      i = j;
      continue;
    }
    if (owner[i] !== undefined || SEPARATOR.test(original[i]!)) {
      if (owner[i] !== undefined) saw(owner[i]);
      i++;
      continue;
    }
    let j = i;
    while (j < original.length && owner[j] === undefined && !SEPARATOR.test(original[j]!)) j++;
    const raw = original.slice(i, j);
    const text = raw.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
    // Closing punctuation belongs to what it closes (进入！, 冲刺!); a theme keeps ! and ? but not a full stop.
    const rawEnd = j;
    while (j < original.length && owner[j] === undefined && /[!！?？。.~～…]/.test(original[j]!)) j++;
    const closing = original.slice(rawEnd, j).replace(/[。.~～…]/g, '');
    const closed = raw.endsWith(text) ? text + closing : text;
    // 🎉创建直播 …: symbols before the command's words decorate the message, they are not its theme.
    const decoration = j <= firstCue && /^[\p{S}\p{P}]+$/u.test(text);
    if (text !== '' && !decoration && !FILLER_ALONE.test(text) && !/^\p{P}+$/u.test(text)) parts.push({ start: i, end: j, text: closed, after, quoted: false });
    i = j;
  }
  // One phrase written with a space: Weekly Sync, iPhone 17发布会 (Latin runs on into Latin), 新人培训 第3期
  // (a continuation), and whatever follows 主题：up to the next comma or time.
  for (let k = parts.length - 1; k > 0; k--) {
    const [a, b] = [parts[k - 1]!, parts[k]!];
    const gap = original.slice(a.end, b.start);
    if (a.quoted || b.quoted || !/^[ \u3000]+$/.test(gap) || owner.slice(a.end, b.start).some((o) => o !== undefined)) continue;
    const latin = LATIN_WORD.test(a.text) && /^[A-Za-z0-9]/.test(b.text);
    // Q4 复盘, AI 分享会, 2026 年会: a short code first is the start of the theme, not a theme of its own.
    const prefix = k - 1 === 0 && SHORT_CODE.test(a.text) && /^\p{Script=Han}/u.test(b.text);
    if (!(a.after === 'theme-label' || latin || prefix || CONTINUATION.test(b.text))) continue;
    parts.splice(k - 1, 2, { ...a, end: b.end, text: `${a.text}${gap}${b.text}` });
  }
  // A labelled theme, else the first part: quoted when it holds spaces (a quote later on, 书目《三体》, is description).
  const themePart = parts.find((p) => p.after === 'theme-label') ?? parts.find((p) => p.after !== 'description-label');
  const rest = parts.filter((p) => p !== themePart);
  const out: { theme?: string; description?: string } = {};
  if (themePart) out.theme = themePart.text;
  if (rest.length > 0) {
    // The description is the member's own text; parts written next to each other keep what stood between them.
    const own = (p: Part) => original.slice(p.start, p.end).replace(p.quoted ? '' : TRAILING_FILLER_ALONE, '');
    let description = own(rest[0]!);
    for (let k = 1; k < rest.length; k++) {
      const untouched = owner.slice(rest[k - 1]!.end, rest[k]!.start).every((o) => o === undefined);
      description += (untouched ? original.slice(rest[k - 1]!.end, rest[k]!.start) : ' ') + own(rest[k]!);
    }
    out.description = description.trim();
  }
  return out;
}
