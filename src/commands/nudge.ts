/**
 * 催看 ID: reminds every invited member who has not completed a live to watch its replay (issue 21) — at most once a
 * day per live, so a member is never nudged twice a day for it — and tells the admin how many were sent.
 */
import type { Completion } from '../audience/completion.js';
import { problemZh } from '../wecom/problems.js';
import { text } from '../replies/reply.js';
import type { MessageBody } from '../wecom/types.js';
import { formatDuration, formatTime } from '../zone.js';
import { defineCommand } from './command.js';
import { canManage } from './context.js';
import { readLivingId } from './livingid.js';

const EXAMPLE = '催看 lvXXXXXXXX';

export const nudge = defineCommand<{ livingid: string }>({
  name: 'nudge',
  words: ['催看', '提醒补看', '催一下', '催促观看', 'nudge'],
  example: EXAMPLE,
  help: ['催看 直播ID（主播或管理员）：提醒邀请的人里没看完的去看回放（每场直播每天一次）'],
  changes: { run: true },
  read: (input) => readLivingId(input.args, EXAMPLE),
  async run({ livingid }, ctx) {
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以催看。')];
    if (!(await ctx.audiences.get(livingid))) return [text(`直播「${live.theme}」没有邀请名单，不知道该提醒谁。发送「邀请 ${livingid} 部门或成员」可以邀请观众。`)];
    if (live.status !== 2) {
      const why = live.status === 1 ? '还在直播中' : live.status === 0 ? '还没有开始' : live.status === 3 ? '已过期，没有开播' : '已取消';
      return [text(`直播「${live.theme}」${why}，没有回放可以催看。`)];
    }
    const { timezone } = ctx.settings;
    const reminder = ({ requiredSeconds: required }: Completion): MessageBody => ({
      msgtype: 'text',
      text: { content: `📺 你还没有看完直播「${live.theme}」（${formatTime(live.living_start * 1000, timezone)}），完成需观看满${formatDuration(required)}。请在企业微信「工作台 → 直播」中观看回放。` },
    });
    const outcome = await ctx.audiences.nudge(livingid, live, reminder);
    if (!outcome) return [text(`直播「${live.theme}」没有邀请名单。`)];
    if ('unverified' in outcome) return [text('服务的共享存储暂时不可用，无法确认今天是否已经催看过。为避免重复提醒，这次没有发送，请稍后再试。')];
    if ('nobody' in outcome) return [text(`邀请的 ${outcome.nobody.totals.invited} 人都已完成「${live.theme}」，不用催看。`)];
    if ('already' in outcome) return [text(`今天 ${formatTime(outcome.already.at, timezone).slice(11, 16)} 已经催看过（${outcome.already.sent}人），每场直播每天最多催看一次，明天可以再催。`)];
    const { nudged: n } = outcome;
    const lines = [`已提醒 ${n.sent} 位未完成的成员观看「${live.theme}」的回放（邀请 ${n.completion.totals.invited} 人，已完成 ${n.completion.totals.completed} 人）。`];
    if (n.refused > 0) lines.push(`${n.refused} 人企业微信未送达。`);
    if (n.heldBack > 0) lines.push(`${n.heldBack} 人因应用今天的消息配额已用完没有发出。`);
    if (n.failed > 0) lines.push(`${n.failed} 人发送失败（${problemZh(n.error)}）。`);
    return [text(lines.join('\n'))];
  },
});
