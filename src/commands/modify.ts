/**
 * 修改直播 ID 时间|主题|时长|描述|提醒 新值: the anchor or an admin, only while the live is 预约中 (living/modify
 * refuses anything else, so the bot says so without calling it). The card's 修改 button asks what to change and
 * reads the answer. The reply is the updated card; when an admin changed someone's live, its anchor is told.
 */
import { buildLiveCard, formatReminder, memberLabel } from '../cards/live.js';
import { newTaskId } from '../cards/limits.js';
import { onlyUpcoming } from '../cards/status.js';
import { text, type Reply } from '../replies/reply.js';
import type { LivingInfo, ModifyLivingRequest } from '../wecom/types.js';
import { charLength, DESCRIPTION_MAX_CHARS, THEME_MAX_BYTES, THEME_MAX_CHARS } from '../wecom/validate.js';
import { formatDuration, formatTime, fromWallClock, wallClock } from '../zone.js';
import { defineCommand, type ReadEnv, type ReadResult } from './command.js';
import { NO_DESCRIPTION } from './create-draft.js';
import { unquote } from './slots/leftovers.js';
import { foldTraditional } from './slots/traditional.js';
import { canManage, sameUser } from './context.js';
import { describesLive, liveNamedIn, suggestLives } from './find-lives.js';
import { readLivingId, takeLivingId } from './livingid.js';
import { findDurations } from './slots/durations.js';
import { clockAt, hourOf, periodAt } from './slots/clocks.js';
import { readSlots, type Day, type Period } from './slots/read.js';
import { readShift } from './slots/shifts.js';
import { calendarLive } from '../calendar/live-calendar.js';
import { findReminders } from './slots/reminders.js';
import { alternation, WORDS } from './slots/words.js';

/** What a modify changes; only the fields the member named. */
export interface Changes {
  theme?: string;
  /** ms since the epoch. */
  start?: number;
  durationSeconds?: number;
  description?: string;
  remindSeconds?: number;
  /** 改到4点: a new hour on the live's own day, in its own half of the day unless one is written (settled in run). */
  clock?: { hour: number; minute: number; period?: Period };
  /** 往后推一天, 提前半小时: seconds added to the live's own start (settled in run). */
  shiftSeconds?: number;
  /** 改到下周一: a new day at the live's own hour (settled in run). */
  day?: Day;
}

export type ModifyArgs =
  | { livingid: string; changes: Changes }
  /** 把明天的周会改到后天下午: the live described (listed, not changed) and the change as written. */
  | { described: string; change: string };

type Field = Exclude<keyof Changes, 'clock' | 'shiftSeconds' | 'day'>;

/** What a question remembers: the live, the field asked for (if one was named) and a day waiting for its hour. */
export interface ModifyState {
  livingid: string;
  field?: Field;
  day?: Day;
}

const EXAMPLE = '修改直播 lvXXXXXXXX 时间 后天15:00';
// Longer words first: 时间长度 is a length, not a 时间.
const FIELD_WORDS: Array<[RegExp, Field]> = [
  [/^(?:直播时长|时长|时间长度|长度|(?:duration|length)(?![a-z]))/i, 'durationSeconds'],
  [/^(?:开始时间|开播时间|时间|开始|日期|(?:start(?:\s+time)?|time|when|date)(?![a-z]))/i, 'start'],
  [/^(?:主题|标题|名称|题目|(?:theme|topic|title|subject)(?![a-z]))/i, 'theme'],
  [/^(?:描述|简介|说明|内容|备注|(?:description|desc|notes?)(?![a-z]))/i, 'description'],
  [/^(?:提醒时间|提醒|reminder(?![a-z]))/i, 'remindSeconds'],
];
const FIELD_NAMES: Record<Field, string> = { start: '开始时间', theme: '主题', durationSeconds: '时长', description: '描述', remindSeconds: '提醒' };
const WHAT = '要修改什么？例如：时间 后天15:00、主题 新主题、时长 2小时、描述 新的描述、提醒 提前30分钟';
const HINT = '（回复「取消」可放弃）';
/** 改为, 改成, 为, 是, = and separators between a field word and its new value. */
const JOINER = /^[\s:：,，、=]*(?:改为|改成|改到|换成|调整为|调到|设为|为|是|到)?[\s:：,，、=]*(?:改为|改成|改到|换成)?[\s:：=]*/;

