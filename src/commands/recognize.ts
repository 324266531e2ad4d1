/**
 * Which command a message asks for: a command word at the start (after 帮我, 请, …), else a sentence a command
 * recognises anywhere (帮我明天下午3点开个周会直播, 把明天的周会改到后天), else a request to make a live written
 * without the command's words (后天下午3点 直播 客户答疑, 明天晚上7点 部门分享会). English aliases must be whole words
 * (`listing` is not `list`). Questions, reports and announcements about lives are not requests (docs/reader.md).
 */
import type { Command, CommandInput } from './command.js';
import { livingIdIn } from './livingid.js';
import { commandNamed, COMMANDS } from './registry.js';
import { dayNumber } from './slots/calendar.js';
import { readSlots } from './slots/read.js';
import { wallClock } from '../zone.js';
import { findReminders } from './slots/reminders.js';
import { Reading, type Span } from './slots/reading.js';
import { alternation, WORDS as TABLE } from './slots/words.js';

export interface Recognized {
  command: Command<any>;
  input: CommandInput;
  /** Named by a command word at the start (创建直播 …), not found inside a sentence. */
  byWord: boolean;
  /** Only a pasted ID (and maybe the command after it): never taken for a command while a question is open. */
  idOnly?: true;
}

const SEPARATORS = String.raw`[\s,，!！~:：、.。]`;
/**
 * Polite openings before a command word; one-character ones (好, 请, 嗯) only before a separator, 请 before a verb,
 * help only before another verb (pls help create a live — `help` alone asks for 帮助).
 */
const OPENERS = [...TABLE.openers, ...TABLE.lookOpeners];
const LEAD = new RegExp(
  `^(?:(?:${alternation(OPENERS.filter((w) => w.length > 1))}|(?:${alternation(OPENERS.filter((w) => w.length === 1))})(?=${SEPARATORS})|请(?=帮|你|创|新|开|预|安|发|约|建|取|修|改|查|导|看)|(?:can you |could you )?help(?: me)?(?: to)?(?=\\s+(?:create|new|schedule|make|set up|book))|@\\S+|[\\p{S}]+|[,，:：、.。]+|\\/)${SEPARATORS}*)*`,
  'iu',
);
/** The bot named in a message (@直播助手). */
const MENTION = /(?<=^|[\s,，。!！~])@[^\s@,，。]{1,20}\s*/g;
const ANNOUNCEMENT = new RegExp(alternation(TABLE.announcements));
/** The bot asked to make it: 请协助创建, 麻烦帮忙建一下, 帮我按下面的通知建个直播. */
const ASKS_THE_BOT = /(?:请|麻烦|烦请|劳烦|帮我|帮忙|协助)[^,，。!！\n]{0,10}?(?:创建|新建|建一下|建个|建一个|建一场|约一下|约个|预约|安排一下|安排(?=\s*[:：]))/;
/** 备注：…, 备注一下… to the line's end: the description the member wrote for the live. */
const DESCRIPTION_VALUE = new RegExp(`(?:(?:${alternation(TABLE.labels.description)})\\s*[:：]|${alternation(TABLE.bareDescriptionLabels)})[^\\n]*`, 'g');
/** A meeting arranged with someone (约, 和张总的, 跟研发, 开会): not a live. */
const MEETING_WITH = /约|和|跟|与|同|开个?会|订/;
/** 这个机器人能导出PPT吗, 你可以…吗: a question about what the bot can do. */
const ABOUT_THE_BOT = /(?:机器人|助手|你)(?:能不能|可不可以|能|可以|会|支持)(?!帮|给我|替我)/;
/** Verbs that arrange an event (开个…会, 搞个…, 安排一场…). */
const ARRANGES = /开个|搞个|办个|做个|安排个|安排一场|约个|弄个|整个/;
const OTHER_TASK = new RegExp(alternation(TABLE.otherTasks));
const ELSEWHERE = new RegExp(`在(?:${alternation(TABLE.otherPlatforms)})(?:上|里|平台)?(?:开|建|搞|做|创建|直播)`, 'i');
/** 约王律师明天下午3点见面: meeting someone (见面会 is an event). */
const MEET_SOMEONE = /约[^,，。]{1,12}见面(?!会)/;
const LIVE_KIND = new RegExp(alternation(TABLE.liveKinds));
const THEME_LABEL = new RegExp(`(?:^|[\\s,，;；。])(?:${alternation(TABLE.labels.theme)})`);
/** 明天下午3点提醒我交周报: a reminder for oneself (提前10分钟提醒我 is a live's reminder). */
const PERSONAL_REMINDER = /(?<!(?:提前|前|开始|开播)[^,，。\s]{0,8})提醒我(?!们)/;
/** A pasted invite's place line (地点：会议室A, Where: …): its words are not what the message asks for. */
const PLACE_LINE = new RegExp(`(?:^|[\\s,，;；。])(?:${alternation([...TABLE.placeLabels, ...TABLE.englishLabels.place])})\\s*[:：][^\\n]*`, 'gi');
/** A request put as a question: 能帮我…吗, 可以帮忙…吗, 这样可以吗. */
const POLITE = /(?:能|可以|可不可以|能不能|可否|麻烦)(?:帮我|帮忙|给我|请你)|这样(?:可以|行)吗|\bcan (?:do|have|set up|arrange|schedule|create)\b|\bcan or not\b/i;
const NOT_A_REQUEST = new RegExp(alternation(TABLE.notRequests));
const QUESTION = new RegExp(`^(?:${alternation(TABLE.questionStarts)})|(?:${alternation(TABLE.questionEnds)})[\\s?？!！。.~]*$|[?？]\\s*$`);
const REPORT_AFTER = new RegExp(`^\\s*(?:${alternation(TABLE.reportsAfter)})`);
/**
 * 直播 as a word of its own (后天下午3点 直播 客户答疑, 4点直播, 明天直播, 中秋节直播一下, 直播安排：…): a request to make one.
 * After a day, a part of the day, a time or a spoken filler it is the verb even with the theme right after it
 * (明儿早上8点半直播晨间交班, 两小时后直播一下 …, 直播个手卫生规范培训); before a word it makes a noun with
 * (直播带货培训, 直播间) it is part of the theme.
 */
