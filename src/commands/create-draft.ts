/**
 * From what a create message said to a live, or to one question. A live is created only when every slot was read
 * without doubt; otherwise the member is asked for the one slot that is missing or in doubt, and the answer is
 * merged into what was already read.
 */
import { charLength, DESCRIPTION_MAX_CHARS, THEME_MAX_BYTES, THEME_MAX_CHARS } from '../wecom/validate.js';
import type { ReadEnv, ReadResult } from './command.js';
import { fromWallClock, formatDuration, formatTime, wallClock } from '../zone.js';
import { monthDay, plusDays } from './slots/calendar.js';
import { hourOf } from './slots/clocks.js';
import { keptClock, readSlots, type Period, type Slot, type Slots } from './slots/read.js';
import { findReminders } from './slots/reminders.js';
import { findDurations } from './slots/durations.js';
import { endsSeries } from './slots/repeats.js';
import { alternation, WORDS } from './slots/words.js';
import { undecided, unquote } from './slots/leftovers.js';
import { foldTraditional } from './slots/traditional.js';

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
  /** Who is invited, as written (邀请 销售部): matched against the directory before the live is created. */
  audience?: string;
  /** A series: every start (ms), the first being `start`; created only after the member confirmed the dates. */
  series?: number[];
}

/** What a question remembers: the slots read so far and which one it asked for. */
export interface CreateState {
  slots: Slots;
  asked: Slot;
  /** The command was inferred from a message without its words: the live is confirmed before it is created. */
  confirm?: true;
}

const MAX_DURATION_SECONDS = 24 * 3600;
const MIN_DURATION_SECONDS = 60;
const ABANDON_HINT = '（回复「取消」可放弃）';

const QUESTIONS: Record<Slot, (slots: Slots, env: ReadEnv) => string> = {
  theme: () => '直播主题是什么？例如 周会',
  time: () => '什么时候开始？例如 明天15:00',
  hour: (slots) => `${slots.day ? monthDay(slots.day) : ''}${slots.period ? PERIOD_NAMES[slots.period] : ''}几点开始？例如 ${slots.period ? '3点' : '15:00、下午3点'}`,
  duration: () => '直播多长时间？例如 1小时、90分钟',
  reminder: () => '提前多久提醒？例如 提前15分钟、不提醒',
  confirm: () => '要创建吗？回复「是」创建，或者直接写要改的地方',
  description: () => `描述改成什么？最多${DESCRIPTION_MAX_CHARS}个字，不要描述请回复「无」`,
};

/** How a question names a part of the day (下周五下午几点开始？). */
const PERIOD_NAMES: Record<Period, string> = { small: '凌晨', morning: '上午', noon: '中午', afternoon: '下午', evening: '晚上', night: '夜里' };

/** Asks for `slot`, saying why and what is already understood. */
function ask(slots: Slots, slot: Slot, env: ReadEnv, why = '', confirm = false): ReadResult<CreateArgs> {
  const known = slots.theme && slot !== 'theme' && slot !== 'confirm' ? `直播「${slots.theme}」：` : '';
  const { doubt: _asked, ...rest } = slots;
  const state: CreateState = { slots: rest, asked: slot, ...(confirm ? { confirm: true as const } : {}) };
  return { ask: { text: `${known}${why}${QUESTIONS[slot](slots, env)}${ABANDON_HINT}`, state } };
}

/**
 * The live `slots` describe, or the one question to ask first. With `confirm` (a message that never said 创建 or
 * 直播), the complete live is shown and created only on 是.
 */
export function decideCreate(slots: Slots, env: ReadEnv, confirm = false): ReadResult<CreateArgs> {
  const decided = decideFields(slots, env);
  // A series is many lives: its dates are shown and confirmed first, however it was asked for.
  // 邀请培训班: whom the live goes to is shown with it, as the rest of what will be done on 是.
  const invited = slots.audience ? `邀请：${slots.audience}。` : '';
  if (slots.series && 'args' in decided && !slots.series.confirmed) return ask(slots, 'confirm', env, seriesQuestion(decided.args, slots.series, env) + invited, confirm);
  if (!confirm || !('args' in decided)) return 'ask' in decided && confirm ? { ask: { ...decided.ask, state: { ...(decided.ask.state as CreateState), confirm: true } } } : decided;
  const { theme, start, durationSeconds } = decided.args;
  const length = durationSeconds === null ? '' : `，${formatDuration(durationSeconds)}`;
  return ask(slots, 'confirm', env, `要创建直播「${theme}」吗？${formatTime(start, env.timezone)}${length}。${invited}`, true);
}

