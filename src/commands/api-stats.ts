/** 统计: admins only; the WeCom API figures of the whole deployment (and of each instance) as a card. */
import { buildApiStatsCard } from '../cards/api-stats.js';
import { newTaskId } from '../cards/limits.js';
import { text } from '../replies/reply.js';
import { isAdmin, type CommandHandler } from './context.js';

export const apiStats: CommandHandler = async (_intent, ctx) => {
  if (!isAdmin(ctx)) return [text('「统计」仅限管理员使用。')];
  const { total, instances } = await ctx.deploymentStats();
  const perInstance = instances.length > 1 ? instances.map((i) => ({ name: i.instance, calls: i.stats.totalCalls, successRate: i.stats.successRate })) : [];
  return [{ kind: 'card', card: buildApiStatsCard(total, ctx.settings.timezone, newTaskId('stats'), perInstance) }];
};
