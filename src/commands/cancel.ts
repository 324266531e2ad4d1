/** 取消直播 ID: the anchor or an admin, only before the live starts. From a card, the clicked card is updated. */
import { STATUS_NAMES } from '../cards/status.js';
import { text, type Reply } from '../replies/reply.js';
import { formatTime } from '../zone.js';
import { canManage, type CommandHandler } from './context.js';
import type { Intent } from './parse.js';

export const cancel: CommandHandler<Extract<Intent, { command: 'cancel' }>> = async (intent, ctx) => {
  const { living_info: live } = await ctx.api.getLivingInfo(intent.livingid);
  if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以取消这场直播。')];
  if (live.status !== 0) {
    return [text(`这场直播${STATUS_NAMES[live.status]}，只能取消预约中（尚未开始）的直播。`)];
  }
  await ctx.api.cancelLiving(intent.livingid);
  ctx.log.info({ livingid: intent.livingid, by: ctx.user }, 'live cancelled');
  const replies: Reply[] = [];
  if (ctx.click) replies.push({ kind: 'update-card', responseCode: ctx.click.responseCode, replaceName: '已取消' });
  replies.push(text(`已取消直播「${live.theme}」（${formatTime(live.living_start * 1000, ctx.settings.timezone)}）。`));
  return replies;
};
