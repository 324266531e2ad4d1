/**
 * The slot reader: what a create message (or the answer to a question) says, as an explicit list of passes over
 * one state (docs/reader.md). Each pass takes the spans it reads out of the text, so later passes do not see them:
 * the command's words, labels, quotes, reminders, lengths, times; what no pass took is the theme and description.
 * Where the text allows two readings, or a part looks like a day or a time that was not read, the reader says so
 * in `doubt` instead of picking one: a question costs a message, a wrong live costs a meeting.
 */
import { fromWallClock, wallClock, type WallClock } from '../../zone.js';
import { dayNumber, isoWeekday, monthDay, plusDays, sameDay, type Day } from './calendar.js';
import { clockAt, hourOf, periodAt, type Clock, type HourReading } from './clocks.js';
import { dayAt, type FoundDay } from './days.js';
import { findDurations } from './durations.js';
import { leftovers, SEPARATOR, trimFillers, unquote, type Taken, type TakenKind } from './leftovers.js';
import { Reading, type Span } from './reading.js';
import { foldTraditional } from './traditional.js';
import { findReminders } from './reminders.js';
import { findTimes, skipSpaces, type FoundTime, type TimePoint } from './times.js';
import { readRepeat } from './repeats.js';
import { alternation, WORDS, type Period } from './words.js';

export { sameDay };
export type { Day, Period };

/** Everything a message said about a live; absent fields were not written. */
export interface Slots {
  theme?: string;
  description?: string;
  /** ms since the epoch, when a day and an hour were both read. */
  start?: number;
  /** A day written without its hour. */
  day?: Day;
  /** A part of the day written without its hour (下周五下午): the answer's 四点 is read in it. */
  period?: Period;
  /** The time as written, for questions and refusals. */
  timeText?: string;
  durationSeconds?: number;
  /** The length of a written range (9:00-11:30). */
  rangeSeconds?: number;
  /** Seconds before the start; 0 for 不提醒. */
  remindSeconds?: number;
  /** Something the message says in two ways, or leaves open: ask before creating anything. */
  doubt?: Doubt;
  /** 两点, 晚上12点: the hour that was written, waiting for 上午 / 下午 / 夜里. */
  hourInDoubt?: { hour: number; minute: number };
  /** 每周一, 每天上午9点: a repeating live was asked for. */
  repeating?: true;
  /** The message of a series whose end was asked for: read again with the answer (共8次). */
  repeatRule?: string;
  /** Said instead of asking (a series whose hour is in doubt is sent again whole). */
  refusal?: string;
  /** The lives of a series the rule gives (每周一10:00 共8次): confirmed before any is made. */
  series?: { starts: number[]; skipped: number; rule: string; confirmed?: true };
  /** Who is invited, as written after 邀请 (销售部、标签:新员工 zhangsan): matched against the directory when run. */
  audience?: string;
  /** An hour read whose day was not (周末下午3点, a date gone by): the answer's day starts then. */
  clock?: { hour: number; minute: number };
  /** 周三上午10点 on a Wednesday afternoon: next week's start (ms), taken when the member answers 是. */
  weekInDoubt?: number;
  /** The day word the bot asked about (下周): 周四 in answer is read in that week. */
  unreadWord?: string;
  /** A date whose weekday disagreed with it (12月3日(星期五)): an answer that keeps the date takes it. */
  writtenDay?: Day;
  /** The theme came after its label (主题就叫…): in an answer, it replaces the one read before. */
  themeLabelled?: true;
  /** 明天上午10点或者下午3点: the starts the message offered, as written; the answer picks one (下午那个, 第二个). */
  choices?: Array<{ text: string; start: number }>;
}

export type Slot = 'theme' | 'time' | 'hour' | 'duration' | 'reminder' | 'description' | 'confirm';

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
  /** The part of the day an answer's bare hour is in (the question followed 下周五下午). */
  period?: Period;
  /** The hour of a start whose day was asked for: an answer with a day only starts then. */
  clock?: { hour: number; minute: number };
}

/** What the passes share: the text still to read, what was taken from it, and the slots read so far. */
export interface ReadState {
  original: string;
  /** The folded copy, with taken spans blanked out. */
  reading: Reading;
  taken: Taken[];
  slots: Slots;
  times: FoundTime[];
  /** Spans of the copy inside quote marks (labels are not read there). */
  quotes: Span[];
  /** What follows 描述：/备注： (the member's own words, quotes included). */
  descriptions: Span[];
  /** Where the value of 结束时间：starts: the time there is a range's end. */
  endsAt: number[];
  /** What follows 主题：up to the part's end: a day word there (主题：明天会更好) is the theme's. */
  themeValues: Span[];
  /** A day word that a word glued to it kept out of the times (周会周五): it makes an unwritten day doubtful. */
  keptDays: string[];
  /** The start's day was not written: today was taken. */
  todayAssumed: boolean;
  /** What stood before the command's words and is neither theme nor description (人力资源部申请…): still read for days. */
  preamble?: string;
  /** A pasted invite's zone that is not the company's ((UTC+09:00)): its times are asked about. */
  otherZone?: string;
  /** A day word the grammar cannot read (周末, 马上), while no day was read: asked about. */
  unreadDay?: string;
  /** A time by an event the bot cannot see (明天早班结束后): the day stands, the hour is asked. */
  eventTime?: string;
  themeSpan?: Span;
  readonly now: number;
  readonly today: WallClock;
  readonly timezone: string;
  readonly options: ReadOptions;
}

type Pass = (state: ReadState) => void;

/** Every label word: a part starts at one even without a separator (一个小时主题就叫…, 开始时间). */
const allLabels = Object.values(WORDS.labels).flat();
type LabelKind = TakenKind | 'time' | 'end' | 'audience' | 'place';

/** Takes `spans` (of the copy) for `kind` and blanks them, so no later pass reads them again. */
function take(state: ReadState, spans: readonly Span[], kind: TakenKind = 'slot'): void {
  for (const span of spans) state.taken.push({ ...state.reading.source(span), kind });
  state.reading = state.reading.mask(spans);
}

const QUOTE_PAIRS: Record<string, string> = { '“': '”', '"': '"', '「': '」', '『': '』', '‘': '’', '《': '》', "'": "'", '【': '】', '[': ']', '`': '`' };

/** The command's own words (创建直播, 开个…直播). */
const readCues: Pass = (state) => take(state, state.options.cues ?? [], 'cue');

/** 【转发】张科长：, 转发自王书记: the header of a forwarded message. */
const FORWARDED = /【转发】\s*(?:[^：:\n【】]{1,12}[：:])?|转发自[^：:\n]{1,12}[：:]/g;
/** 关于开展安全生产月警示教育的通知, as a notice's first line when its theme is labelled below. */
const NOTICE_TITLE = /^\s*关于[^\n]{2,40}?(?:的)?(?:通知|安排|方案)\s*(?=\n[^]*(?:主题|标题)\s*[:：])/;
/** #直播预告#: a hashtag decorates a message, it is not its theme. */
const HASHTAG = /#[^#\s]{1,20}#/g;
/** (UTC+08:00) Beijing, Chongqing…, (GMT+8): the zone a pasted invite was written in. */
const ZONE_NOTE = /\((?:UTC|GMT)\s*([+-])(\d{1,2})(?::?(\d{2}))?\)(?:\s*[A-Za-z][A-Za-z .,]*)?/gi;

/** Hashtags, and a zone note — which must be the company's, or the bot asks. */
const readNotes: Pass = (state) => {
  const text = state.reading.text;
  take(state, [...text.matchAll(HASHTAG)].map((m) => ({ start: m.index, end: m.index + m[0].length })), 'cue');
  // 【转发】张科长：…, 关于开展…的通知 on its own line: who forwarded it and the notice's title name no live.
  take(state, [...text.matchAll(FORWARDED)].map((m) => ({ start: m.index, end: m.index + m[0].length })), 'cue');
  const title = NOTICE_TITLE.exec(text);
  if (title) take(state, [{ start: title.index, end: title.index + title[0].length }], 'cue');
  for (const m of state.reading.text.matchAll(ZONE_NOTE)) {
    const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    take(state, [{ start: m.index, end: m.index + m[0].length }]);
    if (offset !== zoneOffsetMinutes(state.now, state.timezone)) state.otherZone = m[0].slice(0, m[0].indexOf(')') + 1);
  }
};

