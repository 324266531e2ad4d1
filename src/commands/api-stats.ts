/** 统计: admins only; the WeCom API figures of the whole deployment (and of each instance) as a card. */
import { buildApiStatsCard } from '../cards/api-stats.js';
import { newTaskId } from '../cards/limits.js';
import { text } from '../replies/reply.js';
import { defineCommand, spanOf, takesNothingMore } from './command.js';
import { isAdmin } from './context.js';

/** 机器人接口调用统计看一下: the API figures asked for in a sentence. */
const SENTENCE = /(?:接口|api)\s*调用(?:统计|情况|量|次数)/i;

export const apiStats = defineCommand<null>({
  name: 'apistats',
  words: ['统计', 'api统计', 'api调用统计', 'api调用情况', 'api调用量', '接口调用量统计', '接口调用量', '调用量', '调用统计', '接口调用情况', '接口调用统计', '接口统计', '调用情况', 'apistats', 'stats'],
  example: '统计',
  help: ['统计（管理员）：企业微信接口调用情况'],
  sentence: (text) => spanOf(SENTENCE, text),
  notMine: takesNothingMore,
  read: () => ({ args: null }),
  async run(_args, ctx) {
    if (!isAdmin(ctx)) return [text('「统计」仅限管理员使用。')];
    const { total, instances } = await ctx.deploymentStats();
    const perInstance = instances.length > 1 ? instances.map((i) => ({ name: i.instance, calls: i.stats.totalCalls, successRate: i.stats.successRate })) : [];
    return [{ kind: 'card', card: buildApiStatsCard(total, ctx.settings.timezone, newTaskId('stats'), perInstance) }];
  },
});
