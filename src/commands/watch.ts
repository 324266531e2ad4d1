/** 观看统计 ID: the anchor or an admin; every page of get_watch_stat is read. */
import { buildWatchCard } from '../cards/watch.js';
import { newTaskId } from '../cards/limits.js';
import { text } from '../replies/reply.js';
import { defineCommand } from './command.js';
import { canManage } from './context.js';
import { readLivingId } from './livingid.js';
import { summarizeWatch } from './watch-summary.js';

const EXAMPLE = '观看统计 lvXXXXXXXX';

export const watch = defineCommand<{ livingid: string }>({
  name: 'watch',
  words: ['查看观看统计', '观看统计', '观看数据', '直播数据', '观看人数', 'watch'],
  example: EXAMPLE,
  help: ['观看统计 直播ID（主播或管理员）'],
  read: (input) => readLivingId(input.args, EXAMPLE),
  async run({ livingid }, ctx) {
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以查看这场直播的观看统计。')];
    return [{ kind: 'card', card: buildWatchCard(await summarizeWatch(ctx.api, livingid, live.theme), newTaskId('watch')) }];
  },
});