const LIVE_MARK = new RegExp(alternation(WORDS.liveMarks));
/** 时间不变, 时长照旧: what a member says stays as it is. */
const UNCHANGED = /^(?:不变|保持不变|照旧|一样|不改|不用改|还是原来的)[。.!！,，]*$/;
/** 同一时间, 时间不变: the live's own hour is kept. */
const SAME_TIME = /\s*(?:同一时间|同一个时间|同样的时间|时间不变|原来的时间|原时间|时间照旧|还是那个时间|时间一样)$/;
/** 可以吗？, 吗？ closing a request put as a question. */
const ASKING = /(?:可以吗|行吗|好吗|行不行|可不可以|吗)?[?？。.!！~]*$/;

/** Verbs that move a live by an amount (推迟半小时, 提前一天). */
const SHIFT_VERBS = alternation([...WORDS.shifts.later, ...WORDS.shifts.earlier]);
/** Verbs that move a live to the time after them. */
const MOVE_VERBS = '改期到|改期|改到|改成|改为|改在|调到|调整到|调整为|调整成|挪到|换到|推迟到|延期到|延后到|延到|提前到';
/** Where the change starts in a message that describes the live: a move verb, or a field word after a space. */
const CHANGE_STARTS = new RegExp(`(?<=[\\s,，、;；])(?:开始时间|时间|主题|标题|时长|描述|简介|说明|备注|提醒)|(?:${MOVE_VERBS})|(?:${SHIFT_VERBS})(?=\\s*[\\d一两二三四五六七八九十半])`);
/** 把…改到 in a sentence: the command, with the live named between (改期 and 改在 alone do not make one). */
const SENTENCE = new RegExp(`[把将](?=.+?(?:${MOVE_VERBS.replace('改期|', '').replace('改在|', '')}|(?:时间|主题|时长|描述|提醒)(?:修)?改一下))`);
/** A live's words, then a move verb and what follows it (改期再说 moves nothing). */
const MOVED = new RegExp(`\\p{Script=Han}.*?(?:${MOVE_VERBS})\\s*(?!再说|以后|吧|了)\\S`, 'u');
/** 不对，改成…, 写错了 改到…: a correction of what the same message said before. */
const SELF_CORRECTION = new RegExp(`(?:${alternation([...WORDS.startOver.filter((w) => w !== '改一下'), ...WORDS.takeBacks])})[\\s,，、。]*(?:${MOVE_VERBS})`);
const SHIFT_VERB_AT = new RegExp(`(?:${SHIFT_VERBS})`);
/** A live's words, then a move by an amount. */
const SHIFTED = new RegExp(`\\p{Script=Han}.*?(?:${SHIFT_VERBS})\\s*[\\d一两二三四五六七八九十半个]+\\s*(?:分钟|小时|个小时|钟头|天|周|刻钟)?\\s*(?:吧|了|呗|一下|哈)?\\s*(?=$|[,，。!！\\n])`, 'u');
/** A move verb before the new time (改到后天16:30). */
const MOVE_TO = new RegExp(`^(?:${MOVE_VERBS})[\\s:：]*`);

const ask = (state: ModifyState, why = ''): ReadResult<ModifyArgs> => ({
  ask: { text: `${why}${state.field ? `新的${FIELD_NAMES[state.field]}是什么？` : WHAT}${HINT}`, state },
});