const DAY_BEFORE_LIVE = alternation([
  ...Object.keys(TABLE.periods), ...Object.keys(TABLE.dayPeriods), ...Object.keys(TABLE.relativeDays), ...Object.keys(TABLE.namedDays),
  ...TABLE.unreadDays, ...TABLE.weekWords.flatMap((w) => Object.keys(TABLE.weekdays).map((d) => w + d)),
]);
const LIVE_WORD = new RegExp(
  `(?<=^|[\\s,，:：、;；。!！\\n【\\[”"」』》】)]|[\\d点分半刻整号]|${DAY_BEFORE_LIVE}|(?:小时|分钟|钟头|天|周|结束|下班|以|之|会|课|班|工|饭)后|有个|有场|有一个|有一场|(?<!提)前|之前|以前|就是说|就是|然后|那个|嗯|呃|额|吧|开始|正式)` +
    `(?:(?:线上|在线|网上)?直播(?:一下|一场|一个|一次|个)(?=[^\\s]|$)|` +
    `(?:(?:线上|在线|网上)?直播(?:安排|活动|课)?|(?:要|准备)?开播(?:啦|了)?)` +
    `(?=$|[\\s,，:：、;；。!！\\n【】\\]“"「『《A-Za-z0-9]|${alternation(TABLE.labels.theme)}|(?!${alternation(TABLE.liveCompounds)})[\\u4e00-\\u9fff]))`,
  'g',
);

/**
 * Where 直播 stands as the request's own word, if anywhere. 明天13:30 直播排期会: after a space, 直播 running into a
 * word is that word (the theme); glued to the time (8点半直播晨间交班) or with 一下/个 after it, it is the verb.
 */