function decideFields(slots: Slots, env: ReadEnv): ReadResult<CreateArgs> {
  if (slots.refusal) return { error: 'series', message: slots.refusal };
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
    return ask({ ...slots, start: undefined, clock: keptClock(slots.start, env.timezone) }, 'time', env, `开始时间「${slots.timeText ?? formatTime(slots.start, env.timezone)}」已经过去了。`);
  }
  const { durationSeconds, rangeSeconds } = slots;
  if (durationSeconds !== undefined && rangeSeconds !== undefined && durationSeconds !== rangeSeconds) {
    return ask(slots, 'duration', env, `时间段「${slots.timeText}」是${formatDuration(rangeSeconds)}，但写的时长是${formatDuration(durationSeconds)}，以哪个为准？`);
  }
  const duration = durationSeconds ?? rangeSeconds;
  if (duration !== undefined && duration < MIN_DURATION_SECONDS) return ask({ ...slots, durationSeconds: undefined }, 'duration', env, '直播时长至少1分钟。');
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
      ...(slots.audience ? { audience: slots.audience } : {}),
      ...(slots.series ? { series: slots.series.starts } : {}),
    },
  };
}

/** 无, 不用, 跳过, 清空: "no description" (the same words modify takes). */
export const NO_DESCRIPTION = new RegExp(`^(?:${alternation(WORDS.noDescription)})[。.!！]?$`);

