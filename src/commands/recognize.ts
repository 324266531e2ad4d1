/**
 * Which command a message asks for: a command word at the start (after 帮我, 请, …), else a sentence a command
 * recognises anywhere (帮我明天下午3点开个周会直播, 把明天的周会改到后天), else a request to make a live written
 * without the command's words (后天下午3点 直播 客户答疑, 明天晚上7点 部门分享会). English aliases must be whole words
 * (`listing` is not `list`). Questions, reports and announcements about lives are not requests (docs/reader.md).
 */
import type { Command, CommandInput } from './command.js';
import { looksPasted } from './livingid.js';
import { commandNamed, COMMANDS } from './registry.js';
import { readSlots } from './slots/read.js';
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
/** Polite openings before a command word; one-character ones (好, 请, 嗯) only before a separator, or 请 before a verb. */
const OPENERS = [...TABLE.openers, ...TABLE.lookOpeners];
const LEAD = new RegExp(
  `^(?:(?:${alternation(OPENERS.filter((w) => w.length > 1))}|(?:${alternation(OPENERS.filter((w) => w.length === 1))})(?=${SEPARATORS})|请(?=帮|你|创|新|开|预|安|发|约|建|取|修|改|查|导|看)|@\\S+|[\\p{S}]+|[,，:：、.。]+|\\/)${SEPARATORS}*)*`,
  'iu',
);
const ANNOUNCEMENT = new RegExp(alternation(TABLE.announcements));
const OTHER_TASK = new RegExp(alternation(TABLE.otherTasks));
const NOT_A_REQUEST = new RegExp(alternation(TABLE.notRequests));
const QUESTION = new RegExp(`^(?:${alternation(TABLE.questionStarts)})|(?:${alternation(TABLE.questionEnds)})[\\s?？!！。.~]*$|[?？]\\s*$`);
const REPORT_AFTER = new RegExp(`^\\s*(?:${alternation(TABLE.reportsAfter)})`);
/** 直播 as a word of its own (后天下午3点 直播 客户答疑, 4点直播, 直播一下, 直播安排：…): a request to make one. */
const LIVE_WORD = /(?<=^|[\s,，:：、;；。!！\n]|[\d点分半刻整])直播(?:一下|安排|活动)?(?=$|[\s,，:：、;；。!！\n])/;
/** 主题：… and 时间：… both labelled: a form filled in, a request as plain as a command word. */
const FORM = new RegExp(`(?:${alternation(TABLE.labels.theme)})\\s*[:：]`);

const WORDS = COMMANDS.flatMap((command) => command.words.map((word) => ({ command, word: word.toLowerCase() }))).sort(
  (a, b) => b.word.length - a.word.length,
);

/** Commands that take a live's ID and nothing else, so `ID 观看统计` may name them after the ID. */
const ID_FIRST = new Set(['info', 'watch', 'export', 'cancel']);
/** A pasted livingid: letters and digits, then maybe the command (lvABC123 这个直播取消一下, ID 的观看统计). */
const PASTED_ID = /^\s*([A-Za-z0-9_-]{6,128})\s*(的|这个直播|这场直播|这场|这个)?\s*(\S*?)[\s。.!！?？]*$/;

