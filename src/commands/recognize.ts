/**
 * Which command a message asks for: a command word at the start (after 帮我, 请, …), else a sentence a command
 * recognises anywhere (帮我明天下午3点开个周会直播). English aliases must be whole words (`listing` is not `list`).
 */
import type { Command, CommandInput } from './command.js';
import { looksPasted } from './livingid.js';
import { commandNamed, COMMANDS } from './registry.js';
import { Reading, type Span } from './slots/reading.js';

export interface Recognized {
  command: Command<any>;
  input: CommandInput;
  /** Named by a command word at the start (创建直播 …), not found inside a sentence. */
  byWord: boolean;
  /** Only a pasted ID (and maybe the command after it): never taken for a command while a question is open. */
  idOnly?: true;
}

/** Polite openings before a command word. */
const LEAD = /^(?:(?:您好|你好|hi|hello|嗨|[\p{S}]+|[,，:：、.。]+|能不能帮我|可不可以帮我|可以帮我|能帮我|麻烦帮我|请帮我|帮我|帮忙|麻烦你?|请你?|我要|我想|给我|看看|看下|查一下|查下|查查|查询|查看|列出|\/)[\s,，!！~]*)*/iu;
/**
 * Questions and reports about lives are not requests to make one: 怎么创建直播？, 已经建好直播了, 明天开不开直播.
 * They get the help text, never a question that an answer would turn into a live.
 */
const ANNOUNCEMENT = /大家|准时参加|记得参加|欢迎参加|请参加|各位/;
const NOT_A_REQUEST = /怎么|怎样|如何|为什么|为啥|失败|在哪|哪里|是否|能不能改|可以改吗|需要什么|不想|不要开|不开|开不开|有没有|已经|建好|约了|开了|取消了吗|回放/;

const WORDS = COMMANDS.flatMap((command) => command.words.map((word) => ({ command, word: word.toLowerCase() }))).sort(
  (a, b) => b.word.length - a.word.length,
);

/** Commands that take a live's ID and nothing else, so `ID 观看统计` may name them after the ID. */
const ID_FIRST = new Set(['info', 'watch', 'export']);
/** A pasted livingid: long, letters and digits (a word or a number alone is not one). */
const PASTED_ID = /^\s*([A-Za-z0-9_-]{16,128})\s*(\S*?)[\s。.!！?？]*$/;

/** The command `text` asks for, or null. */
export function recognize(text: string): Recognized | null {
  const reading = Reading.of(text.trim());
  const folded = reading.text;
  const lower = folded.toLowerCase();
  const lead = LEAD.exec(lower)![0].length;
  const input = (command: Command<any>, cues: Span[], byWord: boolean): Recognized => {
    const end = Math.max(...cues.map((c) => c.end));
    const args = reading.original.slice(reading.source({ start: end, end }).start).trim();
    return { command, input: { text: reading.original, reading, cues, args }, byWord };
  };
  for (const { command, word } of WORDS) {
    if (!lower.startsWith(word, lead)) continue;
    const end = lead + word.length;
    // An English alias is a whole word: `list`, `help!` and `create live:` are; `listing` is not.
    if (/^[a-z?]/.test(word) && /[a-z0-9]/.test(lower[end] ?? '')) continue;
    if (command.name === 'create' && NOT_A_REQUEST.test(folded)) return null;
    const cues: Span[] = [{ start: 0, end }];
    // 创建一个直播 周会: the sentence form starting at the word names the command too.
    const sentence = command.sentence?.(folded);
    if (sentence && sentence[0]!.start <= end) cues.push(...sentence);
    return input(command, cues, true);
  }
  // Found only inside a sentence: an announcement to colleagues (明天下午3点开直播，大家准时参加) is not a request either.
  if (NOT_A_REQUEST.test(folded) || ANNOUNCEMENT.test(folded)) return null;
  for (const command of COMMANDS) {
    const cues = command.sentence?.(folded);
    if (cues) return input(command, lead > 0 ? [{ start: 0, end: lead }, ...cues] : cues, false);
  }
  return pastedId(reading, lead);
}

/** A live's ID pasted alone asks for its details; `ID 观看统计` names the command after the ID. */
function pastedId(reading: Reading, lead: number): Recognized | null {
  const m = PASTED_ID.exec(reading.text.slice(lead));
  if (!m || !looksPasted(m[1]!)) return null;
  const after = m[2]!.toLowerCase();
  const command = after === '' ? commandNamed('info') : WORDS.find((w) => w.word === after && ID_FIRST.has(w.command.name))?.command;
  if (!command) return null;
  const start = lead + m[0].indexOf(m[1]!);
  const id = reading.source({ start, end: start + m[1]!.length });
  return { command, input: { text: reading.original, reading, cues: [], args: reading.original.slice(id.start, id.end) }, byWord: false, idOnly: true };
}
