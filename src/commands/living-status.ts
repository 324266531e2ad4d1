/**
 * living_status_change events: the anchor hears that their live started or ended, naming the live by theme and
 * start; the 已结束 notice is a summary card (viewers, watch time, comments) with 观看统计 and 导出名单 buttons. Other statuses are not news to anyone: cancelled
 * lives were cancelled by a member who was told, and WeCom sends no event for 已过期.
 */
import type { LivingStatusChange } from '../callback/message.js';
import { buildLiveEndedCard } from '../cards/live-ended.js';
import { newTaskId } from '../cards/limits.js';
import { text, type Reply } from '../replies/reply.js';
import { formatTime } from '../zone.js';
import type { CommandContext } from './context.js';
import { summarizeWatch } from './watch-summary.js';

/** The replies for a status change; `to` is who receives them (the anchor). */
export async function livingStatusReplies(event: LivingStatusChange, ctx: CommandContext): Promise<{ to: string; replies: Reply[] }> {
  if (event.status !== 1 && event.status !== 2) return { to: event.from, replies: [] };
  const { living_info: live } = await ctx.api.getLivingInfo(event.livingId);
  // Who was in 销售部 when the live started stays its audience (completion is measured against them).
  if (event.status === 1) await ctx.audiences.freeze(event.livingId).catch((err: unknown) => ctx.log.warn({ livingid: event.livingId, err: String(err) }, 'audience not frozen at the start'));
  const { timezone } = ctx.settings;
  const replies: Reply[] =
    event.status === 1
      ? [text(`🔴 你的直播「${live.theme}」（${formatTime(live.living_start * 1000, timezone)}）已开始。`)]
      : [{ kind: 'card', card: buildLiveEndedCard(live, await summarizeWatch(ctx.api, event.livingId, live.theme), timezone, newTaskId('ended')) }];
  return { to: live.anchor_userid, replies };
}
