/**
 * The seam between the callback endpoint and the commands: one function from a received message to the replies
 * for its sender. Texts are parsed, card clicks read their button key, and both run through the same registry with
 * the same permission checks; failures become one Chinese message and one log line.
 */
import type { CallbackMessage } from '../callback/message.js';
import type { Logger } from '../log.js';
import { text, type Reply } from '../replies/reply.js';
import type { WeComApi } from '../wecom/client.js';
import { describeForLog } from '../wecom/client.js';
import type { CommandContext, CommandSettings, DeploymentStats } from './context.js';
import { failureReply } from './failure.js';
import { NO_JOURNAL, type Journal } from './journal.js';
import { livingStatusReplies } from './living-status.js';
import { isParseError, parse, parseButtonKey, type Intent } from './parse.js';
import { runIntent } from './registry.js';

/** Replies to send, each to a member (usually the sender). */
export interface Outgoing {
  to: string;
  reply: Reply;
}

export type Dispatcher = (message: CallbackMessage, journal?: Journal) => Promise<Outgoing[]>;

export interface DispatcherDeps {
  api: WeComApi;
  /** The deployment's API figures; this instance's alone by default. */
  deploymentStats?: () => Promise<DeploymentStats>;
  settings: CommandSettings;
  now: () => number;
  log: Logger;
}

/** Builds the dispatcher of the bot's commands. */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const deploymentStats =
    deps.deploymentStats ??
    (async () => {
      const stats = deps.api.getApiStats();
      return { total: stats, instances: [{ instance: 'this', stats, at: new Date().toISOString() }] };
    });
  const to = (user: string, replies: Reply[]): Outgoing[] => replies.map((reply) => ({ to: user, reply }));
  const context = (user: string, journal: Journal, click?: { responseCode: string }): CommandContext => ({
    user,
    api: deps.api,
    now: deps.now,
    settings: deps.settings,
    log: deps.log,
    journal,
    deploymentStats,
    ...(click ? { click } : {}),
  });
  const run = async (intent: Intent, ctx: CommandContext): Promise<Reply[]> => {
    try {
      return await runIntent(intent, ctx);
    } catch (error) {
      deps.log.warn({ command: intent.command, user: ctx.user, err: describeForLog(error) }, 'command failed');
      return [failureReply(error, intent.command)];
    }
  };

  return async (message, journal = NO_JOURNAL) => {
    switch (message.kind) {
      case 'text': {
        const parsed = parse(message.content, deps.now(), deps.settings.timezone);
        if (isParseError(parsed)) return to(message.from, [text(parsed.message)]);
        return to(message.from, await run(parsed, context(message.from, journal)));
      }
      case 'card-click': {
        const intent = parseButtonKey(message.eventKey);
        if (!intent) return to(message.from, [text('这个按钮已失效，请重新发送命令。')]);
        return to(message.from, await run(intent, context(message.from, journal, { responseCode: message.responseCode })));
      }
      case 'living-status': {
        try {
          const { to: anchor, replies } = await livingStatusReplies(message, context(message.from, journal));
          return to(anchor, replies);
        } catch (error) {
          deps.log.warn({ livingId: message.livingId, err: describeForLog(error) }, 'living status change not announced');
          return [];
        }
      }
      case 'other':
        return to(message.from, [text('暂只支持文字消息。发送「帮助」查看可用命令。')]);
      case 'event':
        return [];
    }
  };
}