/** Merges the answer to the question `state` asked, then decides again. */
export function resumeCreate(state: CreateState, answer: string, env: ReadEnv): ReadResult<CreateArgs> {
  const { slots: before, asked } = state;
  const confirm = state.confirm === true;
  const decide = (slots: Slots) => decideCreate(slots, env, confirm);
  // 算了换成下周五, 写错了，是11月27号: a correction, then the answer.
  const correction = CORRECTION.exec(foldTraditional(answer.trim().normalize('NFKC')));
  const said = correction && correction[1]!.trim() !== '' ? answer.trim().slice(answer.trim().length - correction[1]!.length) : answer.trim();
  // 周四 in answer to 「下周」是哪一天？: next week's Thursday, as the question was about next week.
  const nextWeek = NEXT_WEEK.test(before.unreadWord ?? '');
  const english = nextWeek ? EN_BARE_WEEKDAY.exec(said.normalize('NFKC')) : null;
  const written = nextWeek && BARE_WEEKDAY.test(said.normalize('NFKC'))
    ? `下${said.replace(/^就/, '')}`
    : english
      ? `下周${'日一二三四五六'[EN_DAYS.indexOf(english[1]!.toLowerCase().slice(0, 3))]}${said.normalize('NFKC').slice(english[0].length)}`
      : said;
  // 係週五, 打錯字: read on the simplified forms, one for one.
  const folded = foldTraditional(written.normalize('NFKC'));
  if (asked === 'description') return decide({ ...before, description: NO_DESCRIPTION.test(folded) ? '' : written });
  if (asked === 'confirm' && YES.test(folded)) return decideCreate(before.series ? { ...before, series: { ...before.series, confirmed: true } } : before, env);
  // 算了，帮我建：客户答谢会，12月18日下午3点 — what was said before is dropped, this is read as a new request.
  const over = START_OVER.exec(folded);
  // 算了，先只建下周一这一场: with no theme of its own, what follows 算了 is still an answer about this live.
  const anew = over && over[1]!.trim() !== '' ? readSlots(written.slice(written.length - over[1]!.length), env.now, env.timezone) : undefined;
  if (anew?.theme) return decideCreate(anew, env, confirm);
  if (anew) return resumeCreate(state, written.slice(written.length - over![1]!.length), env);
  if (UNDECIDED.test(folded)) return ask(before, asked, env, '', confirm);
  // 週四 picks 周四下午3点: the choices were written down folded.
  const picked = before.choices && pickFrom(foldTraditional(folded), before.choices);
  if (picked) {
    // 下午那个, 第二个 in answer to 明天上午10点或者下午3点: that start; 先建明天那场，主题：… also says the rest.
    const { choices: _offered, doubt: _doubt, clock: _clock, day: _day, period: _period, ...rest } = before;
    const said = picked.rest === '' ? {} : readSlots(picked.rest, env.now, env.timezone);
    const more = Object.fromEntries(Object.entries(said).filter(([k]) => ['theme', 'description', 'durationSeconds', 'remindSeconds'].includes(k)));
    return decide({ ...rest, ...more, start: picked.start, timeText: picked.text });
  }
  if (before.weekInDoubt !== undefined && YES.test(folded)) {
    // 是 in answer to 「周三上午10点」是指下周三吗？
    const { weekInDoubt, day: _day, ...rest } = before;
    return decide({ ...rest, start: weekInDoubt });
  }
  if (asked === 'reminder') {
    const [reminder, second] = findReminders(/提醒|通知/.test(folded) ? folded : `${/^提前/.test(folded) ? '' : '提前'}${folded}提醒`);
    if (reminder?.seconds === undefined || second) return ask(before, asked, env, `没看懂「${[...written].slice(0, 20).join('')}」。`, confirm);
    return decide({ ...before, remindSeconds: reminder.seconds });
  }
  // 凌晨的，夜场主播刚好下播: the part of the day, then why.
  // (下午，哦不对，是下午3点半 and 下午吧，或者4点也行 say more than the part of the day.)
  const [firstClause, ...why] = folded.split(/[,，。;；]/);
  const reason = why.join('，');
  const wholeHalf = HALF_OF_DAY.exec(folded);
  const half = wholeHalf ?? (!/[\d零〇一二两三四五六七八九十]\s*[点:时]|或|还是|不对|不是/.test(reason) ? HALF_OF_DAY.exec(firstClause!.trim()) : null);
  if (half && asked === 'hour' && before.hourInDoubt && before.day) {
    // 下午 in answer to 凌晨2点还是下午2点 (or 夜里 to 中午12点还是夜里0点): the hour written first, in that part of the day.
    const { hour: written12, minute } = before.hourInDoubt;
    const period = WORDS.periods[half[1]!.toLowerCase() as keyof typeof WORDS.periods];
    const { hourInDoubt: _settled, ...rest } = before;
    if (written12 === 12 && period !== 'noon' && period !== 'morning' && period !== 'afternoon') {
      return decide({ ...rest, start: fromWallClock({ ...plusDays(before.day, 1), hour: 0, minute, second: 0 }, env.timezone) });
    }
    const reading = hourOf(written12, minute, period);
    if ('ask' in reading) return ask(before, asked, env, `「${half[1]}${written12}点」还是说不清是几点。`, confirm);
    // 晚上，时长45分钟: what follows the part of the day may give the length.
    const [length, another] = wholeHalf ? [] : findDurations(reason);
    return decide({ ...rest, start: fromWallClock({ ...before.day, hour: reading.hour, minute, second: 0 }, env.timezone), ...(length && !another ? { durationSeconds: length.seconds } : {}) });
  }
  // 日期对的，星期写错了: the date written stands, at the hour read with it.
  if (before.writtenDay && before.clock && DATE_STANDS.test(folded)) {
    const { writtenDay, ...rest } = before;
    return decide({ ...rest, start: fromWallClock({ ...writtenDay, hour: before.clock.hour, minute: before.clock.minute, second: 0 }, env.timezone) });
  }
  // 明天早上 in answer to 「6点」是凌晨还是下午: the day and the half of the day for the hour written first.
  if (asked === 'hour' && before.hourInDoubt && !half) {
    const said = readSlots(written, env.now, env.timezone);
    if (said.day && said.period && said.start === undefined && !said.theme && !said.doubt?.why.includes('不止')) {
      const reading = hourOf(before.hourInDoubt.hour, before.hourInDoubt.minute, said.period);
      const { hourInDoubt: _settled, ...rest } = before;
      if ('hour' in reading) return decide({ ...rest, day: said.day, start: fromWallClock({ ...said.day, hour: reading.hour, minute: before.hourInDoubt.minute, second: 0 }, env.timezone) });
    }
  }
  // 共8次 in answer to a series' end: the rule read again with it.
  if (before.repeatRule && endsSeries(folded)) {
    const again = readSlots(`${before.repeatRule} ${written}`, env.now, env.timezone);
    if (again.series) {
      const { doubt: _asked, repeatRule: _rule, ...rest } = before;
      return decide({ ...rest, series: again.series, start: again.series.starts[0]! });
    }
  }
  if (asked === 'duration' && before.rangeSeconds !== undefined) {
    // 以哪个为准？— 按时间段 / 三点到五点 keeps the range, 按时长 / 1小时 keeps the length.
    const chosen = chooseLength(folded, before, env);
    if (chosen !== undefined) return decide({ ...before, durationSeconds: chosen, rangeSeconds: chosen });
  }
  const read = readSlots(written, env.now, env.timezone, { ...(before.day ? { day: before.day } : {}), ...(before.period ? { period: before.period } : {}), ...(before.clock ? { clock: before.clock } : {}) });
  if (asked === 'theme') {
    // The answer is the theme as written ("Q4复盘（上）"), unless it says more: 周会 明天15:00, 主题是周会, 就叫周会吧.
    const theme = read.theme ?? (read.timeText === undefined && read.durationSeconds === undefined && !undecided(folded) ? unquote(written) : undefined);
    const next: Slots = { ...before, ...(theme ? { theme } : {}) };
    if (read.description !== undefined && before.description === undefined) next.description = read.description;
    return decide(mergeTime(next, read, asked));
  }
  // mergeTime drops what the answer replaces (a series, a kept hour): its result, not a merge into the old slots.
  const next: Slots = mergeTime({ ...before }, read, asked);
  // 明天下午5点半，主题就叫「五年级家长会」: a labelled theme in an answer names the live anew.
  const renamed = read.themeLabelled === true && read.theme !== undefined && read.theme !== before.theme;
  if ((!next.theme || renamed) && read.theme) next.theme = read.theme;
  // The theme is known: what else the answer says is the description (明天下午3点 本周进展同步, 备注：…).
  // (Not an answer about the length: 按1.5小时算 says nothing more.)
  if (before.theme && read.theme && !renamed && next.description === undefined && asked !== 'duration') next.description = [read.theme, read.description].filter(Boolean).join(' ');
  else if (read.description && !next.description && asked !== 'duration') next.description = read.description;
  const answered =
    asked === 'duration' ? read.durationSeconds !== undefined
    : asked === 'confirm' ? read.start !== undefined || read.day !== undefined || read.durationSeconds !== undefined || read.theme !== undefined || read.doubt !== undefined
    : read.start !== undefined || read.day !== undefined || read.period !== undefined || read.doubt !== undefined;
  if (!answered) return ask(next, asked, env, `没看懂「${[...written].slice(0, 20).join('')}」。`, confirm);
  return decide(next);
}