/** The command `text` asks for, or null. */
export function recognize(text: string, now = Date.now(), timezone = 'Asia/Shanghai'): Recognized | null {
  const reading = Reading.of(text.trim());
  const folded = reading.text;
  const lower = folded.toLowerCase();
  const lead = LEAD.exec(lower)![0].length;
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
    // 创建直播 项目失败复盘 is a request; 创建直播失败了怎么办 and 创建直播？ are not.
    if (command.name === 'create' && (QUESTION.test(rest) || REPORT_AFTER.test(folded.slice(end)))) return null;
    // create 直播 「…」, 创建 直播 周会: 直播 standing right after the word belongs to the command, not the theme.
    const live = /^\s*直播(?=$|[\s,，:：「“"《【])/.exec(folded.slice(end));
    const cues: Span[] = [{ start: 0, end: live ? end + live[0].length : end }];
    // 创建一个直播 周会: the sentence form starting at the word names the command too.
    const sentence = command.sentence?.(folded);
    if (sentence && sentence[0]!.start <= end) cues.push(...sentence);
    return input(command, cues, true);
  }
  const leadCue = lead > 0 ? [{ start: 0, end: lead }] : [];
  // 提前一天通知大家 is a reminder, not an announcement; 订个会议室 is not a live unless 直播 is said.
  const unreminded = withoutReminders(folded);
  const otherTask = OTHER_TASK.test(folded) && !/直播/.test(folded);
  const isQuestion = QUESTION.test(rest) || NOT_A_REQUEST.test(folded) || ANNOUNCEMENT.test(unreminded) || otherTask;
  // A command's words inside a theme (主题：取消订单流程讲解, “取消还是保留？”) are the theme's.
  const ownWords = withoutThemes(folded);
  // create's sentence last: 取消明天开的周会直播 is a cancel. Questions about a live (昨天的培训有多少人看了？) are requests
  // to the commands that answer them, never to create.
  for (const command of [...COMMANDS.filter((c) => c.name !== 'create'), commandNamed('create')!]) {
    if (command.name === 'create' && isQuestion) continue;
    const cues = command.sentence?.(ownWords);
    if (cues) return input(command, [...leadCue, ...cues], false);
  }
  const pasted = pastedId(reading, lead);
  if (pasted || isQuestion) return pasted;
  return impliedCreate(reading, leadCue, now, timezone, input);
}

/**
 * A live asked for without 创建 (后天下午3点 直播 客户答疑, 主题：…\n时间：…) is created as any other; one with no word
 * of a live at all (明天晚上7点 部门分享会) is a live only if it has a theme and a start, and is confirmed first.
 */
function impliedCreate(reading: Reading, leadCue: Span[], now: number, timezone: string, input: (c: Command<any>, cues: Span[], byWord: boolean, implied?: boolean) => Recognized): Recognized | null {
  const create = commandNamed('create')!;
  const word = LIVE_WORD.exec(reading.text);
  const cues = word ? [...leadCue, { start: word.index, end: word.index + word[0].length }] : leadCue;
  const slots = readSlots(reading.original, now, timezone, { cues });
  const timed = slots.start !== undefined || (slots.timeText !== undefined && (slots.doubt?.slot === 'hour' || slots.doubt?.slot === 'time'));
  if (word && (timed || slots.day || slots.theme)) return input(create, cues, false);
  if (!slots.theme || !(timed || slots.day)) return null;
  return input(create, cues, false, !FORM.test(reading.text));
}

const QUOTED = /“[^”]*”|"[^"]*"|「[^」]*」|『[^』]*』|《[^》]*》|【[^】]*】/g;
const THEME_VALUE = new RegExp(`(?:${alternation(TABLE.labels.theme)})\\s*(?:[:：是为叫]|就是|就叫)[^,，;；\\n]*`, 'g');

/** `text` with quoted parts and labelled themes blanked (same length, so spans still point into it). */
function withoutThemes(text: string): string {
  return text.replace(QUOTED, (m) => ' '.repeat(m.length)).replace(THEME_VALUE, (m) => ' '.repeat(m.length));
}

/** `text` with its reminder phrases blanked. */
function withoutReminders(text: string): string {
  let out = text;
  for (const r of findReminders(text)) out = out.slice(0, r.start) + ' '.repeat(r.end - r.start) + out.slice(r.end);
  return out;
}

/** A live's ID pasted alone asks for its details; `ID 观看统计` names the command after the ID. */
function pastedId(reading: Reading, lead: number): Recognized | null {
  const m = PASTED_ID.exec(reading.text.slice(lead));
  if (!m || !looksPasted(m[1]!)) return null;
  const after = m[3]!.toLowerCase().replace(/一下$|掉$|了$/, '');
  const command = after === '' ? commandNamed('info') : WORDS.find((w) => w.word === after && ID_FIRST.has(w.command.name))?.command;
  // ID 取消 may drop something else; only 这个直播取消 names the live to cancel (cancelling cannot be undone).
  if (!command || (command.name === 'cancel' && !m[2]?.includes('这'))) return null;
  const start = lead + m[0].indexOf(m[1]!);
  const id = reading.source({ start, end: start + m[1]!.length });
  return { command, input: { text: reading.original, reading, cues: [], args: reading.original.slice(id.start, id.end) }, byWord: false, idOnly: true };
}