/** Reads `value` as the new `field`: the change, or the question to ask. */
function readField(field: Field, value: string, state: ModifyState, env: ReadEnv): Changes | ReadResult<ModifyArgs> {
  const written = value.trim();
  const again = (why: string) => ask({ livingid: state.livingid, field }, why);
  if (written === '') return again('');
  switch (field) {
    case 'theme': {
      const theme = unquote(written);
      if (charLength(theme) > THEME_MAX_CHARS) return again(`直播主题最多${THEME_MAX_CHARS}个字（当前${charLength(theme)}个字）。`);
      if (Buffer.byteLength(theme) > THEME_MAX_BYTES) return again(`直播主题最多${THEME_MAX_BYTES}个字节（当前${Buffer.byteLength(theme)}个字节）。`);
      return { theme };
    }
    case 'description': {
      const description = NO_DESCRIPTION.test(written.normalize('NFKC')) ? '' : unquote(written, false);
      if (charLength(description) > DESCRIPTION_MAX_CHARS) return again(`直播描述最多${DESCRIPTION_MAX_CHARS}个字（当前${charLength(description)}个字）。`);
      return { description };
    }
    case 'durationSeconds': {
      const [duration, second] = findDurations(foldTraditional(written.normalize('NFKC')));
      if (!duration || second) return again(`没看懂时长「${[...written].slice(0, 20).join('')}」。`);
      if (duration.seconds === 0 || duration.seconds > 24 * 3600) return again('直播时长要在1分钟到24小时之间。');
      return { durationSeconds: duration.seconds };
    }
    case 'remindSeconds': {
      const normalized = foldTraditional(written.normalize('NFKC'));
      const phrase = /提醒|通知/.test(normalized) ? normalized : `${/^提前|前$/.test(normalized) ? '' : '提前'}${normalized}提醒`;
      const [reminder] = findReminders(phrase);
      if (reminder?.seconds !== undefined) return { remindSeconds: reminder.seconds };
      if (/^不/.test(normalized)) return { remindSeconds: 0 };
      return again(`没看懂提醒「${[...written].slice(0, 20).join('')}」，例如 提前15分钟、不提醒。`);
    }
    case 'start': {
      // 推迟到下周一 同一时间, 可以改到后天吗？: the words around the new time say nothing more.
      const when = written.replace(SAME_TIME, '').replace(ASKING, '').trim();
      const clock = state.day ? undefined : clockAlone(when);
      if (clock) return { clock };
      const slots = readSlots(when, env.now, env.timezone, state.day ? { day: state.day } : {});
      if (slots.doubt) return ask({ livingid: state.livingid, field, ...(slots.day ? { day: slots.day } : {}) }, slots.doubt.why);
      if (slots.start === undefined) {
        // 改到下周一: a new day keeps the live's own hour (settled in run).
        if (slots.day && slots.period === undefined && slots.theme === undefined) return { day: slots.day };
        if (slots.day) return ask({ livingid: state.livingid, field, day: slots.day }, `${slots.day.month}月${slots.day.day}日几点开始？`);
        return again(`没看懂时间「${[...written].slice(0, 20).join('')}」。`);
      }
      if (slots.start <= env.now) return again(`「${slots.timeText}」已经过去了。`);
      return { start: slots.start, ...(slots.rangeSeconds !== undefined ? { durationSeconds: slots.rangeSeconds } : {}) };
    }
  }
}

/** Reads "时间 后天15:00 时长 2小时": every named field with its value; without a field word, what the value is. */
export function readChanges(rest: string, state: ModifyState, env: ReadEnv): ReadResult<ModifyArgs> {
  const written = rest.trim();
  if (written === '') return ask(state);
  if (state.field) return settle(readField(state.field, written, state, env), state);
  // Split at field words that start the text or follow a separator.
  const pieces: Array<{ field: Field; value: string }> = [];
  // 時長改為2小時: field words are found on the simplified forms (one for one); values keep the member's characters.
  let remaining = written;
  const fold = () => foldTraditional(remaining);
  let current: { field: Field; value: string } | undefined;
  while (remaining !== '') {
    const folded = fold();
    const match = FIELD_WORDS.map(([re, field]) => ({ m: re.exec(folded), field })).find((f) => f.m);
    if (match?.m && (current === undefined || /[\s,，;；、]$/.test(current.value))) {
      current = { field: match.field, value: '' };
      pieces.push(current);
      const after = folded.slice(match.m[0].length);
      remaining = remaining.slice(match.m[0].length + after.length - after.replace(JOINER, '').length);
      continue;
    }
    if (!current) break;
    current.value += remaining[0];
    remaining = remaining.slice(1);
  }
  // 改到后天16:30, 推迟到周五: the verb says a time follows.
  if (pieces.length === 0) return guessField(written.replace(MOVE_TO, ''), state, env);
  const changes: Changes = {};
  for (const piece of pieces) {
    // 主题改成「…」，时间不变: a field said to stay is no change.
    if (UNCHANGED.test(piece.value.trim()) && pieces.length > 1) continue;
    const read = readField(piece.field, piece.value.replace(/[\s,，;；、]+$/, ''), state, env);
    if ('ask' in read || 'error' in read || 'args' in read) return read as ReadResult<ModifyArgs>;
    Object.assign(changes, read);
  }
  return { args: { livingid: state.livingid, changes } };
}

