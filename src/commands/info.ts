/** 直播详情 ID: anyone may read a live's details. */
import { buildLiveCard } from '../cards/live.js';
import { newTaskId } from '../cards/limits.js';
import type { Intent } from './parse.js';
import type { CommandHandler } from './context.js';

export const info: CommandHandler<Extract<Intent, { command: 'info' }>> = async (intent, ctx) => {
  const { living_info: live } = await ctx.api.getLivingInfo(intent.livingid);
  const card = buildLiveCard({
    livingid: intent.livingid,
    info: live,
    headline: '直播详情',
    timezone: ctx.settings.timezone,
    taskId: newTaskId('info'),
  });
  return [{ kind: 'card', card }];
};
