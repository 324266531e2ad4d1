/**
 * Which command a message asks for: a command word at the start (after 帮我, 请, …), else a sentence a command
 * recognises anywhere (帮我明天下午3点开个周会直播). English aliases must be whole words (`listing` is not `list`).
 */
import type { Command, CommandInput } from './command.js';
import { COMMANDS } from './registry.js';
import { Reading, type Span } from './slots/reading.js';

export interface Recognized {
  command: Command<any>;
  input: CommandInput;
}

/** Polite openings before a command word. */
const LEAD = /^(?:(?:帮我|帮忙|麻烦你?|请你?|我要|我想|给我|看看|查一下|查查)\s*)*/;

const WORDS = COMMANDS.flatMap((command) => command.words.map((word) => ({ command, word: word.toLowerCase() }))).sort(
  (a, b) => b.word.length - a.word.length,
);

/** The command `text` asks for, or null. */
export function recognize(text: string): Recognized | null {
  const reading = Reading.of(text.trim());
  const folded = reading.text;
  const lower = folded.toLowerCase();
  const lead = LEAD.exec(lower)![0].length;
  const input = (command: Command<any>, cues: Span[]): Recognized => {
    const end = Math.max(...cues.map((c) => c.end));
    const args = reading.original.slice(reading.source({ start: end, end }).start).trim();
    return { command, input: { text: reading.original, reading, cues, args } };
  };
  for (const { command, word } of WORDS) {
    if (!lower.startsWith(word, lead)) continue;
    const end = lead + word.length;
    if (/^[a-z?]/.test(word) && end < lower.length && lower[end] !== ' ') continue;
    const cues: Span[] = [{ start: 0, end }];
    // 创建一个直播 周会: the sentence form starting at the word names the command too.
    const sentence = command.sentence?.(folded);
    if (sentence && sentence[0]!.start <= end) cues.push(...sentence);
    return input(command, cues);
  }
  for (const command of COMMANDS) {
    const cues = command.sentence?.(folded);
    if (cues) return input(command, lead > 0 ? [{ start: 0, end: lead }, ...cues] : cues);
  }
  return null;
}