/** A value with no field word: a time or a duration says what it is; anything else is asked about. */
function guessField(written: string, state: ModifyState, env: ReadEnv): ReadResult<ModifyArgs> {
  const shiftSeconds = readShift(written);
  if (shiftSeconds !== undefined) return { args: { livingid: state.livingid, changes: { shiftSeconds } } };
  // 提前15分钟提醒, 不提醒: a reminder names itself.
  const [reminder, another] = findReminders(foldTraditional(written.normalize('NFKC')));
  if (reminder?.seconds !== undefined && !another && written.trim().length - (reminder.end - reminder.start) <= 1) return { args: { livingid: state.livingid, changes: { remindSeconds: reminder.seconds } } };
  const when = written.replace(SAME_TIME, '').replace(ASKING, '').trim();
  const slots = readSlots(when, env.now, env.timezone, state.day ? { day: state.day } : {});
  const onlyTime = (slots.start !== undefined || slots.day !== undefined) && slots.theme === undefined && slots.durationSeconds === undefined;
  if (onlyTime || (!state.day && clockAlone(written))) return settle(readField('start', written, state, env), state);
  // 改成明天上午10点开始，时长90分钟: a whole new start and a length, both changed.
  if (slots.start !== undefined && slots.durationSeconds !== undefined && slots.theme === undefined) return { args: { livingid: state.livingid, changes: { start: slots.start, durationSeconds: slots.durationSeconds } } };
  const onlyDuration = slots.durationSeconds !== undefined && slots.timeText === undefined && slots.theme === undefined;
  if (onlyDuration) return settle(readField('durationSeconds', written, state, env), state);
  return ask(state, `没看懂要改什么（「${[...written].slice(0, 20).join('')}」）。`);
}

const settle = (read: Changes | ReadResult<ModifyArgs>, state: ModifyState): ReadResult<ModifyArgs> =>
  'ask' in read || 'error' in read || 'args' in read ? (read as ReadResult<ModifyArgs>) : { args: { livingid: state.livingid, changes: read } };

/** 4点, 下午4点, 16:30, 四点半 — a clock and nothing else (no day): the live's day is kept. */
function clockAlone(written: string): Changes['clock'] | undefined {
  const text = written.normalize('NFKC').trim().toLowerCase().replace(/[。.!！]+$/, '');
  const period = periodAt(text, 0);
  const at = period ? period.end : 0;
  const clock = clockAt(text, at);
  if (!clock || clock.end !== text.length) return undefined;
  const half = period?.period ?? clock.period;
  return { hour: clock.hour, minute: clock.minute, ...(half ? { period: half } : {}) };
}

/** The start `clock` means on the day of the live starting at `liveStart`; a question when the hour is unclear. */
function onLiveDay(clock: NonNullable<Changes['clock']>, liveStart: number, timezone: string): number | string {
  const live = wallClock(liveStart, timezone);
  // 改到4点 for a live at 15:00 is 16:00, for one at 09:00 it is 04:00's question; 下午4点 says so itself.
  const period = clock.period ?? (clock.hour >= 1 && clock.hour <= 11 ? (live.hour >= 12 ? 'afternoon' : 'morning') : undefined);
  const hour = hourOf(clock.hour, clock.minute, period);
  if ('ask' in hour || (period === 'morning' && clock.hour <= 6 && clock.period === undefined)) {
    return `「${clock.hour}点」是凌晨还是下午？请写上时段，例如：修改直播 时间 下午${clock.hour}点。`;
  }
  return fromWallClock({ year: live.year, month: live.month, day: live.day, hour: hour.hour, minute: clock.minute, second: 0 }, timezone);
}

