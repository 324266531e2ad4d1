/**
 * What a command is: one module that declares its words, example and help line, reads its arguments, runs, and
 * answers its card buttons. Adding a command is one module and one line in registry.ts.
 */
import type { Reply } from '../replies/reply.js';
import type { Reading, Span } from './slots/reading.js';
import type { CommandContext } from './context.js';

/** What a command reads from: the member's text and where the command's own words stand in it. */
export interface CommandInput {
  /** The whole message as written. */
  text: string;
  /** The message normalised for reading (full-width folded); `cues` index into it. */
  reading: Reading;
  /** Spans of `reading.text` that named the command: 创建直播, or 开个 … 直播 in a sentence. */
  cues: Span[];
  /** The member's text after the command word, as written. */
  args: string;
  /** No word of the command was written (明天晚上7点 部门分享会): what it would do is confirmed first. */
  implied?: true;
}

/** When and where a message is read. */
export interface ReadEnv {
  /** ms since the epoch. */
  now: number;
  timezone: string;
}

/** A question the bot asks instead of guessing; the member's next message is the answer. */
export interface Question {
  text: string;
  /** What the command needs to read the answer (JSON: it may be kept in Redis). */
  state: unknown;
}

export type ReadResult<A> = { args: A } | { ask: Question } | { error: string; message: string };

/** A card button's action: runs with the key's argument. */
export type ButtonAction = (arg: string, ctx: CommandContext) => Promise<Reply[]>;

export interface Command<A = unknown> {
  name: string;
  /** Chinese words first, then English aliases; a message starting with one runs this command. */
  words: readonly string[];
  /** Finds the command in a sentence (帮我明天下午3点开个周会直播): the spans that say it, or null. */
  sentence?: (text: string) => Span[] | null;
  /** True when what follows its word shows the word was about something else (取消…食堂的订餐, 统计…加班时长). */
  notMine?: (after: string) => boolean;
  example: string;
  /** Lines of 帮助: the usage, then any notes. */
  help: readonly string[];
  read(input: CommandInput, env: ReadEnv): ReadResult<A>;
  /** What the member hears when they drop this command's question (取消). */
  abandoned?: string;
  /** Reads the answer to a question this command asked. */
  resume?(state: unknown, answer: string, env: ReadEnv): ReadResult<A>;
  run(args: A, ctx: CommandContext): Promise<Reply[]>;
  /** Card buttons other than "run with this argument" (cancel.confirm, list.page). */
  actions?: Record<string, ButtonAction>;
  /**
   * What changes lives at WeCom: `run` (create, modify, cancel) and the named actions (cancel.confirm). While the
   * shared de-duplication cannot be asked, these are not run (another instance may be running the same message).
   */
  changes?: { run: boolean; actions?: readonly string[] };
  /** What a member types to do what an action's button does, where a chat shows no buttons (a group). */
  typed?: Record<string, (arg: string) => string>;
}

/** The words that may follow the word of a command that reads nothing after it (统计一下, 测试连接看看通不通). */
const NOTHING_MORE = /一下|看看|看下|情况|数据|结果|接口|调用|次数|通不通|是否正常|正常|连接|发我|吧|呢|吗|啊|哈|谢谢|麻烦了|今天|本周|最近/g;
/** For commands that read nothing: a task of its own after the word (统计一下这个月的加班时长) is not theirs. */
export const takesNothingMore = (after: string): boolean => /\p{Script=Han}{2}/u.test(after.replace(NOTHING_MORE, ''));

/** The span `pattern` matches in `text`, as a command's sentence cue; null when it does not. */
export function spanOf(pattern: RegExp, text: string): Span[] | null {
  const m = pattern.exec(text);
  return m ? [{ start: m.index, end: m.index + m[0].length }] : null;
}

/** Declares a command, keeping its argument type between `read` and `run`. */
export const defineCommand = <A>(command: Command<A>): Command<A> => command;

/** A refusal that shows a correct example. */
export const refuse = (error: string, message: string): { error: string; message: string } => ({ error, message });
