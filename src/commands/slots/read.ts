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

const QUOTED = /“([^”]*)”|"([^"]*)"|「([^」]*)」|『([^』]*)』|‘([^’]*)’|《([^》]*)》|'([^']*)'/g;
const THEME_LABEL = /(?:直播)?(?:主题|标题|名称|题目)\s*(?:是|为|叫|:|\s)\s*/g;
const DESCRIPTION_LABEL = /(?:直播)?(?:描述|简介|内容|说明|备注)\s*(?:是|为|:|\s)\s*/g;
const TIME_LABEL = /(?:开始|开播)?时间\s*(?:是|为|:)?\s*|(?:开始|开播|举行|进行)(?=$|[\s,，:：、;；。!！?？])/g;
/** Words that carry no slot at the edges of what is left: 帮我…吧, 在明天, …的周会. */
const LEADING_FILLER = /^(?:帮我|帮忙|麻烦|请|给我|我要|我想|的|一个|一场)+/;
/** A part that is only one of these says nothing (在 明天15:00, 是 周会); inside a longer part they are words (要取消). */
const FILLER_ALONE = /^(?:想|要|在|于|从|是|个|场|和|及)$/;
const TRAILING_FILLER = /(?:的|吧|哈|呢|啊|哦|呀|一下|谢谢|开始|开播|举行|进行|在)+$/;
/** 明天15:00开始: a part that is only such a word says nothing. */
const TRAILING_FILLER_ALONE = /(?:开始|开播|举行|进行)$/;
const SEPARATOR = /[\s,，:：、;；。!！?？~～]/;

/** Reads `original` at `nowMs` in `tz`. Never throws. */
export function readSlots(original: string, nowMs: number, tz: string, options: ReadOptions = {}): Slots {
  const today = wallClock(nowMs, tz);
  let reading = Reading.of(original);
  const slots: Slots = {};
  /** Spans of the original that belong to a slot or a cue: cut out of the theme and description. */
  const taken: Array<Span & { kind: 'slot' | 'theme-label' | 'description-label' | 'quoted' }> = [];
  const take = (r: Reading, span: Span, kind: (typeof taken)[number]['kind'] = 'slot') => taken.push({ ...r.source(span), kind });

  for (const cue of options.cues ?? []) take(reading, cue);
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
  }

  const reminders = findReminders(reading.text);
  if (reminders[0]) slots.remindSeconds = reminders[0].seconds;
  for (const r of reminders) take(reading, r);
  reading = reading.mask(reminders);

  const durations = findDurations(reading.text);
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
  readTime(times, slots, today, tz, nowMs, options.day);

  const { theme, description } = leftovers(original, taken);
  if (theme !== undefined) slots.theme = theme;
  if (description !== undefined) slots.description = description;
  return slots;
}

const standsAlone = (text: string, start: number, end: number): boolean =>
  (start === 0 || SEPARATOR.test(text[start - 1]!)) && (end === text.length || SEPARATOR.test(text[end]!) || /[\p{L}\p{N}]/u.test(text[end]!) === false);

/** 周会周五 or 周一例会: a day with no hour, written against a word, may be part of the word. */
function gluedToWord(text: string, t: FoundTime): boolean {
  const letter = /[\p{L}\p{N}]/u;
  return letter.test(text[t.start - 1] ?? '') || letter.test(text[t.end] ?? '');
}

const sameDay = (a: Day, b: Day) => a.year === b.year && a.month === b.month && a.day === b.day;
const dayOf = (w: { year: number; month: number; day: number }): Day => ({ year: w.year, month: w.month, day: w.day });

