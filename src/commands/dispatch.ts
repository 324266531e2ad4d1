/**
 * The seam between the callback endpoint and the commands: one function from a received message to the replies
 * for its sender. The endpoint knows nothing else about commands.
 */
import type { CallbackMessage } from '../callback/message.js';
import { text, type Reply } from '../replies/reply.js';
import { HELP_TEXT } from './help.js';

export type Dispatcher = (message: CallbackMessage) => Promise<Reply[]>;

/** Answers every text with the help text; other messages with a pointer to it; events with nothing. */
export const helpOnlyDispatcher: Dispatcher = async (message) => {
  if (message.kind === 'text') return [text(HELP_TEXT)];
  if (message.kind === 'other') return [text('暂只支持文字消息。发送「帮助」查看可用命令。')];
  return [];
};
