/**
 * 完成情况 ID: who of a live's invited audience completed it, partly watched it, or did not watch (issue 21), by
 * department, as a card with 催看 and 导出名单. The anchor and admins only. Asked again after more replay watching, it
 * reads WeCom's watch stats again.
 */
import { buildCompletionCard } from '../cards/completion.js';
import { newTaskId } from '../cards/limits.js';
import { text } from '../replies/reply.js';
import { defineCommand } from './command.js';
import { canManage } from './context.js';
import { readLivingId } from './livingid.js';

const EXAMPLE = '完成情况 lvXXXXXXXX';

export const completion = defineCommand<{ livingid: string }>({
  name: 'completion',
  words: ['培训完成情况', '完成情况', '完成率', '学习情况', '未完成名单', 'completion'],
  example: EXAMPLE,
  help: ['完成情况 直播ID（主播或管理员）：邀请的人里谁看完了、看了一部分、没看，按部门'],
  read: (input) => readLivingId(input.args, EXAMPLE),
  async run({ livingid }, ctx) {
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以查看完成情况。')];
    const record = await ctx.audiences.get(livingid);
    if (!record) return [text(`直播「${live.theme}」没有邀请名单。发送「邀请 ${livingid} 部门或成员」邀请观众；谁看了可以用「观看统计 ${livingid}」查看。`)];
    if (live.status === 0) return [text(`直播「${live.theme}」还没有开始，已邀请 ${record.members.length} 人。开始后可以查看完成情况。`)];
    if (live.status === 3 || live.status === 4) return [text(`直播「${live.theme}」${live.status === 3 ? '已过期，没有开播' : '已取消'}，没有完成情况。`)];
    const read = await ctx.audiences.completion(livingid, live);
    if (!read) return [text(`直播「${live.theme}」没有邀请名单。`)];
    const lastNudge = read.record.nudges.at(-1);
    const card = buildCompletionCard({
      livingid,
      theme: live.theme,
      completion: read.completion,
      onAir: live.status === 1,
      ...(lastNudge ? { lastNudge } : {}),
      timezone: ctx.settings.timezone,
      taskId: newTaskId('completion'),
    });
    return [{ kind: 'card', card }];
  },
});