/**
 * What living/modify is sent for `changes` to `live`: an hour on the live's own day, a new day at its own hour, a
 * move by an amount, settled against the live; or why not (a start in the past, an hour that is unclear).
 * `changes` ends with the settled start, for the replies.
 */
export function modifyRequest(changes: Changes, live: Pick<LivingInfo, 'living_start'>, timezone: string, now: number): Omit<ModifyLivingRequest, 'livingid'> | string {
  if (changes.clock) {
    const start = onLiveDay(changes.clock, live.living_start * 1000, timezone);
    if (typeof start === 'string') return start;
    changes.start = start;
    delete changes.clock;
  }
  if (changes.day) {
    const at = wallClock(live.living_start * 1000, timezone);
    changes.start = fromWallClock({ ...changes.day, hour: at.hour, minute: at.minute, second: 0 }, timezone);
    delete changes.day;
  }
  if (changes.shiftSeconds !== undefined) {
    changes.start = live.living_start * 1000 + changes.shiftSeconds * 1000;
    delete changes.shiftSeconds;
  }
  if (changes.start !== undefined && changes.start <= now) return '新的开始时间已经过去了，请选择将来的时间。';
  return {
    ...(changes.theme !== undefined ? { theme: changes.theme } : {}),
    ...(changes.start !== undefined ? { living_start: Math.floor(changes.start / 1000) } : {}),
    ...(changes.durationSeconds !== undefined ? { living_duration: changes.durationSeconds } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.remindSeconds !== undefined ? { remind_time: changes.remindSeconds } : {}),
  };
}

/** `开始 2026-11-27 15:00 (周五)、时长 2小时`: what changed, for the replies. */
function describeChanges(changes: Changes, timezone: string): string {
  const parts: string[] = [];
  if (changes.theme !== undefined) parts.push(`主题「${changes.theme}」`);
  if (changes.start !== undefined) parts.push(`开始 ${formatTime(changes.start, timezone)}`);
  if (changes.durationSeconds !== undefined) parts.push(`时长 ${formatDuration(changes.durationSeconds)}`);
  if (changes.description !== undefined) parts.push(changes.description === '' ? '去掉描述' : `描述「${changes.description}」`);
  if (changes.remindSeconds !== undefined) parts.push(`提醒 ${formatReminder(changes.remindSeconds)}`);
  return parts.join('、');
}