/** The length an answer picks between a range and a written length; undefined when it names neither. */
function chooseLength(answer: string, before: Slots, env: ReadEnv): number | undefined {
  if (/时间段|范围|时段|按时间|(?:以|按)[^,，。]{0,8}结束(?:时间)?为准/.test(answer)) return before.rangeSeconds;
  if (/按?时长|以时长/.test(answer) && !/\d|[一二两三四五六七八九十半]/.test(answer)) return before.durationSeconds;
  // 就1小时吧, 2小时: one of the two lengths, written again.
  const [written, other] = findDurations(answer);
  if (written && !other && (written.seconds === before.durationSeconds || written.seconds === before.rangeSeconds)) return written.seconds;
  if (before.start === undefined) return undefined;
  // 按三点到五点来: the range again, read in the start's own half of the day.
  const hour = wallClock(before.start, env.timezone).hour;
  const period = hour >= 18 ? 'evening' : hour >= 12 ? 'afternoon' : 'morning';
  const read = readSlots(answer, env.now, env.timezone, { day: wallClock(before.start, env.timezone), period });
  if (read.rangeSeconds !== undefined && (read.start === undefined || read.start === before.start)) return read.rangeSeconds;
  return undefined;
}

/** 要创建系列直播「周会」吗？每周一 10:00，共8场：11月30日(周一)、… — the dates as they will be created. */
function seriesQuestion(args: CreateArgs, series: NonNullable<Slots['series']>, env: ReadEnv): string {
  const dates = series.starts.map((ms) => formatTime(ms, env.timezone).slice(5, 10).replace('-', '月') + '日');
  const shown = dates.length > 12 ? [...dates.slice(0, 10), '…', dates.at(-1)!] : dates;
  const length = args.durationSeconds === null ? '' : `，每场${formatDuration(args.durationSeconds)}`;
  const past = series.skipped > 0 ? `（已过去的${series.skipped}场不创建）` : '';
  return `要创建系列直播「${args.theme}」吗？${series.rule} ${formatTime(series.starts[0]!, env.timezone).slice(11, 16)}${length}，共${dates.length}场${past}：${shown.join('、')}。`;
}

/** The week a question was about, and an answer that names only a weekday. */
const NEXT_WEEK = /下周|下个?星期|下个?礼拜|next week/i;
/** Tue 10am in answer to 「next week」是哪一天？ */
const EN_BARE_WEEKDAY = /^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?(?![a-z])/i;
const EN_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const BARE_WEEKDAY = /^就?(?:周|星期|礼拜)[一二三四五六日天1-7](?!\S*(?:下周|这周|本周))/;

