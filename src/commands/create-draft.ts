/**
 * From what a create message said to a live, or to one question. A live is created only when every slot was read
 * without doubt; otherwise the member is asked for the one slot that is missing or in doubt, and the answer is
 * merged into what was already read.
 */
import { charLength, DESCRIPTION_MAX_CHARS, THEME_MAX_BYTES, THEME_MAX_CHARS } from '../wecom/validate.js';
import type { ReadEnv, ReadResult } from './command.js';
import { fromWallClock, formatDuration, formatTime } from '../zone.js';
import { readSlots, type Slot, type Slots } from './slots/read.js';

/** A live to create, every field decided. */
export interface CreateArgs {
  theme: string;
  /** ms since the epoch. */
  start: number;
  /** null: the configured default. */
  durationSeconds: number | null;
  description: string;
  /** Seconds before the start; undefined: the configured default. */
  remindSeconds?: number;
}

/** What a question remembers: the slots read so far and which one it asked for. */
export interface CreateState {
  slots: Slots;
  asked: Slot;
}

const MAX_DURATION_SECONDS = 24 * 3600;
const ABANDON_HINT = '（回复「取消」可放弃）';

const QUESTIONS: Record<Slot, (slots: Slots, env: ReadEnv) => string> = {
  theme: () => '直播主题是什么？例如 周会',
  time: () => '什么时候开始？例如 明天15:00',
  hour: (slots) => `${slots.day ? `${slots.day.month}月${slots.day.day}日` : ''}几点开始？例如 15:00、下午3点`,
  duration: () => '直播多长时间？例如 1小时、90分钟',
  description: () => `描述改成什么？最多${DESCRIPTION_MAX_CHARS}个字，不要描述请回复「无」`,
};

/** Asks for `slot`, saying why and what is already understood. */
function ask(slots: Slots, slot: Slot, env: ReadEnv, why = ''): ReadResult<CreateArgs> {
  const known = slots.theme && slot !== 'theme' ? `直播「${slots.theme}」：` : '';
  const { doubt: _asked, ...rest } = slots;
  const state: CreateState = { slots: rest, asked: slot };
  return { ask: { text: `${known}${why}${QUESTIONS[slot](slots, env)}${ABANDON_HINT}`, state } };
}

/** The live `slots` describe, or the one question to ask first. */
export function decideCreate(slots: Slots, env: ReadEnv): ReadResult<CreateArgs> {
  if (slots.doubt) return ask(slots, slots.doubt.slot, env, slots.doubt.why);
  const theme = slots.theme?.trim() ?? '';
  if (theme === '') return ask(slots, 'theme', env);
  const chars = charLength(theme);
  const bytes = Buffer.byteLength(theme);
  if (chars > THEME_MAX_CHARS) return ask({ ...slots, theme: undefined }, 'theme', env, `直播主题最多${THEME_MAX_CHARS}个字（当前${chars}个字）。`);
  if (bytes > THEME_MAX_BYTES) {
    return ask({ ...slots, theme: undefined }, 'theme', env, `直播主题最多${THEME_MAX_BYTES}个字节（当前${chars}个字，占${bytes}个字节：表情等符号每个占4个字节）。`);
  }
  if (slots.start === undefined) return ask(slots, slots.day ? 'hour' : 'time', env);
  if (slots.start <= env.now) {
    return ask({ ...slots, start: undefined }, 'time', env, `开始时间「${slots.timeText ?? formatTime(slots.start, env.timezone)}」已经过去了。`);
  }
  const { durationSeconds, rangeSeconds } = slots;
  if (durationSeconds !== undefined && rangeSeconds !== undefined && durationSeconds !== rangeSeconds) {
    return ask(slots, 'duration', env, `时间段「${slots.timeText}」是${formatDuration(rangeSeconds)}，但写的时长是${formatDuration(durationSeconds)}，以哪个为准？`);
  }
  const duration = durationSeconds ?? rangeSeconds;
  if (duration === 0) return ask({ ...slots, durationSeconds: undefined }, 'duration', env, '直播时长不能为0。');
  if (duration !== undefined && duration > MAX_DURATION_SECONDS) {
    return ask({ ...slots, durationSeconds: undefined, rangeSeconds: undefined }, 'duration', env, `直播时长最多24小时（当前${formatDuration(duration)}）。`);
  }
  const description = slots.description ?? '';
  if (charLength(description) > DESCRIPTION_MAX_CHARS) {
    return ask({ ...slots, description: undefined }, 'description', env, `直播描述最多${DESCRIPTION_MAX_CHARS}个字（当前${charLength(description)}个字）。`);
  }
  return {
    args: {
      theme,
      start: slots.start,
      durationSeconds: duration ?? null,
      description,
      ...(slots.remindSeconds !== undefined ? { remindSeconds: slots.remindSeconds } : {}),
    },
  };
}