export const modify = defineCommand<ModifyArgs>({
  name: 'modify',
  words: ['修改直播', '更改直播', '改直播', '调整直播', '直播改期', '改期', '修改', 'modify'],
  example: EXAMPLE,
  help: ['修改直播 直播ID 时间|主题|时长|描述|提醒 新值（主播或管理员，仅限未开始的直播）', '　例：修改直播 lvXXXXXXXX 时间 后天15:00'],
  abandoned: '好的，已放弃，直播没有改动。',
  changes: { run: true },
  sentence(text) {
    // 下周五下午3点直播 主题：客户大会，不对，改成下周四: the member corrects their own message, not a live.
    if (SELF_CORRECTION.test(text)) return null;
    // 帮我把3号链接改成698元: a price or a product is changed elsewhere, not a live.
    if (/元|块钱|价格|库存|链接|订单/.test(text) && !LIVE_MARK.test(text)) return null;
    const m = SENTENCE.exec(text);
    if (m) return [{ start: m.index, end: m.index + 1 }];
    // 周五的产品培训帮我改到下周一下午三点: a move verb after a live's words names the command without 把.
    // 后天那场 brown bag 推迟半小时: moved by an amount.
    // (提前15分钟提醒 is a reminder, not a move.)
    const shifted = SHIFTED.exec(text);
    const verb = shifted ? shifted.index + shifted[0].search(SHIFT_VERB_AT) : 0;
    const moved = shifted && !/^[^,，。\n]{0,8}?(?:提醒|通知|叫)/.test(text.slice(shifted.index + shifted[0].length)) && !/(?:提醒|通知)[^,，。\n]{0,6}$/.test(text.slice(0, verb));
    return MOVED.test(text) || moved ? [{ start: 0, end: 0 }] : null;
  },
  read(input, env) {
    // The ID as pasted (直播ID：lv…, 「lv…」), then what to change.
    const { id: written, rest } = takeLivingId(input.args);
    if (describesLive(written)) {
      // 把lvXXXX改到后天下午 and 修改一下直播 lvXXXX 时间 … hold the ID after all; 把明天的周会改到后天下午 describes the live.
      const at = CHANGE_STARTS.exec(input.args);
      const described = (at ? input.args.slice(0, at.index) : input.args).trim();
      const change = at ? input.args.slice(at.index).trim() : '';
      const named = liveNamedIn(described);
      return 'livingid' in named ? readChanges(change, named, env) : { args: { ...named, change } };
    }
    const id = readLivingId(written, EXAMPLE);
    if (!('args' in id)) return id;
    // ID 的主题改成…, ID 这场的时间改到…: the words pointing back at the live are not the change.
    // … 改一下时长，改成2小时: the verb before a field word says nothing more.
    const change = rest.replace(/^[\s,，、;；]*(?:(?:这个直播|这场直播|这场|这个)\s*的?|的)?\s*/, '').replace(/^\s*(?:帮我)?(?:修改|改|调整)(?:一下|下)?[\s,，、]*(?=(?:直播时长|时长|时间|开始时间|主题|标题|描述|提醒))/, '');
    return readChanges(change, { livingid: id.args.livingid }, env);
  },
  resume: (state, answer, env) => readChanges(answer, state as ModifyState, env),
  async run(args, ctx): Promise<Reply[]> {
    if ('described' in args) return suggestLives(ctx, args.described, (id) => `修改直播 ${id} ${args.change}`.trim());
    const { livingid, changes } = args;
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以修改这场直播。')];
    if (live.status !== 0) return [text(onlyUpcoming(live.status, '修改'))];
    const request = modifyRequest(changes, live, ctx.settings.timezone, ctx.now());
    if (typeof request === 'string') return [text(request)];
    if (Object.keys(request).length === 0) return [text(`${WHAT}。例：${EXAMPLE}`)];
    await ctx.api.modifyLiving(livingid, request);
    ctx.log.info({ livingid, by: ctx.user, fields: Object.keys(request) }, 'live modified');
    const [{ living_info: updated }, anchorName] = await Promise.all([ctx.api.getLivingInfo(livingid), ctx.names.nameOf(live.anchor_userid)]);
    const what = describeChanges(changes, ctx.settings.timezone);
    if (!sameUser(ctx.user, live.anchor_userid)) {
      ctx.tell(live.anchor_userid, text(`你的直播「${live.theme}」（${formatTime(live.living_start * 1000, ctx.settings.timezone)}）已被管理员 ${memberLabel(await ctx.names.nameOf(ctx.user), ctx.user)} 修改：${what}。`));
    }
    const card = buildLiveCard({
      livingid,
      info: updated,
      headline: '直播已修改',
      timezone: ctx.settings.timezone,
      taskId: newTaskId('modified'),
      anchorName,
      ...(changes.remindSeconds !== undefined ? { remindSeconds: changes.remindSeconds } : {}),
    });
    // Its calendar entry moves with it; a failure there is said, the change stays.
    const problem = await ctx.calendar.update(calendarLive(livingid, updated, anchorName, changes.remindSeconds));
    return problem ? [{ kind: 'card', card }, text(problem)] : [{ kind: 'card', card }];
  },
  actions: {
    /** The card's 修改: checked now (who, and whether it can still change), then asked what to change. */
    async ask(livingid, ctx) {
      const { living_info: live } = await ctx.api.getLivingInfo(livingid);
      if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以修改这场直播。')];
      if (live.status !== 0) return [text(onlyUpcoming(live.status, '修改'))];
      return ctx.ask(`修改直播「${live.theme}」：${WHAT}${HINT}`, { livingid } satisfies ModifyState);
    },
  },
});
