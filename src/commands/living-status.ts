/**
 * living_status_change events: the anchor hears that their live started or ended (with a pointer to its watch
 * stats). Other statuses are not news to anyone: cancelled lives were cancelled by a member who was told, and
 * WeCom sends no event for 已过期.
 */
import type { LivingStatusChange } from '../callback/message.js';
import { text, type Reply } from '../replies/reply.js';
import type { CommandContext } from './context.js';

/** The replies for a status change; `to` is who receives them (the anchor). */
export async function livingStatusReplies(event: LivingStatusChange, ctx: CommandContext): Promise<{ to: string; replies: Reply[] }> {
  if (event.status !== 1 && event.status !== 2) return { to: event.from, replies: [] };
  const { living_info: live } = await ctx.api.getLivingInfo(event.livingId);
  const replies =
    event.status === 1
      ? [text(`🔴 你的直播「${live.theme}」已开始。`)]
      : [text(`⏹ 你的直播「${live.theme}」已结束。发送「观看统计 ${event.livingId}」查看观看数据。`)];
  return { to: live.anchor_userid, replies };
}
