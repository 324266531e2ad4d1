/** 直播详情 ID: anyone may read a live's details. */
import { buildLiveCard } from '../cards/live.js';
import { newTaskId } from '../cards/limits.js';
import { defineCommand } from './command.js';
import { canManage } from './context.js';
import { readLivingId } from './livingid.js';

const EXAMPLE = '直播详情 lvXXXXXXXX';

export const info = defineCommand<{ livingid: string }>({
  name: 'info',
  words: ['查看直播详情', '直播详情', '直播信息', '查看直播', '详情', 'info'],
  example: EXAMPLE,
  help: ['直播详情 直播ID'],
  read: (input) => readLivingId(input.args, EXAMPLE),
  async run({ livingid }, ctx) {
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    const anchorName = await ctx.names.nameOf(live.anchor_userid);
    const card = buildLiveCard({ livingid, info: live, headline: '直播详情', timezone: ctx.settings.timezone, taskId: newTaskId('info'), anchorName, manages: canManage(ctx, live.anchor_userid) });
    return [{ kind: 'card', card }];
  },
});
