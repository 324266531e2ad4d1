/** 观看统计 ID: the anchor or an admin; every page of get_watch_stat is read. */
import { buildWatchCard } from '../cards/watch.js';
import { newTaskId } from '../cards/limits.js';
import { text } from '../replies/reply.js';
import { defineCommand } from './command.js';
import { canManage } from './context.js';
import { readLivingId } from './livingid.js';

const EXAMPLE = '观看统计 lvXXXXXXXX';

export const watch = defineCommand<{ livingid: string }>({
  name: 'watch',
  words: ['观看统计', '观看数据', 'watch'],
  example: EXAMPLE,
  help: ['观看统计 直播ID（主播或管理员）'],
  read: (input) => readLivingId(input.args, EXAMPLE),
  async run({ livingid }, ctx) {
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以查看这场直播的观看统计。')];
    const summary = { livingid, theme: live.theme, members: 0, externals: 0, totalWatchSeconds: 0, commenters: 0, micUsers: 0 };
    for await (const page of ctx.api.allWatchStats(livingid)) {
      for (const viewer of [...page.users, ...page.external_users]) {
        summary.totalWatchSeconds += viewer.watch_time;
        if (viewer.is_comment) summary.commenters++;
        if (viewer.is_mic) summary.micUsers++;
      }
      summary.members += page.users.length;
      summary.externals += page.external_users.length;
    }
    return [{ kind: 'card', card: buildWatchCard(summary, newTaskId('watch')) }];
  },
});
