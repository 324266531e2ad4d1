/** Every command the bot knows, in the order 帮助 lists them. Adding a command: its module, and one line here. */
import { apiStats } from './api-stats.js';
import { cancel } from './cancel.js';
import type { Command } from './command.js';
import { create } from './create.js';
import { readButtonKey } from '../cards/button-key.js';
import { smallTalk } from '../replies/small-talk.js';
import { exportSheet } from './export.js';
import { help } from './help.js';
import { info } from './info.js';
import { list } from './list.js';
import { modify } from './modify.js';
import { ping } from './ping.js';
import { watch } from './watch.js';
import { completion } from './completion.js';
import { invite } from './invite.js';
import { nudge } from './nudge.js';
import { calendar } from './calendar.js';
import { cancelSeries } from './cancel-series.js';
import { modifySeries } from './modify-series.js';

export const COMMANDS: readonly Command<any>[] = [create, info, list, modify, watch, exportSheet, cancel, cancelSeries, modifySeries, invite, completion, nudge, calendar, apiStats, ping, help];

/** The command called `name`, if any. */
export const commandNamed = (name: string): Command<any> | undefined => COMMANDS.find((c) => c.name === name);

/**
 * The message that does what the button with `key` does (查看详情 → `直播详情 ID`, 更多 → `我的直播 2`), for chats that
 * show cards without buttons; undefined when no message does it (a confirmation).
 */
export function typedForButton(key: string): string | undefined {
  const k = readButtonKey(key);
  const command = k && commandNamed(k.command);
  if (!k || !command) return undefined;
  if (k.action) return command.typed?.[k.action]?.(k.arg ?? '');
  // The command's word as 帮助 teaches it (its example's first word).
  const word = command.example.split(/\s/)[0] ?? command.words[0];
  return k.arg ? `${word} ${k.arg}` : word;
}

/** The help text: every command's help lines, then the English aliases. */
export function helpText(): string {
  const aliases = COMMANDS.flatMap((c) => c.words.filter((w) => /^[a-z]+$/i.test(w)).slice(0, 1));
  const lines = COMMANDS.flatMap((c) => c.help.map((line, i) => (i === 0 ? `• ${line}` : line)));
  return ['直播助手可用命令：', ...lines, `英文别名：${aliases.join('、')}`].join('\n');
}

/**
 * What a member sees for a message that is no command: an answer to a greeting, thanks or a request the bot cannot
 * do (small-talk.ts), else 没看懂 with what it can do.
 */
export function unknownText(written = ''): string {
  // What most members came to do: make a live, find theirs, change one.
  const examples = ['create', 'list', 'modify'].map((name) => commandNamed(name)!.example);
  return smallTalk(written, examples) ?? `没看懂这条消息。可以这样说：\n${examples.map((e) => `• ${e}`).join('\n')}\n发送「帮助」查看全部命令。`;
}