/** Fills the time fields of `slots` from what was found, or a doubt when the times disagree or leave it open. */
function readTime(times: FoundTime[], slots: Slots, today: ReturnType<typeof wallClock>, tz: string, nowMs: number, answerDay?: Day): void {
  if (times.length === 0) return;
  slots.timeText = times.map((t) => t.text.trim()).join(' ');
  const days = times.filter((t) => t.day);
  const hours = times.filter((t) => t.hour);
  const distinct = <T>(values: T[], key: (v: T) => string) => new Set(values.map(key)).size;
  if (distinct(days, (t) => JSON.stringify(t.day)) > 1 || distinct(hours, (t) => `${t.hour!.hour}:${t.hour!.minute}`) > 1) {
    slots.doubt = { slot: 'time', why: `消息里有${times.length}个时间（${times.map((t) => t.text.trim()).join('、')}）。` };
    return;
  }
  const day = days[0]?.day ?? answerDay;
  const hour = hours[0]?.hour;
  const range = hours.find((t) => t.rangeSeconds !== undefined)?.rangeSeconds;
  if (range !== undefined) slots.rangeSeconds = range;
  if (!hour) {
    if (day) slots.day = day;
    return;
  }
  const on = day ?? dayOf(today);
  if (!hour.halfOfDayKnown && hour.hour >= 1 && hour.hour <= 6) {
    // 两点 in a work chat is more often 14:00 than 02:00, but a live at the wrong one is worse than a question.
    slots.day = on;
    const clock = `${hour.hour}点${hour.minute ? `${hour.minute}分` : ''}`;
    slots.doubt = { slot: 'hour', why: `「${slots.timeText}」是凌晨${clock}还是下午${clock}？` };
    return;
  }
  slots.start = fromWallClock({ ...on, hour: hour.hour, minute: hour.minute, second: 0 }, tz);
  if (!day && slots.start <= nowMs) {
    // A bare 15:00 means today; once today's has passed, tomorrow's would be a guess.
    slots.doubt = { slot: 'time', why: `今天${pad(hour.hour)}:${pad(hour.minute)}已经过去了。` };
    delete slots.start;
  }
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
  for (let i = 0; i < original.length; ) {
    if (owner[i] === 'quoted') {
      let j = i;
      while (j < original.length && owner[j] === 'quoted') j++;
      parts.push({ start: i, end: j, text: original.slice(i, j).trim(), after: lastKind, quoted: true });
      lastKind = 'quoted';
      i = j;
      continue;
    }
    if (owner[i] !== undefined || SEPARATOR.test(original[i]!)) {
      if (owner[i] !== undefined) lastKind = owner[i];
      i++;
      continue;
    }
    let j = i;
    while (j < original.length && owner[j] === undefined && !SEPARATOR.test(original[j]!)) j++;
    const raw = original.slice(i, j);
    const text = raw.replace(LEADING_FILLER, '').replace(TRAILING_FILLER, '');
    // Closing punctuation belongs to what it closes (进入！, 冲刺!).
    const rawEnd = j;
    while (j < original.length && owner[j] === undefined && /[!！?？。.~～…]/.test(original[j]!)) j++;
    const closed = raw.endsWith(text) ? text + original.slice(rawEnd, j) : text;
    if (text !== '' && !FILLER_ALONE.test(text) && !/^\p{P}+$/u.test(text)) parts.push({ start: i, end: j, text: closed, after: lastKind, quoted: false });
    i = j;
  }
  const themePart = parts.find((p) => p.after === 'theme-label') ?? parts.find((p) => p.quoted) ?? parts.find((p) => p.after !== 'description-label');
  const rest = parts.filter((p) => p !== themePart);
  const out: { theme?: string; description?: string } = {};
  if (themePart) out.theme = themePart.text;
  if (rest.length > 0) {
    // The description is the member's own text; parts written next to each other keep what stood between them.
    const own = (p: Part) => (p.quoted ? p.text : original.slice(p.start, p.end).replace(TRAILING_FILLER_ALONE, ''));
    let description = own(rest[0]!);
    for (let k = 1; k < rest.length; k++) {
      const untouched = owner.slice(rest[k - 1]!.end, rest[k]!.start).every((o) => o === undefined);
      description += (untouched ? original.slice(rest[k - 1]!.end, rest[k]!.start) : ' ') + own(rest[k]!);
    }
    out.description = description.trim();
  }
  return out;
}