/** The company zone's offset from UTC at `ms`, in minutes. */
function zoneOffsetMinutes(ms: number, timezone: string): number {
  const w = wallClock(ms, timezone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** Every pair of quote marks, whether or not it turns out to mark a theme. */
const findQuotes: Pass = (state) => {
  const text = state.reading.text;
  for (let i = 0; i < text.length; i++) {
    // **Design Review**: markdown bold marks a name as quotes do; the outer asterisks are punctuation left over.
    if (text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        state.quotes.push({ start: i + 1, end: end + 1 });
        i = end + 1;
        continue;
      }
    }
    const close = QUOTE_PAIRS[text[i]!];
    if (close === undefined) continue;
    const end = text.indexOf(close, i + 1);
    if (end < 0) continue;
    state.quotes.push({ start: i, end: end + 1 });
    i = end;
  }
};

const joiners = alternation(WORDS.labelJoiners);
/**
 * Where a label may start: a part's start, after a filler of a run-on sentence (那个时间是), right after a time (3点主题…),
 * a list's number (1.主题：…) or a bracketed heading (【直播申请】主题：…) — not inside a word (库存盘点说明 is a theme, not 盘点 + 说明).
 */
const LABEL_START = `(?<=^|[\\s,;:、。?!|\\d】」》”"』—–]|(?:^|\\n)\\s*\\d{1,2}[.)]|[\\d零〇一二两三四五六七八九十](?:点|分|刻|点半|点整)|小时|钟头|${alternation(WORDS.beforeLabels)})`;
const labelPattern = (words: readonly string[], valueStart: string) =>
  // 主题呢就叫…: a spoken particle may stand between the label and its joiner.
  // 主题是主题是…: a label said twice, as people speak, is one.
  new RegExp(`${LABEL_START}(?:${alternation(words)})(?:\\s*(?:呢|嘛|啊|呀|的话)?\\s*(?:${joiners})\\s*|\\s+|(?=${valueStart}))(?:(?:${alternation(words)})\\s*(?:${joiners})\\s*)*`, 'g');
const TIME_VALUE = `[明今后下这本上周星礼中晚早凌傍午元圣双国春端清\\d零〇一二两三四五六七八九十]`;
const described = alternation(WORDS.labels.description);
const BARE_THEME_LABEL = new RegExp(`(?<=[\\s,;、。]|\\d点|\\d点半|\\d:\\d\\d|[一二两三四五六七八九十]点|一下|建个|帮忙建|帮我建)(?:${alternation(WORDS.labels.theme)})(?=[^\\s,;、。:])`, 'g');
const LABELS: Array<{ kind: LabelKind; pattern: RegExp }> = [
  // 主题：周会 anywhere it starts a part; 主题周会 only after another part or before a quote (主题党日活动 is a theme).
  { kind: 'theme-label', pattern: labelPattern(WORDS.labels.theme, `[“"「『‘《【]`) },
  { kind: 'theme-label', pattern: BARE_THEME_LABEL },
  // 讲座：深度学习中的优化方法, Seminar: …: the kind of event before a colon labels its name.
  { kind: 'theme-label', pattern: /(?<=^|[\s,;、。])(?:学术报告|讲座|报告|课程|分享会|seminar|talk)\s*[:：]\s*/gi },
  // 备注：… starts a description wherever a colon follows it (会议内容：…).
  { kind: 'description-label', pattern: new RegExp(`(?:${LABEL_START}(?:${described})\\s*(?:是|为|:|\\s)|(?:${described})\\s*:)\\s*`, 'g') },
  { kind: 'time', pattern: labelPattern(WORDS.labels.time, TIME_VALUE) },
  { kind: 'end', pattern: labelPattern(WORDS.endLabels, TIME_VALUE) },
  { kind: 'time', pattern: labelPattern(WORDS.labels.duration, `[\\d零〇一二两俩三四五六七八九十半]`) },
  { kind: 'description-label', pattern: new RegExp(`${LABEL_START}(?:${alternation(WORDS.bareDescriptionLabels)})(?=[^\\s,;、。:])`, 'g') },
  // 主题是柜员技能比武时间两个小时, 音乐会备注需要提前报名: run-on speech, a label right after a word and before its value.
  { kind: 'time', pattern: /(?<=\p{Script=Han})(?:时长|时间)(?:是|为)?(?=[\d零一二两三四五六七八九十半明今后下这本上周星礼])/gu },
  { kind: 'description-label', pattern: /(?<=\p{Script=Han})备注(?=\p{Script=Han})/gu },
  // …讲一下就是房贷新政主题就叫房贷新政解读, 开个直播看房主题是江景房专场: run-on, a theme label with its joiner.
  { kind: 'theme-label', pattern: /(?<=\p{Script=Han})(?:主题|标题|名字)(?:就叫做|就叫|叫做|叫|就是|是|为)(?=\p{Script=Han}|[“"「『《【])/gu },
  // 地点：5F大会议室, Where: 会议室A — a pasted invite's place is nothing of a live.
  { kind: 'place', pattern: new RegExp(`${LABEL_START}(?:${alternation(WORDS.placeLabels)})\\s*[:：]\\s*`, 'g') },
  { kind: 'place', pattern: new RegExp(`(?<=^|[\\s,;、。|])(?:${alternation(WORDS.englishLabels.place)})\\s*:\\s*`, 'gi') },
  // 邀请 销售部 / 参加人员：… — only with a colon or a space after it (邀请函设计 is a theme).
  { kind: 'audience', pattern: new RegExp(`${LABEL_START}(?:${alternation(WORDS.labels.audience)})(?:\\s*[:：]\\s*|\\s+)`, 'g') },
  // …1小时邀请培训班, 周会邀请销售部: glued, only before a group's name (客户邀请函设计 stays a theme).
  { kind: 'audience', pattern: new RegExp(`邀请(?=[^\\s,，。;；:：]{1,12}?(?:${alternation(WORDS.groupEnds)})(?:$|[\\s,，。;；]))`, 'g') },
  ...(['theme', 'description', 'time', 'duration'] as const).map((slot) => ({
    kind: slot === 'theme' ? ('theme-label' as const) : slot === 'description' ? ('description-label' as const) : ('time' as const),
    pattern: new RegExp(`(?<=^|[\\s,;、。|])(?:${alternation(WORDS.englishLabels[slot])})\\s*:\\s*`, 'gi'),
  })),
];
/** 15:00开始, 在3楼举行: a start word that ends a part says nothing more. */
const START_WORD = new RegExp(`(?:${alternation(WORDS.startWords)})(?=$|[\\s,;、。!?]|${alternation(['大概', '大约', '差不多', '预计', ...allLabels])})`, 'g');

/**
 * 主题：…, 描述是…, 时间：明天, 时长2小时: a label where a part starts. What follows a description label, up to the
 * line's end or the next label, is the member's description, times and lengths included (会后有15分钟答疑).
 */
const readLabels: Pass = (state) => {
  const text = state.reading.text;
  const inQuote = (at: number) => state.quotes.some((q) => at > q.start && at < q.end);
  const found: Array<Span & { kind: LabelKind }> = [];
  for (const { kind, pattern } of LABELS) {
    for (const m of text.matchAll(pattern)) {
      if (inQuote(m.index) || found.some((f) => f.start < m.index + m[0].length && m.index < f.end)) continue;
      // 主题党日活动 first is a theme; 时长两小时 明天下午3点 主题产品评审 later on is a label.
      if (pattern === BARE_THEME_LABEL && state.original.slice(0, state.reading.source({ start: m.index, end: m.index }).start).trim() === '') continue;
      found.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  }
  for (const m of text.matchAll(START_WORD)) {
    if (!inQuote(m.index) && !found.some((f) => f.start < m.index + m[0].length && m.index < f.end)) found.push({ start: m.index, end: m.index + m[0].length, kind: 'time' });
  }
  found.sort((a, b) => a.start - b.start);
  for (const label of found) take(state, [label], label.kind === 'time' || label.kind === 'end' || label.kind === 'audience' || label.kind === 'place' ? 'slot' : label.kind);
  state.endsAt = found.filter((l) => l.kind === 'end').map((l) => l.end);
  state.themeValues = found.filter((l) => l.kind === 'theme-label').map((l) => ({ start: l.end, end: partEnd(text, l.end) }));
  // A description runs to the line's end or the next label.
  const values: Span[] = [];
  for (const [k, label] of found.entries()) {
    if (label.kind !== 'description-label') continue;
    const line = text.indexOf('\n', label.end);
    const next = found[k + 1]?.start ?? text.length;
    let end = Math.min(next, line < 0 ? text.length : line);
    // 说明：请提前调试设备 提前20分钟提醒 — a reminder closing the line, after a space, is the live's reminder.
    const value = text.slice(label.end, end);
    const last = findReminders(value).at(-1);
    if (last && value.slice(last.end).trim() === '' && /[\s,;、。]$/.test(value.slice(0, last.start))) end = label.end + last.start;
    values.push({ start: label.end, end });
  }
  state.descriptions = values;
  state.reading = state.reading.mask(values);
  // Who is invited, and a place, run to the line's end or the next label; they are neither theme nor description.
  for (const [k, label] of found.entries()) {
    if (label.kind !== 'audience' && label.kind !== 'place') continue;
    const line = text.indexOf('\n', label.end);
    const end = Math.min(found[k + 1]?.start ?? text.length, line < 0 ? text.length : line);
    const words = text.slice(label.end, end).trim();
    if (label.kind === 'audience' && words !== '') state.slots.audience = [state.slots.audience, words].filter(Boolean).join(' ');
    take(state, [{ start: label.end, end }]);
  }
};

/** Where the part starting at `at` ends: a comma, a semicolon or a line break. */
const partEnd = (text: string, at: number): number => {
  const m = /[,;、。\n]/.exec(text.slice(at));
  return m ? at + m.index : text.length;
};

/**
 * A quote that stands alone marks a theme (「产品 发布会」 明天15:00, 主题《设计评审会》, “客户答谢会”后天); one inside a
 * word is part of it (“AI”实战).
 */
const readQuotes: Pass = (state) => {
  const text = state.reading.text;
  const alone: Span[] = [];
  const empty: Span[] = [];
  const headings: Span[] = [];
  for (const q of state.quotes) {
    if (state.descriptions.some((d) => q.start >= d.start && q.start < d.end)) continue;
    // 【直播】 as a heading: the command's word was inside, nothing is left to quote.
    if (text.slice(q.start + 1, q.end - 1).trim() === '') {
      empty.push(q);
      continue;
    }
    // 【直播申请】主题：… — a bracketed heading on a line of its own start, before a form whose theme is labelled, says
    // what the form is, no more.
    // (直播主题：【燃脂搏击】 is the label's value, not a heading.)
    const valued = state.themeValues.some((v) => q.start >= v.start && q.start < v.end);
    if (text[q.start] === '【' && ((state.themeValues.length > 0 && /(?:^|\n)\s*$/.test(text.slice(0, q.start)) && !valued) || HEADING.test(text.slice(q.start, q.end)))) {
      headings.push(q);
      continue;
    }
    const before = text[q.start - 1];
    const after = text[q.end];
    // KOL讲课“房颤卒中预防”: after the kind of event, a name in “”「」 is the event's (读书分享《活着》 keeps its book).
    const named = NAMING.test(text.slice(0, q.start)) || (text[q.start] !== '《' && EVENT_NAMING.test(text.slice(0, q.start)));
    // 【云看展】「大唐气象」特展导览: a 【tag】 run on into a name is a word of that name, not the name.
    const tag = text[q.start] === '【' && /^[「“"『《\p{Script=Han}]/u.test(after ?? '') && !timeStartsAt(text, q.end);
    const startsAlone = (text[q.start] === '【' && !tag) || before === undefined || SEPARATOR.test(before) || named || timeEndsAt(text, q.start, state.today);
    // (「怎样给孩子选书」午休小讲堂: 午休 runs on into 小讲堂 — a word of the name, not a time.)
    const endsAlone = after === undefined || SEPARATOR.test(after) || (!/[\p{L}\p{N}]/u.test(after) && !tag) || /\d/.test(after) || (timeStartsAt(text, q.end) && !periodInWord(text, q.end)) || trimFillers(text.slice(q.end).split(/[\s,;。]/)[0]!) === '' || /^(?:的)?(?:线上|在线|网上)?直播/.test(text.slice(q.end)) || /^[^,;。\s]{0,6}直播/.test(text.slice(q.end)) || findDurations(text.slice(q.end))[0]?.start === 0;
    // **…** is a name whatever stands around it.
    if ((startsAlone && endsAlone) || (text[q.start] === '*' && !timeStartsAt(text, q.start + 1))) alone.push(q);
  }
  for (const q of alone) state.taken.push({ ...state.reading.source({ start: q.start + 1, end: q.end - 1 }), kind: 'quoted' });
  state.reading = state.reading.mask(alone);
  take(state, empty, 'cue');
  // Not the command's words: symbols after the theme (🛒) still decorate, as they would without the heading.
  take(state, headings, 'slot');
};

const HEADING = new RegExp(`^【(?:${alternation(WORDS.headings)})】$`);
/** 就叫“季度之星颁奖”: a quote after a naming word marks the theme. */
const EVENT_NAMING = /(?:讲课|讲座|分享|培训|专题)$/;
const NAMING = /(?:叫|叫做|名为|名叫|是|为|建个|建一个|建一场|举办|举行|召开|开展|开个|办个|搞个|做个|一场|一个|搞|办|做|开|来个|来一场|来一个|有个|有场|有一个|有一场)$/;
/** 午休小讲堂: a part of the day with no day or clock, running on into a word, is that word's (下午开 is a time). */
const periodInWord = (text: string, at: number): boolean => {
  const period = periodAt(lowerAscii(text), at);
  return period !== undefined && dayAt(lowerAscii(text), at, { year: 2000, month: 1, day: 1 }) === undefined && clockAt(lowerAscii(text), skipSpaces(text, period.end)) === undefined && /^\p{Script=Han}/u.test(text.slice(period.end)) && !/^(?:开播|开始|开|播|的|吧|场)/.test(text.slice(period.end));
};
const timeStartsAt = (text: string, at: number): boolean => {
  const lower = lowerAscii(text);
  return dayAt(lower, at, { year: 2000, month: 1, day: 1 }) !== undefined || periodAt(lower, at) !== undefined || clockAt(lower, at) !== undefined;
};
/** 后天下午3点《…》: a time ends right before `at`. */
const timeEndsAt = (text: string, at: number, today: WallClock): boolean => findTimes(lowerAscii(text.slice(0, at)), today).some((t) => t.end === at);
const lowerAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** 提前15分钟提醒, 不提醒. */
const readReminders: Pass = (state) => {
  const reminders = findReminders(state.reading.text);
  const seconds = new Set(reminders.map((r) => r.seconds));
  if (reminders.length > 0 && (seconds.size > 1 || seconds.has(undefined))) {
    doubt(state, 'reminder', `消息里有${reminders.length > 1 ? `${reminders.length}个提醒` : '多个提醒'}（${reminders.map((r) => r.text).join('、')}），每场直播只能设一个。`);
  } else if (reminders[0]) state.slots.remindSeconds = reminders[0].seconds!;
  take(state, reminders);
};

/** 24小时挑战赛, 30分钟学会Excel: a length running into a word is part of that word. */
const GLUED_AFTER = new RegExp(`^(?!${alternation([...WORDS.trailingFillers, ...allLabels, '以内', '以上', '整', '算', '来', '为准', '计', '建', '开', '就行', '就好', '够了', '或者', '或', '还是'])})[\\p{L}\\p{N}]`, 'u');

/** 1小时, 90分钟, 一个半小时; two different lengths are asked about. */
const readDurations: Pass = (state) => {
  const text = state.reading.text;
  const durations = findDurations(text).filter((d) => !GLUED_AFTER.test(text.slice(d.end)));
  if (durations.length === 0) return;
  // 1-2h, 2到3个小时: a length between two, not one — asked.
  const between = durations.map((d) => ({ d, from: LENGTH_FROM.exec(text.slice(0, d.start)) })).find((x) => x.from);
  if (between?.from) {
    const span = { start: between.d.start - between.from[0].length, end: between.d.end };
    take(state, [span]);
    return doubt(state, 'duration', `「${text.slice(span.start, span.end).trim()}」是多长？`);
  }
  // 一个小时，哦不，一个半小时: a length taken back is not one of two.
  for (let k = durations.length - 1; k > 0; k--) {
    const back = TAKEN_BACK.exec(text.slice(durations[k - 1]!.end, durations[k]!.start));
    if (!back) continue;
    const start = durations[k - 1]!.end + back.index;
    take(state, [{ start, end: start + back[0].length }]);
    durations.splice(k - 1, 1);
  }
  // 开3个小时，哦不对，到11点结束: a length taken back for a time said after it is no length.
  const last = durations.at(-1)!;
  const backAfter = new RegExp(`^[\\s,，。、]*${TAKEN_BACK.source}`).exec(text.slice(last.end));
  if (backAfter && findTimes(lowerAscii(text.slice(last.end + backAfter[0].length)), state.today).some((t) => t.clock)) {
    take(state, [{ start: last.start, end: last.end + backAfter[0].length }]);
    durations.pop();
    if (durations.length === 0) return;
  }
  state.slots.durationSeconds = durations.at(-1)!.seconds;
  if (new Set(durations.map((d) => d.seconds)).size > 1) {
    state.slots.doubt = { slot: 'duration', why: `消息里有${durations.length}个时长（${durations.map((d) => text.slice(d.start, d.end).trim()).join('、')}）。` };
  }
  take(state, durations);
};

/** The first number of a length range (1-2h, 2到3个小时), right before the second. */
const LENGTH_FROM = /(?:[\d.]+|[一二两三四五六七八九十半]) *(?:h|小时|个小时)? *(?:-|~|～|到|至|或者|或|还是) *$/;

/**
 * Days, parts of days and clocks. A day or a part of the day with no clock, written against a word (周会周五,
 * 下午茶分享), may be part of that word: left to the theme, and remembered (an unwritten day is then in doubt).
 */
const readTimes: Pass = (state) => {
  const text = state.reading.text;
  const letter = /[\p{L}\p{N}]/u;
  const found = findTimes(lowerAscii(text), state.today);
  const clocks = found.filter((t) => t.clock).length;
  let times = found.filter((t) => {
    // “双十二”期间燃气安全提醒: a day inside quote marks is a word of the name.
    if (t.day && !t.clock && state.quotes.some((q) => t.start > q.start && t.end < q.end)) return false;
    // …特此通知。\n研究生院\n2026年11月25日: the date a notice was issued, on its last line, is no time of the live.
    if (found.length > 1 && t.day?.day && !t.clock && /\n\s*$/.test(text.slice(0, t.start)) && text.slice(t.end).trim() === '' && dayNumber(t.day.day) <= dayNumber(todayOf(state.today))) {
      take(state, [t]);
      return false;
    }
    // 是周四不是周三: the time said not to be meant is no time of the live.
    const negated = found.length > 1 ? NEGATED.exec(text.slice(0, t.start)) : null;
    if (negated) {
      take(state, [{ start: t.start - negated[0].length, end: t.end }]);
      return false;
    }
    // 明天0点 零点抢购演练: a second clock that runs into a word, with nothing else of a time, is the word's.
    if (t.clock && clocks > 1 && !t.day && !t.period && !t.until && letter.test(text[t.end] ?? '') && !FREE_AFTER.test(text.slice(t.end)) && !TAKEN_BACK_BEFORE.test(text.slice(0, t.start)) && !CLOSED_BY.test(text.slice(t.end))) return false;
    // 第12周周三下午3点: a week of the term the bot cannot count — asked about, never this week's Wednesday.
    const termWeek = t.day ? TERM_WEEK.exec(text.slice(0, t.start)) : null;
    if (termWeek) {
      state.unreadDay ??= `${termWeek[0]}${text.slice(t.start, t.day!.end)}`;
      take(state, [{ start: t.start - termWeek[0].length, end: t.day!.end }]);
      delete t.day;
    }
    // 年货节当天晚上8点: 当天 of a day the reader does not know is no today — asked about.
    const thatDay = t.day && /^(?:当天|那天|这天)/.test(text.slice(t.start)) ? /(\p{Script=Han}{1,6})$/u.exec(text.slice(0, t.start)) : null;
    if (thatDay && !FREE_BEFORE.test(text.slice(0, t.start))) {
      state.unreadDay ??= `${thatDay[1]}${text.slice(t.start, t.day!.end)}`;
      take(state, [{ start: t.start - thatDay[1]!.length, end: t.day!.end }]);
      delete t.day;
    }
    if (t.clock || t.fromNowMs !== undefined || t.english) return true;
    // 元宵节前, 周五之前: a deadline, not a day — asked about, never taken for that day.
    const before = DEADLINE.exec(text.slice(t.end))?.[0];
    if (t.day && before) {
      state.unreadDay ??= `${t.text}${before}`;
      take(state, [{ start: t.start, end: t.end + before.length }]);
      return false;
    }
    // 下周三的直播: 的 ties the day to what follows without making it part of a word; 12月15日到12月17日 is two days.
    // 周四周五下午两点: a day against another time is two times, not a word.
    const beside = found.some((o) => o !== t && (o.start === t.end || o.end === t.start));
    // 就是后天下午, 只建下周一的, 明天吧: a verb or a particle beside a day does not make it part of a word.
    const gluedBefore = letter.test(text[t.start - 1] ?? '') && !FREE_BEFORE.test(text.slice(0, t.start));
    // 明天燃脂课: a day counted from today before an event's name is its day (周一例会, 平安夜音乐会 keep theirs).
    const relativeBefore = t.day !== undefined && !t.clock && t.period === undefined && text.slice(t.start, t.end) in WORDS.relativeDays && EVENT_TAIL.test(text.slice(t.end));
    const gluedAfter = letter.test(text[t.end] ?? '') && !FREE_AFTER.test(text.slice(t.end)) && !relativeBefore;
    // 明天早班结束后直播: the day, then a time by an event the bot cannot see — taken out, its hour asked.
    const event = t.day && !t.clock && gluedAfter ? EVENT_AFTER.exec(text.slice(t.end)) : null;
    if (event) {
      state.eventTime = event[0];
      take(state, [{ start: t.end, end: t.end + event[0].length }]);
      return true;
    }
    const glued = !beside && (gluedBefore || gluedAfter);
    if (glued && t.day && !state.themeValues.some((v) => t.start >= v.start && t.start < v.end)) state.keptDays.push(t.text);
    return !glued;
  });
  take(state, times);
  times = spokenOnce(state, text, times);
  // 后天下午，嗯，两点半: a day or a part of the day, spoken fillers, then its clock — one time.
  for (let k = times.length - 1; k > 0; k--) {
    const [a, b] = [times[k - 1]!, times[k]!];
    const between = text.slice(a.end, b.start).replace(SPOKEN_GAP, '');
    if (a.clock || !(a.day || a.period !== undefined) || !b.clock || b.day || b.period !== undefined || between !== '') continue;
    times.splice(k - 1, 2, { ...a, end: b.end, text: `${a.text} ${b.text}`, clock: b.clock, ...(b.until ? { until: b.until } : {}) });
  }
  // 开始时间：19:00 结束时间：21:00 — the labelled end is the range's end.
  const end = times.find((t) => t.clock && !t.until && state.endsAt.some((e) => e <= t.start && text.slice(e, t.start).trim() === ''));
  const start = times.find((t) => t !== end && t.clock && !t.until);
  if (end && start) {
    start.until = { ...(end.day ? { day: end.day } : {}), ...(end.period ? { period: end.period } : {}), clock: end.clock! };
    start.text = `${start.text}-${end.text}`;
    times = times.filter((t) => t !== end);
  }
  // 下午2点开始 客户体验分享 一直到4点: a lone end after other words closes the range the start opened.
  const opened = times.find((t) => t.clock && !t.until && !t.fromNowMs);
  const closing = times.find((t) => t !== opened && t.clock && !t.day && !t.until && t.start > (opened?.end ?? Infinity));
  // …开始，4点半结束: a lone clock with 结束 after it closes the range too.
  const mark = closing && (SPLIT_RANGE_MARK.exec(text.slice(0, closing.start)) ?? (CLOSED_BY.test(text.slice(closing.end)) ? /$/.exec(text.slice(0, closing.start)) : null));
  if (opened && closing && mark) {
    opened.until = { ...(closing.period ? { period: closing.period } : {}), clock: closing.clock! };
    opened.text = `${opened.text}-${closing.text}`;
    times = times.filter((t) => t !== closing);
    const closed = CLOSED_BY.exec(text.slice(closing.end))?.[0].length ?? 0;
    take(state, [{ start: mark.index, end: closing.start }, { start: closing.end, end: closing.end + closed }]);
  }
  state.times = times;
};
const DEADLINE = /^(?:之前|以前|前后|左右|前(?![天夜]))/;
/** 「二十四节气」系列: what stands in quote marks is a name's, not a length (二十四节 lessons). */
const IN_QUOTES = /「[^」]*」|《[^》]*》|“[^”]*”|【[^】]*】|『[^』]*』/g;
const TERM_WEEK = /(?:下学期|上学期|这学期|本学期)?第[\d一二三四五六七八九十]{1,3}周\s*$/;
const NEGATED = /(?:不是|而不是|并非|唔是)\s*$/;
/** 早班结束后, 航班落地以后, 开完会后: a time after an event (one to eight characters, not a day word). */
const EVENT_AFTER = /^(?![天日周])[\p{Script=Han}A-Za-z0-9]{1,8}?(?:之后|以后|的时候|时候|之前|后)(?![天日])/u;
/** 晚自习时间开个…, 放学后开个…: a time by an event, with no day, right before what is arranged (or its blanked verb). */
const EVENT_BEFORE_VERB = /(?<=^|[\s,，。])(?![天日周])(?:\p{Script=Han}{1,8}?(?:之后|以后|的时候|时候|时间|之前|后|前)|(?:吃完|开完|忙完|收完|下完)\p{Script=Han}{1,3})(?=\s*(?:开|搞|约|建|办|弄|整|直播)|\s{2,}|\s+\S{0,8}(?:会|课|培训|分享|讲座))/u;
/** 哦不, 不对，说错了: what the speaker said before is taken back. */
/** 三点哦不三点半: a clock right after a correction is the corrected one, whatever runs on after it. */
const BACK_WORDS = `(?:${alternation(WORDS.takeBacks)})`;
const TAKEN_BACK_BEFORE = new RegExp(`${BACK_WORDS}[\\s,，]*$`);
// 不对，改成下周四: the verb that brings the correction is part of it.
const TAKEN_BACK = new RegExp(`${BACK_WORDS}(?:[\\s,，。、]*${BACK_WORDS})*(?:[\\s,，。、]*(?:改成|改到|改为|换成|应该是|是))?`);
const sameWrittenDay = (a: FoundTime, b: FoundTime) => JSON.stringify(a.day?.day) === JSON.stringify(b.day?.day);

/**
 * A time said twice as people speak: 明天下午，明天下午三点 (the second says more), 八点，八点开始 (the same again), and
 * 三点，哦不，三点半 / 12月9号，不对，说错了，12月10号 (the first taken back; the correction keeps the day and the part
 * of the day it does not say again). One time is left of each.
 */
function spokenOnce(state: ReadState, text: string, times: FoundTime[]): FoundTime[] {
  const out: FoundTime[] = [];
  for (const t of times) {
    const last = out.at(-1);
    if (!last) {
      out.push(t);
      continue;
    }
    const between = text.slice(last.end, t.start);
    const back = TAKEN_BACK.exec(between);
    if (back) {
      take(state, [{ start: last.end + back.index, end: last.end + back.index + back[0].length }]);
      out.pop();
      // 下周三晚7点，不对，下下周三: a corrected day keeps the hour said before it.
      const keepsHour = !t.clock && last.clock ? { clock: last.clock, ...(last.period !== undefined && t.period === undefined ? { period: last.period } : {}), ...(last.until ? { until: last.until } : {}) } : {};
      out.push({ ...t, ...(t.day || !last.day ? {} : { day: last.day }), ...(t.period !== undefined || t.day ? {} : last.period !== undefined ? { period: last.period } : {}), ...keepsHour });
      continue;
    }
    // 十点吧十点, 八点，嗯，八点: what people say between saying a time twice.
    const nearby = between.replace(SPOKEN_GAP, '').replace(/^(?:吧|啊|呀|对的|对|是)/, '') === '';
    // 明天下午，明天下午三点: the first is the start of the second.
    if (nearby && !last.clock && t.clock && (!last.day || sameWrittenDay(last, t)) && (last.period === undefined || last.period === t.period)) {
      out.pop();
      out.push(t);
      continue;
    }
    // 下周一晚上八点，八点开始: the same clock again, with nothing new.
    if (nearby && last.clock && t.clock && !t.day && t.period === undefined && !t.until && t.clock.hour === last.clock.hour && t.clock.minute === last.clock.minute) {
      take(state, [t]);
      continue;
    }
    out.push(t);
  }
  return out;
}

/** Words beside a day that leave it a day: 是后天, 建下周一, 在周五; 明天吧, 周五的, 12月15日到…, 周四还是周五. */
const FREE_BEFORE = /(?:那个|这个|是|在|于|到|定|改|改成|改为|换成|就|选|放|挪|建|做|开|约|要|那|从|等|嗯|呃|额|吧|啊|呀|呢|还是|或者|或|和|跟)$/;
const FREE_AFTER = new RegExp(`^(?:${alternation([...WORDS.sameHour, ...WORDS.onceWords])}|就是说|就是|嗯|呃|那个|的|吧|搞个|开个|建个|约个|弄个|整个|办个|来个|搞一|开一|建一|帮我|帮忙|啊|呀|呢|哈|嘛|还是|或者|或|和|跟|也行|也可以|都行|都可以|都好|来着|好了|没错|对的|好像是|好像|不是|而不是|开始也行|开始|可以|行吗|好吗|这一场|这场|那场|那一场|这次|这天|那天|${alternation(WORDS.rangeMarks)})`);
/** What may stand between a day and its clock in speech: 后天下午，嗯，两点半. */
const SPOKEN_GAP = /[\s,;、。]|嗯|呃|额|那个|就是说|就是|大概|大约|的/g;
const RANGE_MARK_AT = new RegExp(`^\\s*(?:${alternation(WORDS.rangeMarks)})`);
/** Only the word marks: a dash between two far-apart times is not read as one range. */
const CLOSED_BY = new RegExp(`^\\s*(?:${alternation(WORDS.rangeEnds)})`);
const SPLIT_RANGE_MARK = /(?:一直到|直到|到|至)\s*$/;

const pad = (n: number) => String(n).padStart(2, '0');
const clockText = (hour: number, minute: number) => `${hour}点${minute ? `${pad(minute)}分` : ''}`;
const doubt = (state: ReadState, slot: Slot, why: string): void => {
  state.slots.doubt = { slot, why };
};

/** The time the found parts say together, or the question to ask about it. */
const settleTime: Pass = (state) => {
  const { slots } = state;
  // 是周三，12月2号: a weekday said beside the date it falls on is a note on that date, not a second day.
  const dated = state.times.filter((t) => t.day?.day && !t.day.weekdayOnly);
  const times = (state.times = state.times.filter(
    (t) => !(t.day?.weekdayOnly && !t.clock && t.period === undefined && dated.some((d) => isoWeekday(d.day!.day!) === isoWeekday(t.day!.day!))),
  ));
  if (times.length === 0) {
    if (state.options.period) slots.period = state.options.period;
    return;
  }
  slots.timeText = times.map((t) => t.text.trim()).join(' ');
  if (times.some((t) => t.english)) return settleEnglish(state);
  if (times.length > 1 && times.some((t) => t.fromNowMs !== undefined)) return doubt(state, 'time', `消息里有${times.length}个时间（${slots.timeText}）。`);
  const fromNow = times[0]!.fromNowMs;
  if (fromNow !== undefined) {
    // 2小时后: on the minute, as a member reads it.
    slots.start = Math.floor((state.now + fromNow) / 60_000) * 60_000;
    return;
  }
  const distinct = <T>(values: T[]) => new Set(values.map((v) => JSON.stringify(v))).size > 1;
  // 下午吧，或者4点也行: two times offered with 或者 are two, whatever each leaves out.
  const offered = times.some((t, k) => k > 0 && /或者|或|还是/.test(state.reading.text.slice(times[k - 1]!.end, t.start)));
  const days = times.filter((t) => t.day).map((t) => t.day!);
  const clocks = times.filter((t) => t.clock);
  const periods = times.filter((t) => t.period !== undefined).map((t) => t.period);
  if (offered || distinct(days.map((d) => d.day ?? d.start)) || distinct(clocks.map((t) => [t.clock!.hour, t.clock!.minute, t.period, t.until?.clock.hour])) || distinct(periods)) {
    // 明天下午3点和晚上8点: one day, two hours — the answer's hour is on that day.
    if (days.length > 0 && !distinct(days.map((d) => d.day ?? d.start)) && days[0]!.day) slots.day = days[0]!.day;
    // 明天或者后天下午3点, 下周一到下周三下午2点: two days, one hour — the answer's day starts then.
    const only = clocks.length > 0 && !distinct(clocks.map((t) => [t.clock!.hour, t.clock!.minute, t.period, t.until?.clock.hour])) ? clocks[0]! : undefined;
    const hour = only && startHour(only, only.period ?? only.clock!.period ?? periods[0]);
    if (only && !only.until && hour && 'hour' in hour) slots.clock = { hour: hour.hour, minute: only.clock!.minute };
    const choices = choicesOf(state, times, days);
    if (choices) slots.choices = choices;
    return doubt(state, 'time', `消息里有${times.length}个时间（${slots.timeText}）。`);
  }
  // 明天下午两点多, 明天上午八九点: about an hour — the day and the part of the day stand, the hour is asked.
  const about = clocks.find((t) => t.clock!.approximate);
  if (about) {
    if (days[0]?.day) slots.day = days[0].day;
    const aboutPeriod = about.period ?? periods[0];
    if (aboutPeriod !== undefined) slots.period = aboutPeriod;
    return doubt(state, 'hour', `「${about.text}」是几点？`);
  }
  const written = days[0];
  if (written && (written.day === undefined || written.mismatch)) {
    // 12月7日（周三）上午10点, 2月30号下午3点: the hour is clear; the answer names the day.
    const clock = clocks[0];
    const hour = clock && !clock.until && startHour(clock, clock.period ?? clock.clock!.period ?? periods[0]);
    if (clock && hour && 'hour' in hour) slots.clock = { hour: hour.hour, minute: clock.clock!.minute };
    // 日期对的，星期写错了 may answer: the date written is kept for it.
    if (written.mismatch) slots.writtenDay = written.day;
    return doubt(state, 'time', written.mismatch ? `${written.mismatch}。` : `「${slots.timeText}」不是一个存在的日期。`);
  }
  const day = written?.day ?? state.options.day;
  const main = clocks[0];
  const period = main?.period ?? main?.clock?.period ?? periods[0] ?? state.options.period;
  if (!main) {
    // 周末下午3点 → 周六: the answer's day with the hour already read.
    const kept = state.options.clock;
    if (day && kept && written) {
      const startMs = at(state, day, kept.hour, kept.minute);
      if (startMs > state.now) slots.start = startMs;
      else doubt(state, 'time', `「${monthDay(day)} ${pad(kept.hour)}:${pad(kept.minute)}」已经过去了。`);
      return;
    }
    if (day) slots.day = day;
    if (period) slots.period = period;
    return;
  }
  const on = day ?? todayOf(state.today);
  state.todayAssumed = day === undefined;
  const start = startHour(main, period);
  if ('ask' in start) return askHour(state, start.ask, main.clock!, on, period);
  const startMs = at(state, on, start.hour, main.clock!.minute);
  if (main.until) {
    const end = rangeEnd(state, main, on, start.hour, startMs, period);
    if (end === undefined) return;
    slots.rangeSeconds = Math.round((end - startMs) / 1000);
  }
  const weekday = written?.weekdayOnly && written.day && sameDay(written.day, todayOf(state.today));
  if (weekday && startMs <= state.now) {
    // 周三上午10点 on a Wednesday afternoon: today's has passed; next week's is likely, but asked.
    const next = plusDays(written.day!, 7);
    const name = main.text.slice(0, 2);
    slots.day = next;
    slots.weekInDoubt = at(state, next, start.hour, main.clock!.minute);
    return doubt(state, 'time', `今天就是${name}，「${main.text}」是指下${name}（${monthDay(next)}）吗？回复「是」，或`);
  }
  if (weekday && !main.until) {
    // 周三下午4点 said on a Wednesday before 4: today, or next week's? Both are offered; the answer picks.
    const next = plusDays(written.day!, 7);
    const name = main.text.slice(0, 2);
    slots.choices = [{ text: '今天', start: startMs }, { text: `下${name}`, start: at(state, next, start.hour, main.clock!.minute) }];
    slots.clock = { hour: start.hour, minute: main.clock!.minute };
    return doubt(state, 'time', `今天就是${name}，「${main.text}」是今天（${monthDay(written.day!)}）还是下${name}（${monthDay(next)}）？`);
  }
  if (!day && startMs <= state.now) {
    // A bare 15:00 means today; once today's has passed, tomorrow's would be a guess (the hour is kept for the answer).
    slots.clock = { hour: start.hour, minute: main.clock!.minute };
    return doubt(state, 'time', `今天${pad(start.hour)}:${pad(main.clock!.minute)}已经过去了。`);
  }
  slots.start = startMs;
};

/** The hour and minute of `ms`, kept while its day is asked for. */
export const keptClock = (ms: number, timezone: string): { hour: number; minute: number } => {
  const w = wallClock(ms, timezone);
  return { hour: w.hour, minute: w.minute };
};
const todayOf = (w: WallClock): Day => ({ year: w.year, month: w.month, day: w.day });

/**
 * 明天上午10点或者下午3点: each time as a start of its own, so an answer that names one (下午那个, 第二个) picks it;
 * undefined unless every time is a whole start to come.
 */
function choicesOf(state: ReadState, times: readonly FoundTime[], days: readonly FoundDay[]): Slots['choices'] {
  const shared = days.length === 1 ? days[0]!.day : days.length === 0 ? todayOf(state.today) : undefined;
  let previous: { hour: number; period?: Period } | undefined;
  // 下周三或周四下午3点: two days, one hour — each day at that hour.
  const timed = times.filter((t) => t.clock && !t.until);
  const sharedTime = timed.length === 1 && times.every((t) => t.day) ? timed[0] : undefined;
  const choices = times.map((t) => {
    const day = t.day?.day ?? shared;
    const own = t.clock ? t : sharedTime;
    let hour = own?.clock && !own.until ? startHour(own, own.period ?? own.clock.period) : undefined;
    // 下午3点或者4点, 明晚7点或8点: a bare hour after another is in its part of the day, when that makes it the later one.
    if (hour && previous?.period !== undefined && own?.period === undefined && own?.clock?.period === undefined && !own?.clock?.padded) {
      const inherited = startHour(t, previous.period);
      if ('hour' in inherited && inherited.hour > previous.hour) hour = inherited;
    }
    if (!day || !hour || !('hour' in hour)) return undefined;
    previous = { hour: hour.hour, period: own!.period ?? own!.clock!.period ?? previous?.period };
    const start = at(state, day, hour.hour, own!.clock!.minute);
    return start > state.now ? { text: t.text.trim(), start } : undefined;
  });
  return choices.length > 1 && choices.every((c) => c !== undefined) ? (choices as NonNullable<Slots['choices']>) : undefined;
}
const at = (state: ReadState, day: Day, hour: number, minute: number): number =>
  fromWallClock({ ...plusDays(day, Math.floor(hour / 24)), hour: hour % 24, minute, second: 0 }, state.timezone);

/**
 * The start's hour. 3点到下午5点: a start without its part of the day takes the end's, when that puts it before the
 * end (15:00, not 03:00).
 */
/** Which half of the day a part of it is in (am/pm against 上午/晚上). */
const HALF: Record<Period, 'am' | 'pm'> = { small: 'am', morning: 'am', noon: 'pm', afternoon: 'pm', evening: 'pm', night: 'pm' };

function startHour(time: FoundTime, period: Period | undefined): HourReading {
  const clock = time.clock!;
  // 明天上午3pm, 晚上9am: the part of the day and am/pm say different things.
  if (time.period !== undefined && clock.period !== undefined && HALF[time.period] !== HALF[clock.period]) return { ask: 'contradiction' };
  const endPeriod = time.until?.period ?? time.until?.clock.period;
  if (period === undefined && endPeriod !== undefined) {
    const end = hourOf(time.until!.clock.hour, time.until!.clock.minute, endPeriod);
    if ('hour' in end) {
      const candidates = [clock.hour, clock.hour + 12].filter((h) => h < 24 && h * 60 + clock.minute < end.hour * 60 + time.until!.clock.minute);
      const latest = candidates.at(-1);
      if (latest !== undefined && clock.hour <= 12) return { hour: latest };
    }
  }
  // 07:30, 0730: a 24-hour clock says the hour itself.
  if (period === undefined && clock.padded) return { hour: clock.hour };
  return hourOf(clock.hour, clock.minute, period);
}

/**
 * A range's end. Its own part of the day (到凌晨1点) or day when written; else the start's part of the day
 * (晚上7点半到9点 is 21:00, 下午3点到2点 is asked about); with no part of the day at all, the first such hour after
 * the start (11点到1点 is 13:00). An end on the clock before the start runs into the next day only after an evening.
 */
const NEXT_DAY_WORDS = new Set(['次日', '第二天', '隔天', '翌日']);

function rangeEnd(state: ReadState, time: FoundTime, on: Day, startHour: number, startMs: number, period: Period | undefined): number | undefined {
  const until = time.until!;
  // 今晚23点到次日1点: 次日 and 第二天 in a range's end count from the start's day, not from today.
  const written = until.day && state.reading.source(until.day);
  const following = written !== undefined && NEXT_DAY_WORDS.has(state.original.slice(written.start, written.end));
  const endDay = following ? plusDays(on, 1) : (until.day?.day ?? on);
  const endPeriod = until.period ?? until.clock.period;
  const { hour, minute } = until.clock;
  const within = (ms: number) => ms > startMs && ms - startMs <= 12 * 3_600_000;
  const nextDay = period === 'evening' || period === 'night' || endPeriod === 'small' || startHour >= 18;
  let candidates: number[];
  if (endPeriod === undefined && until.day) {
    // 到次日1点: the day is written, the part of the day is not — the hour within twelve of the start.
    candidates = hour <= 12 ? [hour, hour + 12] : [hour];
  } else if (endPeriod !== undefined || until.day) {
    const end = hourOf(hour, minute, endPeriod ?? period);
    candidates = 'hour' in end ? [end.hour, ...(until.day ? [] : [end.hour + 24])] : [];
  } else if (period !== undefined) {
    const end = hourOf(hour, minute, period);
    candidates = 'hour' in end ? [end.hour] : [];
    if (hour <= 12 && (period === 'morning' || period === 'noon')) candidates.push(hour + 12);
    if (nextDay && hour <= 6) candidates.push(hour + 24);
  } else {
    candidates = [hour, hour + 12, hour + 24];
  }
  for (const h of candidates) {
    const ms = at(state, endDay, h, minute);
    if (within(ms)) return ms;
    // 明天上午10点到后天上午10点: a live over a whole day is possible, but much more often a slip; asked.
    if (until.day && ms > startMs) {
      doubt(state, 'time', `「${time.text}」跨了${Math.round((ms - startMs) / 3_600_000)}小时，是一场直播吗？`);
      return undefined;
    }
  }
  doubt(state, 'time', `时间段「${time.text}」在什么时候结束？结束早于开始，或者时段对不上。`);
  return undefined;
}

/** The question for an hour the words leave open. */
function askHour(state: ReadState, why: Extract<HourReading, { ask: string }>['ask'], clock: Clock, on: Day, period: Period | undefined): void {
  const { slots } = state;
  const written = slots.timeText!;
  const c = clockText(clock.hour, clock.minute);
  slots.day = on;
  switch (why) {
    case 'half': {
      // 两点 in a work chat is more often 14:00 than 02:00, but a live at the wrong one is worse than a question.
      slots.hourInDoubt = { hour: clock.hour, minute: clock.minute };
      // 3:00-4:00: whichever half of the day, the range is an hour long.
      const until = state.times.find((t) => t.clock === clock)?.until;
      const length = until && !until.period && !until.clock.period ? (until.clock.hour - clock.hour) * 60 + until.clock.minute - clock.minute : 0;
      if (length > 0) slots.rangeSeconds = length * 60;
      return doubt(state, 'hour', `「${written}」是凌晨${c}还是下午${c}？`);
    }
    case 'noon-or-midnight':
      slots.hourInDoubt = { hour: 12, minute: clock.minute };
      return doubt(state, 'hour', `「${written}」是中午12点还是夜里0点？`);
    case 'late-night': {
      const next = plusDays(on, 1);
      delete slots.day;
      return doubt(state, 'time', `「${written}」是${monthDay(next)}凌晨${c}吗？请写上日期和时间，例如 ${monthDay(next)} ${pad(clock.hour)}:${pad(clock.minute)}。`);
    }
    case 'contradiction':
      return doubt(state, 'hour', `「${written}」里的时段和钟点对不上，是几点？`);
    case 'invalid':
      return doubt(state, 'hour', `「${written}」不是一个有效的钟点。`);
  }
}

/** tomorrow 3pm: chrono's English reading, where the Chinese grammar found nothing. */
function settleEnglish(state: ReadState): void {
  const { slots, times } = state;
  const english = times.map((t) => t.english!).filter(Boolean);
  const day = english.find((e) => e.day)?.day ?? state.options.day;
  const hour = english.find((e) => e.hour)?.hour;
  const range = english.find((e) => e.rangeSeconds !== undefined)?.rangeSeconds;
  if (range !== undefined) slots.rangeSeconds = range;
  // next Monday in answer to a question that kept the hour (every Monday 10am): that day at that hour.
  const kept = state.options.clock;
  if (!hour && day && kept) {
    const startMs = at(state, day, kept.hour, kept.minute);
    if (startMs > state.now) slots.start = startMs;
    else doubt(state, 'time', `「${monthDay(day)} ${pad(kept.hour)}:${pad(kept.minute)}」已经过去了。`);
    return;
  }
  if (!hour) {
    if (day) slots.day = day;
    return;
  }
  // Friday at 5: an hour from 1 to 7 with no am/pm is asked, as 5点 is (凌晨 or 下午?).
  if (!hour.meridiem && hour.hour >= 1 && hour.hour <= 7) {
    slots.day = day ?? todayOf(state.today);
    slots.hourInDoubt = { hour: hour.hour, minute: hour.minute };
    return doubt(state, 'hour', `「${slots.timeText}」是早上${hour.hour}点还是下午${hour.hour}点？`);
  }
  const startMs = at(state, day ?? todayOf(state.today), hour.hour, hour.minute);
  state.todayAssumed = !day;
  if (!day && startMs <= state.now) return doubt(state, 'time', `今天${pad(hour.hour)}:${pad(hour.minute)}已经过去了。`);
  slots.start = startMs;
}

/** 马上, 周末, 过几天 while no day was read: taken out (it is not the theme) and asked about. */
const takeUnreadDays: Pass = (state) => {
  // 月初上午10点: today was assumed (and today's 10:00 has passed): 月初 is the day that was meant.
  if (state.slots.doubt?.slot === 'time' && !state.todayAssumed) return;
  if (state.slots.start !== undefined && !state.todayAssumed) return;
  // 下礼拜找个时间, 这两天抽空: a run of such words is one.
  const text = state.reading.text;
  // Inside a word (最近进展汇报) it stays the theme's, and is still asked about.
  const letter = /[\p{L}\p{N}]/u;
  // 校庆日下午开个…: a day by a name the reader does not know, with its part of the day.
  const named = state.slots.start === undefined && state.times.length === 0 ? NAMED_DAY_PERIOD.exec(text) : null;
  if (named) {
    state.unreadDay ??= named[0];
    take(state, [{ start: named.index, end: named.index + named[0].length }]);
  }
  const event = state.slots.start === undefined && state.times.length === 0 ? EVENT_BEFORE_VERB.exec(text) : null;
  // 下礼拜找个时间: a day word the reader cannot read is asked as a day, below.
  if (event && !UNREAD.test(event[0])) {
    state.eventTime = event[0];
    take(state, [{ start: event.index, end: event.index + event[0].length }]);
  }
  for (const m of text.matchAll(UNREAD_RUN)) {
    // 过几天开个「…」, 最近找个时间: a verb or a particle beside it leaves it a time word.
    const end = m.index + m[0].length;
    const gluedBefore = letter.test(text[m.index - 1] ?? '') && !FREE_BEFORE.test(text.slice(0, m.index));
    // 下周组会: a day word before an event's name is its day (asked), not a word of the name.
    const gluedAfter = letter.test(text[end] ?? '') && !FREE_AFTER.test(text.slice(end)) && !ARRANGING.test(text.slice(end)) && !EVENT_TAIL.test(text.slice(end));
    if (gluedBefore || gluedAfter) continue;
    state.unreadDay ??= m[0];
    take(state, [{ start: m.index, end: m.index + m[0].length }]);
  }
};

/** What no pass took: the theme (first, or labelled, or quoted) and the description (the rest). */
const readLeftovers: Pass = (state) => {
  const { theme, description, themeSpan, preamble, labelled } = leftovers(state.original, state.taken);
  state.preamble = preamble;
  if (theme !== undefined) state.slots.theme = theme;
  if (labelled) state.slots.themeLabelled = true;
  if (description !== undefined) state.slots.description = description;
  if (themeSpan) state.themeSpan = themeSpan;
};

const UNREAD = new RegExp(alternation(WORDS.unreadDays), 'i');
const NAMED_DAY_PERIOD = new RegExp(`(?<=^|[\\s,，。])\\p{Script=Han}{1,6}(?:日|节|庆)(?:的)?(?:${alternation(Object.keys(WORDS.periods).filter((w) => w.length > 1))})`, 'u');
const EVENT_TAIL = /^\p{Script=Han}{1,4}(?:会|课|培训|分享|讲座|答辩)(?=$|[\s,，。!！]|直播)/u;
/** Verbs that arrange something after a time word (过几天开个…, 最近找个时间…). */
const ARRANGING = /^(?:开|搞|约|建|办|做|找|抽|弄|整|安排|来)/;
/** 改天下午: a part of the day after such a word is asked with it. */
const UNREAD_RUN = new RegExp(`(?:${alternation(WORDS.unreadDays)})+(?:${alternation(Object.keys(WORDS.periods).filter((w) => w.length > 1))})?`, 'gi');
const NAMED_BEFORE = /(\p{Script=Han}{1,8}(?:日|节|庆|天))\s*(?:的)?\s*$/u;
const GLUED_BEFORE = /(\p{Script=Han}{1,6})$/u;
/** 12-9, 12/9, 12.9: a date the grammar did not take. */
const DATE_LIKE = /(?<![\d.])(?:1[0-2]|0?[1-9])\s*[-/.]\s*(?:3[01]|[12]\d|0?[1-9])(?![\d.])/;
const CLOCK_LIKE = /\d{1,2}\s*[:：]\s*\d{2}|[\d零〇一二两三四五六七八九十]\s*(?:点|时)(?![间长候段区])/;

/**
 * A part that looks like a day or a time and was not read (周末, 下旬, 过几天, 周会周五 with no other day) must not
 * leave the live on today or on a day the member did not write: the bot asks.
 */
const askUnread: Pass = (state) => {
  const { slots } = state;
  if (state.unreadDay && state.todayAssumed) {
    slots.unreadWord = state.unreadDay;
    return unreadDay(state, `「${state.unreadDay}」是哪一天？`);
  }
  if (state.otherZone && state.times.length > 0) return unreadDay(state, `时间写的是${state.otherZone}时区，不是公司所在的时区。按公司时间是几点开始？`);
  // 发薪日下午3点, 公司周年庆那天: a day by a name the reader does not know, right before the time; 后个儿下午三点帮我搞个
  // 直播: words glued to the time that no pass read. Asked even when today's hour has passed (the day was not today).
  const before = state.todayAssumed && state.times[0] ? state.original.slice(0, state.reading.source(state.times[0]).start) : undefined;
  const glued = before !== undefined ? trimFillers(GLUED_BEFORE.exec(before)?.[1] ?? '') : '';
  const unknownDay = (before !== undefined ? NAMED_BEFORE.exec(before)?.[1] : undefined) ?? (glued !== '' && (state.preamble?.includes(glued) || slots.theme === glued) ? glued : undefined);
  if (unknownDay) {
    notTheTheme(slots, unknownDay);
    return unreadDay(state, `「${unknownDay}」是哪一天？`);
  }
  // Thu 11/26 3:00 PM: an English weekday copied with the date is checked against it (Thu 11/27 is asked about);
  // Tue 10am with no date: the weekday is the day, the coming one (even when today's 10:00 has passed).
  const kept = slots.start !== undefined ? wallClock(slots.start, state.timezone) : state.todayAssumed && slots.doubt?.slot === 'time' ? slots.clock : undefined;
  const weekday = kept ? (EN_WEEKDAY.exec(slots.theme ?? '') ?? EN_WEEKDAY.exec(state.preamble?.trim() ?? '') ?? EN_WEEKDAY_IN.exec(state.reading.text)) : null;
  if (weekday && kept) {
    const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
    const said = weekday[0].trim();
    const next = /^next\s/i.test(said);
    const written = names.indexOf(said.replace(/^(?:next|this)\s+/i, '').toLowerCase().slice(0, 3));
    notTheTheme(slots, said);
    // Next Mon 4pm, "Transfer Pricing 101": the words of the day are neither theme nor description.
    for (const field of ['theme', 'description'] as const) if (slots[field]?.includes(said)) slots[field] = slots[field]!.replace(said, '').replace(/^[\s,，]+|[\s,，]+$/g, '');
    if (slots.description === '') delete slots.description;
    if (state.todayAssumed) {
      const todayWeekday = wallClock(state.now, state.timezone).weekday;
      // Next Mon: next week's (weeks start on Monday), as 下周一.
      const ahead = next ? 7 - ((todayWeekday + 6) % 7) + ((written + 6) % 7) : (written - todayWeekday + 7) % 7;
      const start = at(state, plusDays(todayOf(state.today), ahead), kept.hour, kept.minute);
      state.todayAssumed = false;
      // Wed 10am on a Wednesday afternoon: today's has passed, next week's is a guess — still asked.
      if (start > state.now) {
        slots.start = start;
        delete slots.doubt;
      }
    } else if (wallClock(slots.start!, state.timezone).weekday !== written) {
      // The hour is kept: the answer names the day.
      return unreadDay(state, `「${weekday[0]} ${slots.timeText}」星期几和日期对不上。`);
    }
  }
  if (slots.doubt?.slot === 'time') return;
  if (state.eventTime && slots.start === undefined) return doubt(state, slots.day ? 'hour' : 'time', `「${state.eventTime}」是几点？`);
  // 周五下午三点直播 CRM复训 周六上午再来一场: a second session said in passing — which one is asked, never dropped.
  const more = slots.description !== undefined ? MORE_SESSIONS.exec(slots.description) : null;
  if (more) {
    slots.description = slots.description!.replace(more[0], '').trim();
    return unreadDay(state, `「${more[0].trim()}」：一条消息只建一场直播，另一场请再发一条。`);
  }
  // 「周末看房团集合」: a day word inside a quoted name is the name's.
  const quotedTheme = state.themeSpan !== undefined && state.taken.some((t) => t.kind === 'quoted' && t.start - 1 <= state.themeSpan!.start && t.end + 1 >= state.themeSpan!.end);
  const leftover = `${state.preamble ?? ''} ${quotedTheme ? '' : (slots.theme ?? '')} ${slots.description ?? ''}`;
  const unread = state.unreadDay ?? UNREAD.exec(leftover)?.[0];
  const dayless = slots.start === undefined || state.todayAssumed;
  if (unread && dayless) {
    slots.unreadWord = unread;
    return unreadDay(state, `「${unread}」是哪一天？`);
  }
  // 明天或后天: a day counted from today is never part of a theme.
  // 今天下午五点半 今日巡检问题通报: a day word in the theme that is the day read is the theme's.
  const sameAsRead = (d: string) => slots.start !== undefined && d in WORDS.relativeDays && sameDay(plusDays(todayOf(state.today), WORDS.relativeDays[d as keyof typeof WORDS.relativeDays]), wallClock(slots.start, state.timezone));
  const relative = state.keptDays.find((d) => (d in WORDS.relativeDays || d in WORDS.dayPeriods) && !sameAsRead(d));
  if (relative) return unreadDay(state, `「${relative}」是哪一天？消息里的日期不止一个，或者没有写清楚。`);
  if (state.keptDays[0] && state.todayAssumed) return unreadDay(state, `「${state.keptDays[0]}」是开播的日期吗？`);
  const date = state.todayAssumed ? DATE_LIKE.exec(leftover)?.[0] : undefined;
  if (date) return unreadDay(state, `「${date}」是开播的日期吗？`);
  const clock = CLOCK_LIKE.exec(leftover)?.[0];
  if (clock && slots.start === undefined && !slots.day) return unreadDay(state, `「${clock}」是开始时间吗？`);
  // every Monday 10am: a repeating live written in English — asked to be written as a series the bot can read.
  const every = EVERY.exec(state.original);
  if (every) {
    notTheTheme(slots, 'every');
    return unreadDay(state, `「${every[0]}」是每次都开吗？重复的直播请写成 每周一10:00 共8次；只开一场请写日期。`);
  }
  // 明天早上8点 晚上开 …: a part of the day left over says the hour read may not be the one meant.
  const period = slots.start !== undefined ? PERIOD_LEFT.exec(`${slots.theme ?? ''} ${slots.description ?? ''}`)?.[1] : undefined;
  if (period) {
    // Not the theme: what followed it is (晚上开 夜班交接会).
    notTheTheme(slots, period);
    // The day stands; the answer's hour is on it.
    const w = wallClock(slots.start!, state.timezone);
    slots.day = { year: w.year, month: w.month, day: w.day };
    delete slots.start;
    return doubt(state, 'time', `「${period}」和「${slots.timeText}」对不上。`);
  }
  // 一节课, 个把小时, 半天: a length the bot cannot know exactly — asked, never the default hour, never the theme's.
  const vague = slots.durationSeconds === undefined && slots.rangeSeconds === undefined ? VAGUE_LENGTH.exec(`${state.preamble ?? ''} ${slots.theme ?? ''} ${slots.description ?? ''}`.replace(IN_QUOTES, ' '))?.[0] : undefined;
  if (vague) {
    for (const slot of ['theme', 'description'] as const) {
      const value = slots[slot]?.replace(vague, '').trim();
      if (value !== undefined) slots[slot] = value;
    }
    if (slots.theme === '') delete slots.theme;
    doubt(state, 'duration', `「${vague}」是多长？`);
  }
};
const EVERY = /\bevery\s+(?:other\s+)?(?:day|week|weekday|month|mon|tue|wed|thu|fri|sat|sun)[a-z]*/i;
/** Next Mon, this Fri, Tue: an English weekday among the words left over. */
const EN_WEEKDAY_IN = /(?<=^|[\s,，])(?:(?:next|this)\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?(?=$|[\s,，])/i;
const EN_WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?$/i;
const PERIOD_LEFT = new RegExp(`(?:^|[\\s\\p{P}])((?:${alternation(Object.keys(WORDS.periods).filter((w) => w.length > 1))})(?:开播|开始|开|播|的|吧|场)?)(?=\\s|$)`, 'u');
/** Lengths in lessons (a lesson's length differs from school to school), approximate hours, parts of a day. */
const VAGUE_LENGTH = new RegExp(
  `[\\d一二两俩三四五六七八九十半]+\\s*(?:个)?\\s*(?:${alternation(WORDS.lessonUnits)})|` +
    `(?:个把|一两个?|两三个?|三四个?|[\\d一二两三四五六]+\\s*个?多个?)(?:小时|钟头|个钟|钟)|${alternation(WORDS.vagueLengths)}`,
);

/** A word taken for the theme that was something else (司庆日, 晚上开, Thu, every): what followed it is the theme. */
function notTheTheme(slots: Slots, word: string): void {
  if (slots.theme?.toLowerCase() !== word.toLowerCase()) return;
  if (slots.description) slots.theme = slots.description;
  else delete slots.theme;
  delete slots.description;
}

/** The part of a description that asks for another session: 周六上午再来一场. */
const MORE_SESSIONS = new RegExp(`[^,，。;；]*(?:${alternation(WORDS.moreSessions)})[^,，。;；]*`);

function unreadDay(state: ReadState, why: string): void {
  // The hour was read; only the day is asked for (周末下午3点 → 周六 is Saturday 15:00).
  if (state.slots.start !== undefined) state.slots.clock = keptClock(state.slots.start, state.timezone);
  delete state.slots.start;
  delete state.slots.day;
  doubt(state, 'time', why);
}

const REPEATING = new RegExp(alternation(WORDS.repeating), 'gi');
const EITHER_DAY = /明后两?天|今明两?天/;
/** What a series' rule leaves in the text: 每天, 每周一, 到3号, 共8次. */
const RULE_WORDS = /(?:到|至)?\s*\d{1,2}\s*[号日](?=\s*每)|每\s*(?:两|2)?\s*(?:个)?\s*(?:周|星期|礼拜|天|日|工作日)[一二三四五六日天1-7]?|(?:共|一共|总共)\s*[\d一二两三四五六七八九十]+\s*(?:次|期|场)/g;
/** `value` without the words of a series' rule, found on its simplified forms (每個 is 每个). */
function withoutRuleWords(value: string): string {
  const folded = foldTraditional(value);
  let out = '';
  let at = 0;
  for (const m of folded.matchAll(RULE_WORDS)) {
    out += value.slice(at, m.index);
    at = m.index + m[0].length;
  }
  return out + value.slice(at);
}
const REPEATED_TIME = /^\s*(?:的)?\s*(?:最后一个|第一个|第[一二三四1-4]个)?\s*(?:周[一二三四五六日天1-7]|星期|礼拜|[上下中]午|早上|晚上|凌晨|[早晚]\s*[\d一二两三四五六七八九十]|[一二三四五六日1-7]\s*[,、]|\d{1,2}\s*[:点号]|[一二两三四五六七八九十]+\s*[点号])/;

/** 每周一10:00: WeCom's living/create makes one live; a repeating one is refused (a theme like 每日站会 is not). */
const refuseRepeating: Pass = (state) => {
  // 每週一: Traditional forms read as the simplified ones (one to one).
  const folded = foldTraditional(state.reading.original.normalize('NFKC'));
  const theme = state.themeSpan;
  const start = state.slots.start;
  for (const m of folded.matchAll(REPEATING)) {
    // 不用每天，只要下周一: a repetition said not to be meant.
    if (/(?:不用|不是|不要|无需|不必)$/.test(folded.slice(0, m.index))) continue;
    // 每日站会 is a theme; 每天上午9点 and 每个月最后一个周五 repeat wherever they stand.
    const timed = REPEATED_TIME.test(folded.slice(m.index + m[0].length));
    const inTheme = theme !== undefined && m.index >= theme.start && m.index + m[0].length <= theme.end;
    if (!timed && inTheme) continue;
    delete state.slots.start;
    delete state.slots.day;
    if (inTheme) {
      // 到3号每天 was read as the theme only because the repetition was not; what came after is the theme.
      delete state.slots.theme;
      if (state.slots.description) {
        state.slots.theme = state.slots.description;
        delete state.slots.description;
      }
    }
    state.slots.repeating = true;
    const clock = start !== undefined ? keptClock(start, state.timezone) : (state.slots.clock ?? state.slots.hourInDoubt);
    if (clock && !state.slots.hourInDoubt) state.slots.clock = clock;
    // 每周一10:00 共8次: a series of lives, shown and confirmed; a rule that cannot be read exactly is asked about.
    const series = clock ? readRepeat(folded, state.now, state.timezone, todayOf(state.today), clock) : undefined;
    if (series && 'starts' in series) {
      // 每周一3点: the hour is asked, but an answer would make one live; the whole rule is asked for again.
      if (state.slots.doubt?.slot === 'hour') {
        state.slots.refusal = `${state.slots.doubt.why}请把整条消息重新发一次并写明时段，例如：创建直播 周会 每周一下午3点 共8次`;
        return;
      }
      state.slots.series = series;
      state.slots.start = series.starts[0];
      // 到3号每天 left in the text was the rule, not the live's words.
      for (const field of ['theme', 'description'] as const) {
        // 「运行周例会」共4次: once the rule is out, the quote marks around the name are no part of it.
        const value = state.slots[field] === undefined ? undefined : unquote(withoutRuleWords(state.slots[field]!).trim());
        if (value === undefined) continue;
        if (trimFillers(value) === '') delete state.slots[field];
        else state.slots[field] = value;
      }
      if (state.slots.doubt?.slot === 'time') delete state.slots.doubt;
      return;
    }
    // A rule not read exactly is asked about: 共8次 completes the series, 先建下周一这一场 makes that one live.
    if (series) {
      state.slots.repeatRule = folded;
      return doubt(state, 'time', `${series.ask}（也可以只写一个日期，只建那一场）`);
    }
    return doubt(state, 'time', `暂不支持这样重复的直播（「${m[0]}」）。可以写：每周一10:00 共8次、下周一到周五每天上午9点、每两周周三下午3点 直到1月底。`);
  }
  const either = EITHER_DAY.exec(folded);
  if (either) unreadDay(state, `「${either[0]}」是哪一天？`);
};

/** Column names of a pasted table and the labels they stand for (开始 is a start, 结束 a range's end). */
const COLUMNS: Record<string, string> = {
  日期: '日期', 时间: '时间', 开始: '开始时间', 开始时间: '开始时间', 结束: '结束时间', 结束时间: '结束时间', 主题: '主题', 标题: '主题',
  直播主题: '主题', 内容: '内容', 时长: '时长', 备注: '备注', 说明: '说明', 讲师: '备注', 主讲: '备注',
};
const CELLS = /\t|\s*[|｜]\s*/;

/**
 * 日期\t开始\t结束\t主题 / 11/30\t19:00\t20:30\t…: a table pasted from a spreadsheet, one row under its names, read as
 * the form it is (日期：11/30 开始时间：19:00 …). Several rows are several lives: their number, refused.
 */
function tableAsForm(text: string, cues: readonly Span[]): string | number | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => {
    const names = line.trim().split(CELLS).map((c) => foldTraditional(c.trim()));
    return names.length >= 2 && names.every((n) => n in COLUMNS);
  });
  if (at < 0) return undefined;
  const rows = lines.slice(at + 1).filter((l) => l.trim() !== '');
  const names = lines[at]!.trim().split(CELLS).map((c) => COLUMNS[foldTraditional(c.trim())]!);
  const cells = rows[0]?.trim().split(CELLS);
  if (rows.length > 1 && rows.every((row) => row.trim().split(CELLS).length === names.length)) return rows.length;
  if (rows.length !== 1 || cells?.length !== names.length) return undefined;
  const before = lines.slice(0, at).join('\n');
  if (cues.some((c) => c.end > before.length)) return undefined;
  return `${before}${before ? '\n' : ''}${names.map((n, k) => `${n}：${cells[k]!.trim()}`).join('\n')}`;
}

/** The passes, in order: each reads what the ones before it left. */
export const PASSES: ReadonlyArray<readonly [name: string, pass: Pass]> = [
  ['cues', readCues],
  ['notes', readNotes],
  ['quote marks', findQuotes],
  ['labels', readLabels],
  ['quotes', readQuotes],
  ['reminders', readReminders],
  ['durations', readDurations],
  ['times', readTimes],
  ['settle time', settleTime],
  ['unread words', takeUnreadDays],
  ['leftovers', readLeftovers],
  ['unread days', askUnread],
  ['repeating', refuseRepeating],
];

/** The state the passes start from. */
export function startReading(original: string, nowMs: number, tz: string, options: ReadOptions = {}): ReadState {
  return {
    original,
    reading: Reading.of(original),
    taken: [],
    slots: {},
    times: [],
    quotes: [],
    descriptions: [],
    endsAt: [],
    themeValues: [],
    keptDays: [],
    todayAssumed: false,
    now: nowMs,
    today: wallClock(nowMs, tz),
    timezone: tz,
    options,
  };
}

/** Reads `original` at `nowMs` in `tz`. Never throws. */
export function readSlots(original: string, nowMs: number, tz: string, options: ReadOptions = {}): Slots {
  const table = tableAsForm(original, options.cues ?? []);
  const state = startReading(typeof table === 'string' ? table : original, nowMs, tz, options);
  for (const [, pass] of PASSES) pass(state);
  if (state.slots.doubt?.slot === 'time') delete state.slots.start;
  // A table of several rows: which row goes with which time is not guessed.
  if (typeof table === 'number') state.slots.refusal = `表格里有${table}行，一条消息只建一场直播：请每行发一条（连同表头），或写成「主题 时间」。`;
  return state.slots;
}
