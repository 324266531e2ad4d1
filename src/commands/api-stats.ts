/** 统计: admins only; the bot's WeCom API figures as a card. */
import { buildApiStatsCard } from '../cards/api-stats.js';
import { newTaskId } from '../cards/limits.js';
import { text } from '../replies/reply.js';
import { isAdmin, type CommandHandler } from './context.js';

export const apiStats: CommandHandler = async (_intent, ctx) => {
  if (!isAdmin(ctx)) return [text('「统计」仅限管理员使用。')];
  return [{ kind: 'card', card: buildApiStatsCard(ctx.api.getApiStats(), ctx.settings.timezone, newTaskId('stats')) }];
};