function liveWordIn(text: string): RegExpExecArray | undefined {
  for (const m of text.matchAll(LIVE_WORD)) {
    const runsOn = /[\u4e00-\u9fff]/.test(text[m.index + m[0].length] ?? '');
    if (runsOn && m[0].endsWith('直播') && /\s/.test(text[m.index - 1] ?? '')) continue;
    return m;
  }
  return ENGLISH_LIVE.exec(text) ?? LIVE_LAST.exec(text) ?? undefined;
}
/** tmr 2pm live: Weather Radar Basics — English `live` before a colon, wherever it stands. */
const ENGLISH_LIVE = /(?<=^|[\s,，])(?:live\s*stream|livestream|live)(?:\s*(?=[:：])|\s+(?:for|on|about)\b)/i;
/** …do the IFRS 17 live: a lower-case live closing the message (Subject: Investor Q&A Live is a title). */
const LIVE_LAST = /(?<=\s)live(?=[?？!！.。]*\s*$)/;
const TIME_ANSWER = new RegExp(`^(?:${alternation(TABLE.timeAnswers)})[\\s!！。.~吧啊呀哈]*$`, 'i');
/** Names of events a live is (读书分享会, 三会一课, 安全培训): asked about even without a word of a live. */
const EVENT_NAME = new RegExp(`(?:${LIVE_KIND.source}|[会课赛])$`);
/** 又延误了，真累: a clause closed by 了 tells what happened. */
const TOLD = /了(?:[,，。!！~～\s]|$)/;
const THANKED = new RegExp(`^\\s*(?:${alternation(TABLE.thanks)})(?![a-z])`, 'i');
/** A theme named by its label or its quote marks: what a request gives, not a question. */
const NAMED = /主题|标题|名称|[“"「『《【]/;
/** 你能帮我创建直播吗？: whether the bot can do it. */
const CAN_YOU = /(?:能|可以|可不可以|能不能|会)[^？?。]{0,12}吗[?？]/;
/** 看大家方便, 大家看哪个时间合适: asking what suits everyone, not telling them. */
const EVERYONE_SUITED = /看大家(?:方便|的时间)?|大家(?:方便|看|觉得)/g;
/** 各位好，\n主题：…\n时间：…: a greeting, then a form — the form is for the bot. */
const GREETED_FORM = /^\s*(?:各位|大家|各位同事|各位领导)好[\s,，!！。]*\n\s*(?:主题|直播主题|标题)\s*[:：]/;
/** 主题：… and 时间：… both labelled: a form filled in, a request as plain as a command word. */
const FORM = new RegExp(`(?:${alternation(TABLE.labels.theme)})\\s*[:：]`);

const WORDS = COMMANDS.flatMap((command) => command.words.map((word) => ({ command, word: word.toLowerCase() }))).sort(
  (a, b) => b.word.length - a.word.length,
);

/**
 * The order sentences are tried in: the most specific first (观看统计导出一下 exports; 取消明天开的周会直播 cancels),
 * create last — its sentence (开…直播) is inside most of the others.
 */
const BY_SENTENCE = ['info', 'modify', 'export', 'watch', 'cancel', 'list', 'invite', 'apistats', 'ping', 'help', 'create'].map((name) => commandNamed(name)!);

/** The command `text` asks for, or null. */
export function recognize(text: string, now = Date.now(), timezone = 'Asia/Shanghai'): Recognized | null {
  const reading = Reading.of(text.trim());
  const folded = reading.text;
  const lower = folded.toLowerCase();
  // …给 mentor 们看看，@直播助手 后天下午4点直播 …: what is said to colleagues before the bot is named is not the request.
  const mention = [...lower.matchAll(MENTION)].at(-1);
  const afterMention = mention ? mention.index + mention[0].length : 0;
  const lead = afterMention > 0 && lower.slice(afterMention).trim().length >= 4 ? afterMention + LEAD.exec(lower.slice(afterMention))![0].length : LEAD.exec(lower)![0].length;
  const input = (command: Command<any>, cues: Span[], byWord: boolean, implied = false): Recognized => {
    const end = cues.length > 0 ? Math.max(...cues.map((c) => c.end)) : lead;
    const args = reading.original.slice(reading.source({ start: end, end }).start).trim();
    return { command, input: { text: reading.original, reading, cues, args, ...(implied ? { implied: true as const } : {}) }, byWord };
  };
  const rest = folded.slice(lead);
  for (const { command, word } of WORDS) {
    if (!lower.startsWith(word, lead)) continue;
    const end = lead + word.length;
    // An English alias is a whole word: `list`, `help!` and `create live:` are; `listing` is not.
    if (/^[a-z?]/.test(word) && /[a-z0-9]/.test(lower[end] ?? '')) continue;
    // 帮我取消明天食堂的订餐, 帮我统计一下这个月的加班时长: the word was about another task.
    if (command.notMine?.(folded.slice(end))) continue;
    // 创建直播 项目失败复盘 is a request; 创建直播失败了怎么办 and 创建直播？ are not.
    if (command.name === 'create' && (QUESTION.test(rest) || REPORT_AFTER.test(folded.slice(end)))) return null;
    // create 直播 「…」, 创建 直播 周会: 直播 standing right after the word belongs to the command, not the theme.
    const live = /^\s*(?:一个|一场|个|场)?\s*直播(?=$|[\s,，:：「“"《【])/.exec(folded.slice(end));
    const cues: Span[] = [{ start: 0, end: live ? end + live[0].length : end }];
    // 创建一个直播 周会: the sentence form starting at the word names the command too.
    const sentence = command.sentence?.(folded);
    if (sentence && sentence[0]!.start <= end) cues.push(...sentence);
    return input(command, cues, true);
  }
  const leadCue = lead > 0 ? [{ start: 0, end: lead }] : [];
  // 提前一天通知大家 is a reminder, not an announcement; 订个会议室 is not a live unless 直播 is said.
  const unreminded = withoutReminders(folded);
  // 主题差旅报销新规解读: a labelled theme is a live's, whatever task its words name.
  const placeless = folded.replace(PLACE_LINE, ' ');
  // 下礼拜一早上九点 门市主管会议 may be a live (confirmed first); 约个会议, 和张总的会议 are meetings with people.
  const tasks = placeless.match(new RegExp(OTHER_TASK.source, 'g')) ?? [];
  const meetingOnly = tasks.length > 0 && tasks.every((t) => t === '会议') && !MEETING_WITH.test(placeless);
  const otherTask = (OTHER_TASK.test(placeless) || MEET_SOMEONE.test(placeless)) && !meetingOnly && !LIVE_KIND.test(placeless) && !THEME_LABEL.test(placeless);
  // 各位好，定于…举行“…”线上直播，请协助创建: a notice pasted for the bot to make, with the request said.
  // 备注：请各部门组织收看 is what the live's description tells its viewers, not an announcement of this message.
  // “安全生产大家谈”: words inside a name announce nothing; 各位好，主题：… greets before its form.
  const announced = ANNOUNCEMENT.test(withoutThemes(unreminded).replace(DESCRIPTION_VALUE, ' ').replace(EVERYONE_SUITED, ' ')) && !ASKS_THE_BOT.test(folded) && !GREETED_FORM.test(folded);
  // 可以开美颜吗 😂: a question still, whatever emoji close it.
  const asked = QUESTION.test(rest.replace(/[\p{Extended_Pictographic}\p{S}\s]+$/u, ''));
  // 直播链接怎么分享给客户？: how to do something is a question for 帮助, whatever command words it holds.
  const howTo = (/怎么|如何|怎样/.test(folded) && /[?？]\s*$/.test(folded) && !livingIdIn(folded)) || (asked && ABOUT_THE_BOT.test(folded));
  if (howTo) return null;
  // 帮我在抖音开个直播间: a live on another platform is not one the bot makes.
  if (ELSEWHERE.test(folded)) return null;
  // 主题「减脂期怎么吃」: a name's words do not make the message a question.
  const undescribed = withoutThemes(unreminded).replace(DESCRIPTION_VALUE, ' ');
  const isQuestion = asked || NOT_A_REQUEST.test(undescribed) || PERSONAL_REMINDER.test(folded) || announced || otherTask;
  // 请问能帮我建一个直播吗？明天下午4点，主题是…: a polite question carrying a whole live is a request, confirmed first.
  const polite = asked && !NOT_A_REQUEST.test(undescribed) && !announced && !otherTask && POLITE.test(folded);
  // A command's words inside a theme (主题：取消订单流程讲解, “取消还是保留？”) are the theme's.
  const ownWords = withoutThemes(folded).replace(DESCRIPTION_VALUE, (m) => ' '.repeat(m.length));
  // create's sentence last: 取消明天开的周会直播 is a cancel. Questions about a live (昨天的培训有多少人看了？) are requests
  // to the commands that answer them, never to create.
  for (const command of BY_SENTENCE) {
    if (command.name === 'create' && isQuestion) {
      const cues = polite ? command.sentence?.(ownWords) : null;
      const slots = cues && readSlots(reading.original, now, timezone, { cues });
      // 你能帮我创建直播吗？要发什么格式: a polite question with no time asks about the bot, not for a live.
      if (cues && slots?.theme && (slots.timeText !== undefined || NAMED.test(folded))) return input(command, [...leadCue, ...cues], false, true);
      continue;
    }
    // 下午3点的会议改到4点了，大家注意; …直播链接稍后发群里，大家转发给客户: telling colleagues is not asking the bot.
    if (announced) continue;
    // 你能帮我创建直播吗？要发什么格式: asking whether the bot can, with no time, asks about the bot.
    if (command.name === 'create' && CAN_YOU.test(folded) && !NAMED.test(folded) && readSlots(reading.original, now, timezone).timeText === undefined) continue;
    const cues = command.sentence?.(ownWords);
    if (cues) return input(command, [...leadCue, ...cues], false);
  }
  const pasted = pastedId(reading, lead);
  if (pasted) return pasted;
  if (polite) {
    const implied = impliedCreate(reading, leadCue, now, timezone, input);
    return implied && { ...implied, input: { ...implied.input, implied: true } };
  }
  if (isQuestion) return null;
  return impliedCreate(reading, leadCue, now, timezone, input);
}

/**
 * A live asked for without 创建 (后天下午3点 直播 客户答疑, 主题：…\n时间：…) is created as any other; one with no word
 * of a live at all (明天晚上7点 部门分享会) is a live only if it has a theme and a start, and is confirmed first.
 */
function impliedCreate(reading: Reading, leadCue: Span[], now: number, timezone: string, input: (c: Command<any>, cues: Span[], byWord: boolean, implied?: boolean) => Recognized): Recognized | null {
  const create = commandNamed('create')!;
  const word = liveWordIn(reading.text);
  const cues = word ? [...leadCue, { start: word.index, end: word.index + word[0].length }] : leadCue;
  const slots = readSlots(reading.original, now, timezone, { cues });
  const timed = slots.start !== undefined || (slots.timeText !== undefined && (slots.doubt?.slot === 'hour' || slots.doubt?.slot === 'time'));
  // 昨天那场直播效果挺好的: a day gone by, without the words of a request, tells of a live — it does not ask for one.
  const today = wallClock(now, timezone);
  if (slots.day && dayNumber(slots.day) < dayNumber(today)) return null;
  if (word && (timed || slots.day || slots.theme)) return input(create, cues, false);
  // 明天下午3点可以: a colleague answering about a time, not a live named 可以.
  if (!word && slots.theme && TIME_ANSWER.test(slots.theme)) return null;
  // Thanks, that's all for today / 谢谢，明天见: thanks with a day and no hour is a goodbye, not a live.
  if (!timed && THANKED.test(reading.text)) return null;
  // 主题：XR-200说明书更新解读 alone: a form begun — the time is asked.
  if (FORM.test(reading.text) && slots.theme && /^\s*(?:[-•*]\s*)?(?:主题|直播主题|标题)\s*[:：]/.test(reading.text)) return input(create, cues, false);
  // 元旦前后开个新年投资策略会: a day the reader cannot fix, with a verb that arranges something — asked about.
  const arranged = slots.doubt?.slot === 'time' && ARRANGES.test(reading.text);
  // 明天下午3点 alone: a start and nothing else — the theme is asked (and the live confirmed before it is made).
  const timeAlone = slots.start !== undefined && !slots.theme && !slots.description && !slots.doubt;
  if (timeAlone) return input(create, cues, false, true);
  // 下午 读书分享会, 月初 三会一课, 午高峰结束后 3号站早会: a part of the day, or a day or time the bot cannot read, with an
  // event's name.
  const eventAsked = slots.theme !== undefined && EVENT_NAME.test(slots.theme) && (slots.period !== undefined || slots.unreadWord !== undefined || slots.doubt?.slot === 'time');
  if (!(slots.theme || slots.repeating) || !(timed || slots.day || slots.repeating || arranged || eventAsked)) return null;
  // 今晚的航班又延误了，真累: a day and a sentence that tells what happened, with no hour and no word of a live, is news.
  if (!timed && !slots.repeating && TOLD.test(reading.text) && !FORM.test(reading.text)) return null;
  return input(create, cues, false, !FORM.test(reading.text));
}

const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』|《[^》]*》|【[^】]*】/g;
// Without 直播 in front: 开直播主题是… keeps its 开直播 for create's sentence.
const THEME_VALUE = new RegExp(`(?:${alternation(TABLE.labels.theme.map((w) => w.replace(/^直播/, '')))})\\s*(?:[:：是为叫]|就是|就叫)[^,，;；\\n]*`, 'g');

/** `text` with quoted parts and labelled themes blanked (same length, so spans still point into it). */
function withoutThemes(text: string): string {
  // The quote marks stay: 改成“客户答谢会” still has a value after its verb.
  return text.replace(QUOTED, (m) => m[0] + ' '.repeat(m.length - 2) + m.at(-1)).replace(THEME_VALUE, (m) => ' '.repeat(m.length));
}

/** `text` with its reminder phrases blanked. */
function withoutReminders(text: string): string {
  let out = text;
  for (const r of findReminders(text)) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out;
}

/** What a pasted ID is asked to do, by the words around it. */
const ID_ACTIONS: Array<[name: string, words: RegExp]> = [
  ['export', /导出|名单|导个|导一份|excel|表格|下载|\bexport\b/i],
  ['watch', /观看|多少人|几多人|睇|统计|数据|\b(?:stats|statistics|viewers|views)\b/i],
  ['info', /详情|详细|信息|链接|地址|情况|状态|怎么样|\b(?:details?|info|link|status)\b/i],
  // Cancelling cannot be undone: only with 这 or 把 naming the live (把 ID 撤掉, ID 这场不播了).
  ['cancel', /^(?=.*(?:这|把))(?=.*(?:取消|撤掉|撤销|撤了|删掉|删除|删了|不播了|不开了|不办了))/],
  // ID 取消掉，学员请假太多了: 取消掉 right after the ID names it too (ID 取消 alone may answer something else).
  ['cancel', /^\s*(?:取消(?:掉|了)|不办了|不播了|不开了)(?:[\s,，。!！]|$)/],
];
/** Around an ID, words that only point at it. */
const POINTING = /直播\s*id|livingid|这个直播|这场直播|这个|这场|那个|那场|直播|帮我|麻烦|一下|下|请|把|的|呗|吧|了|哈|id/gi;

/**
 * A live's ID pasted alone asks for its details; with words around it, the command they name (ID 观看统计导出一下,
 * 查一下直播ID的信息, 把 ID 这场撤掉); with a change after it, a modify (ID 改到12月10号下午3点, ID 往后推一天).
 */
function pastedId(reading: Reading, lead: number): Recognized | null {
  const text = reading.text.slice(lead);
  const found = livingIdIn(text);
  if (!found) return null;
  const after = text.slice(found.end).trim();
  const words = `${text.slice(0, found.start)} ${after}`.replace(/[\s,，。.!！?？:：、;；"“”「」]+/g, ' ');
  const pointing = words.replace(POINTING, '').trim();
  const id = reading.source({ start: lead + found.start, end: lead + found.end });
  const livingid = reading.original.slice(id.start, id.end);
  const to = (name: string, args = livingid): Recognized => ({
    command: commandNamed(name)!,
    input: { text: reading.original, reading, cues: [], args },
    byWord: false,
    idOnly: true,
  });
  if (pointing === '') return to('info');
  const exact = WORDS.find((w) => w.word === pointing.toLowerCase().replace(/掉$/, ''));
  if (exact && exact.command.name !== 'cancel' && ID_ACTIONS.some(([name]) => name === exact.command.name)) return to(exact.command.name);
  // A change written after the ID: what modify reads after its ID.
  if (/^(?:改|调|换|挪|推|延|提前|往|向|时间|主题|时长|描述|提醒)/.test(after.replace(POINTING, '').trim()) && !/取消|撤/.test(after)) {
    return to('modify', `${livingid} ${after.replace(/^(?:这个直播|这场直播|这场|这个|的)\s*/, '')}`);
  }
  const action = ID_ACTIONS.find(([, pattern]) => pattern.test(words));
  return action ? to(action[0]) : null;
}