/** 日期对的，星期写错了, 以日期为准: the date, not the weekday. */
const DATE_STANDS = /日期(?:是)?(?:对的|对|没错|正确)|(?:星期|周)几?(?:写|打)?错|以日期为准|按日期/;

/** Yes to the bot's own question (是指下周三吗？, 要创建吗？). */
const YES = new RegExp(`^(?:${alternation(WORDS.yes)})[。.!！,，~]*$`, 'i');

const UNDECIDED = new RegExp(`^(?:${alternation(WORDS.undecided)})[吧啊呀。.!！,，~]*$`);
// 算了，帮我建：…, 算了换个：… — one or more such words, then a separator.
const CORRECTION = new RegExp(`^(?:(?:算了|不对|哦|噢)[\\s,，。.!！~]*)?(?:${alternation(WORDS.corrections)})[\\s,，。.!！~:：]*(?:是)?(.*)$`, 's');
const START_OVER = new RegExp(`^(?:(?:${alternation(WORDS.startOver)})[\\s,，。.!！~]*)*(?:${alternation(WORDS.startOver)})[\\s,，。.!！~:：]+(.*)$`, 's');

const ORDINALS: Array<[RegExp, (n: number) => number]> = [
  [/^(?:第一个|第一场|第一|前面|前一个|前者|头一个)$/, () => 0],
  [/^(?:第二个|第二场|第二)$/, () => 1],
  [/^(?:后面|后一个|后者|最后一个|最后)$/, (n) => n - 1],
];
const CHOICE_WORDS = /^(?:就|选|要|还是|那就|用|按|先建|只建|先|建|只要)*|(?:的那个|那个|那场|那一场|那次|的|吧|啊|呀|就行|就好)*[。.!！]*$/g;

/** The start the answer picks, from the whole answer or one of its parts (先建明天那场，主题：…), with what else it says. */
function pickFrom(answer: string, choices: NonNullable<Slots['choices']>): { text: string; start: number; rest: string } | undefined {
  const whole = pickChoice(answer, choices);
  if (whole) return { ...whole, rest: '' };
  const parts = answer.split(/[,，;；。\n]/);
  for (const [i, part] of parts.entries()) {
    const picked = pickChoice(part.trim(), choices);
    if (picked) return { ...picked, rest: parts.filter((_, k) => k !== i).join('，') };
  }
  return undefined;
}

/** The start an answer picks from those the message offered (下午那个, 3点的, 第二个), if it picks exactly one. */
function pickChoice(answer: string, choices: NonNullable<Slots['choices']>): { text: string; start: number } | undefined {
  const key = answer.replace(CHOICE_WORDS, '').trim();
  if (key === '') return undefined;
  const ordinal = ORDINALS.find(([pattern]) => pattern.test(key));
  if (ordinal) return choices[ordinal[1](choices.length)];
  // 1点 is not in 上午11点: the key stands apart from the digits around it.
  const apart = new RegExp(`${/^\d/.test(key) ? '(?<!\\d)' : ''}(?:${alternation([key])})${/\d$/.test(key) ? '(?!\\d)' : ''}`);
  const matching = choices.filter((c) => apart.test(c.text));
  return matching.length === 1 ? matching[0] : undefined;
}

/** 下午, 是下午, 下午的, 当然是下午啊, pm, 夜里: an answer that names only the part of the day. */
const HALF_OF_DAY = new RegExp(`^(?:当然是|肯定是|应该是|是)?(${alternation(Object.keys(WORDS.periods).filter((w) => w.length > 1))})(?:的)?(?:啊|呀|吧|呢|哦|啦|哈)?[。.!！~]?$`, 'i');

/** `slots` with the time, length and reminder an answer read (the answer wins over what was read before). */
function mergeTime(slots: Slots, read: Slots, asked: Slot): Slots {
  const next: Slots = { ...slots };
  if (read.start !== undefined || read.day !== undefined) {
    delete next.start;
    delete next.day;
    delete next.hourInDoubt;
    delete next.weekInDoubt;
    delete next.clock;
    // 那先建下周一这一场: one day named in answer to a series' dates is that one live.
    delete next.series;
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
  if (read.period !== undefined && read.start === undefined) next.period = read.period;
  if (read.start !== undefined) delete next.period;
  if (read.doubt) next.doubt = read.doubt;
  return next;
}