const NOTHING = /^(?:无|没有|不要|不用|跳过|空|不需要)$/;
const QUOTES = /^[“"「『‘'《](.*)[”"」』’'》]$/s;

/** What a member wrote inside one pair of quotes (「产品 发布会」), trimmed unless `trim` is false; else the text. */
export const unquote = (written: string, trim = true): string => {
  const inner = QUOTES.exec(written)?.[1];
  return inner === undefined ? written : trim ? inner.trim() : inner;
};

/** Merges the answer to the question `state` asked, then decides again. */
export function resumeCreate(state: CreateState, answer: string, env: ReadEnv): ReadResult<CreateArgs> {
  const { slots: before, asked } = state;
  const written = answer.trim();
  if (asked === 'description') return decideCreate({ ...before, description: NOTHING.test(written) ? '' : written }, env);
  if (before.weekInDoubt !== undefined && YES.test(written.normalize('NFKC'))) {
    // 是 in answer to 「周三上午10点」是指下周三吗？
    const { weekInDoubt, day: _day, ...rest } = before;
    return decideCreate({ ...rest, start: weekInDoubt }, env);
  }
  const half = HALF_OF_DAY.exec(written.normalize('NFKC'));
  if (half) {
    // 下午 in answer to 凌晨2点还是下午2点: the hour written first, in that half of the day.
    const pending = before.hourInDoubt;
    if (asked !== 'hour' || !pending || !before.day) return ask(before, asked, env, `${half[1]}几点？`);
    const hour = (pending.hour % 12) + (AFTERNOON.test(half[1]!) ? 12 : 0);
    const { hourInDoubt: _settled, ...rest } = before;
    return decideCreate({ ...rest, start: fromWallClock({ ...before.day, hour, minute: pending.minute, second: 0 }, env.timezone) }, env);
  }
  const read = readSlots(answer, env.now, env.timezone, before.day ? { day: before.day } : {});
  if (asked === 'theme') {
    // The answer is the theme as written ("Q4复盘（上）"), unless it says more: 周会 明天15:00, 主题是周会, 就叫周会吧.
    const theme = read.theme ?? (read.timeText === undefined && read.durationSeconds === undefined ? unquote(written) : undefined);
    const next: Slots = { ...before, ...(theme ? { theme } : {}) };
    if (read.description !== undefined && before.description === undefined) next.description = read.description;
    return decideCreate(mergeTime(next, read, asked), env);
  }
  const next: Slots = { ...before };
  Object.assign(next, mergeTime(next, read, asked));
  if (!next.theme && read.theme) next.theme = read.theme;
  // The theme is known: what else the answer says is the description (明天下午3点 本周进展同步).
  if (before.theme && read.theme && next.description === undefined) next.description = [read.theme, read.description].filter(Boolean).join(' ');
  const answered = asked === 'duration' ? read.durationSeconds !== undefined : read.start !== undefined || read.day !== undefined || read.doubt !== undefined;
  if (!answered) return ask(next, asked, env, `没看懂「${[...written].slice(0, 20).join('')}」。`);
  return decideCreate(next, env);
}

/** Yes to the bot's own question (是指下周三吗？). */
const YES = /^(?:是|是的|对|对的|嗯|没错|好|好的|下周的?|yes|y)[。.!！,，]?$/i;

/** 下午, 是下午, 下午的, pm: an answer that names only the half of the day. */
const HALF_OF_DAY = /^(?:是)?(下午|晚上|傍晚|中午|上午|凌晨|早上|清晨|pm|am)(?:的)?[。.!！]?$/i;
const AFTERNOON = /下午|晚上|傍晚|中午|pm/i;

/** `slots` with the time, length and reminder an answer read (the answer wins over what was read before). */
function mergeTime(slots: Slots, read: Slots, asked: Slot): Slots {
  const next: Slots = { ...slots };
  if (read.start !== undefined || read.day !== undefined) {
    delete next.start;
    delete next.day;
    delete next.hourInDoubt;
    delete next.weekInDoubt;
    if (read.start !== undefined) next.start = read.start;
    if (read.day !== undefined) next.day = read.day;
    if (read.hourInDoubt !== undefined) next.hourInDoubt = read.hourInDoubt;
    if (read.timeText !== undefined) next.timeText = read.timeText;
  }
  if (read.rangeSeconds !== undefined) next.rangeSeconds = read.rangeSeconds;
  if (read.durationSeconds !== undefined) {
    next.durationSeconds = read.durationSeconds;
    // Asked which length holds: the answer settles it.
    if (asked === 'duration' && read.rangeSeconds === undefined) delete next.rangeSeconds;
  }
  if (read.remindSeconds !== undefined) next.remindSeconds = read.remindSeconds;
  if (read.doubt) next.doubt = read.doubt;
  return next;
}
