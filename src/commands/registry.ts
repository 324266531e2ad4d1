/** Which handler runs each command; text commands and card buttons both come through here. */
import { apiStats } from './api-stats.js';
import { cancel } from './cancel.js';
import type { CommandContext, CommandHandler } from './context.js';
import { create } from './create.js';
import { help } from './help.js';
import { info } from './info.js';
import { list } from './list.js';
import type { CommandName, Intent } from './parse.js';
import { ping } from './ping.js';
import { watch } from './watch.js';

const HANDLERS: { [C in CommandName]: CommandHandler<Extract<Intent, { command: C }>> } = {
  create,
  info,
  list,
  watch,
  cancel,
  apistats: apiStats,
  ping,
  help,
};

/** Runs the handler of `intent.command`. */
export function runIntent(intent: Intent, ctx: CommandContext) {
  const handler = HANDLERS[intent.command] as CommandHandler;
  return handler(intent, ctx);
}
