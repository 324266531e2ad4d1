/** 创建直播 主题 时间 [时长] [描述]: the sender is the anchor; answers the live card with its ID. */
import { buildLiveCard } from '../cards/live.js';
import { newTaskId } from '../cards/limits.js';
import type { Intent } from './parse.js';
import type { CommandHandler } from './context.js';

export const create: CommandHandler<Extract<Intent, { command: 'create' }>> = async (intent, ctx) => {
  const { settings } = ctx;
  const start = Math.floor(intent.start / 1000);
  const duration = intent.durationSeconds ?? settings.defaultDurationSeconds;
  const { livingid } = await ctx.api.createLive(ctx.user, intent.theme, start, duration, settings.defaultLiveType, intent.description);
  ctx.log.info({ livingid, anchor: ctx.user }, 'live created');
  // Built from what we sent: a second call (get_living_info) would only add latency and a failure point.
  const info = {
    theme: intent.theme,
    living_start: start,
    living_duration: duration,
    status: 0 as const,
    anchor_userid: ctx.user,
    viewer_num: 0,
    description: intent.description,
  };
  return [{ kind: 'card', card: buildLiveCard({ livingid, info, headline: '直播已创建', timezone: settings.timezone, taskId: newTaskId('live') }) }];
};
