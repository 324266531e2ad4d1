/**
 * 邀请 ID 销售部 标签:新员工 zhangsan: adds departments (with those below them), tags and members to a live's invited
 * audience and sends the live's card to each member not invited before (issue 21). The anchor or an admin, before
 * the live ends. `创建直播 … 邀请 …` invites in the same message (create.ts).
 */
import type { InviteOutcome } from '../audience/audiences.js';
import type { InvitedPart } from '../audience/store.js';
import { buildLiveCard } from '../cards/live.js';
import { newTaskId } from '../cards/limits.js';
import { problemZh } from '../wecom/problems.js';
import { text, type Reply } from '../replies/reply.js';
import type { LivingInfo, MessageBody } from '../wecom/types.js';
import { defineCommand, refuse, spanOf } from './command.js';
import { canManage, type CommandContext } from './context.js';
import { livingIdIn, readLivingId } from './livingid.js';

const EXAMPLE = '邀请 lvXXXXXXXX 销售部 标签:新员工 zhangsan';

export interface InviteArgs {
  livingid: string;
  /** Who, as written. */
  audience: string;
}

export const invite = defineCommand<InviteArgs>({
  name: 'invite',
  // 邀请 alone starts a sentence as often as a command (邀请您参加：…): it names this command only before an ID.
  words: ['邀请观看', '邀请成员', 'invite'],
  sentence: (text) => spanOf(/^\s*邀请(?=\s*[「“"]?(?:lv[A-Za-z0-9_-]{4,}|[A-Za-z0-9_-]{20,}))/i, text),
  example: EXAMPLE,
  help: [
    '邀请 直播ID 部门 标签:名称 成员（主播或管理员）：给他们发直播邀请，并记入邀请名单',
    '　也可以在创建时写：创建直播 新人培训 明天15:00 邀请 销售部、标签:新员工',
  ],
  changes: { run: true },
  read(input) {
    const args = input.args.trim();
    const found = livingIdIn(args);
    // 邀请大家准时参加: no ID, so not an invitation to a live the bot can name.
    if (!found) return refuse('no-id', `邀请观众请写上直播ID和要邀请的部门、标签或成员。例：${EXAMPLE}（直播ID可在「我的直播」中查看）`);
    const id = readLivingId(args.slice(found.start, found.end), EXAMPLE);
    if (!('args' in id)) return id;
    const audience = `${args.slice(0, found.start)} ${args.slice(found.end)}`.trim();
    if (audience === '') return refuse('no-audience', `请写上要邀请的部门、标签或成员。例：${EXAMPLE}`);
    return { args: { livingid: id.args.livingid, audience } };
  },
  async run({ livingid, audience }, ctx) {
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以邀请观众。')];
    if (live.status >= 3) return [text(`直播「${live.theme}」${live.status === 3 ? '已过期，没有开播' : '已取消'}，不能邀请。`)];
    const matched = await ctx.audiences.match(audience);
    if ('problems' in matched) return [text(`没有发出邀请：\n${matched.problems.join('\n')}`)];
    if (live.status === 2) {
      // Ended: nobody is invited to a past live, but the audience it was meant for is recorded for 完成情况 and 催看.
      const { record } = await ctx.audiences.invite({ livingid, theme: live.theme, living_start: live.living_start }, matched.parts, undefined);
      return [text(`直播「${live.theme}」已结束，没有再发邀请；已把 ${record.members.length} 人（${matched.parts.map((p) => p.label).join('、')}）记为应看名单。发送「完成情况 ${livingid}」查看谁看完了，「催看 ${livingid}」提醒没看完的人看回放。`)];
    }
    return [text(await inviteTo(ctx, livingid, live, matched.parts))];
  },
});

/** Invites `parts` to the live and says what happened, for the anchor. */
export async function inviteTo(ctx: CommandContext, livingid: string, live: Pick<LivingInfo, 'theme' | 'living_start' | 'living_duration' | 'status' | 'anchor_userid' | 'description'>, parts: readonly InvitedPart[]): Promise<string> {
  const card = buildLiveCard({
    livingid,
    info: { ...live, viewer_num: 0 },
    headline: '直播邀请',
    timezone: ctx.settings.timezone,
    taskId: newTaskId('invite'),
    anchorName: await ctx.names.nameOf(live.anchor_userid),
    manages: false,
  });
  const body: MessageBody = { msgtype: 'template_card', template_card: card };
  return invitedText(await ctx.audiences.invite({ livingid, theme: live.theme, living_start: live.living_start }, parts, body), parts);
}

/**
 * 已邀请 12 人（销售部、标签「新员工」）：已送达 11 人，… — what the anchor hears; `resend` says how to reach those
 * held back (for a series, not the message that made it: that would make the series again).
 */
export function invitedText(outcome: InviteOutcome, parts: readonly InvitedPart[], resend = '再发送一次同样的邀请'): string {
  const { record } = outcome;
  const attempted = outcome.sent + outcome.refused + outcome.heldBack + outcome.failed;
  const lines = [`已邀请 ${record.members.length} 人（${parts.map((p) => p.label).join('、')}）：${attempted === 0 ? '都已收到过邀请，这次没有再发' : `这次发出邀请 ${outcome.sent} 人`}。`];
  if (outcome.refused > 0) lines.push(`${outcome.refused} 人企业微信未送达（已离职、未激活或不在应用可见范围）。`);
  if (outcome.heldBack > 0) lines.push(`${outcome.heldBack} 人因应用今天的消息配额已用完没有发出，明天可${resend}补发。`);
  if (outcome.failed > 0) lines.push(`${outcome.failed} 人发送失败（${problemZh(outcome.error)}），可稍后${resend}补发。`);
  if (record.outside.length > 0) lines.push(`不在应用可见范围内，未能邀请：${record.outside.join('、')}（请管理员把它们加入应用的可见范围）。`);
  if (record.unknown.length > 0) lines.push(`不存在，未能邀请：${record.unknown.join('、')}。`);
  return lines.join('\n');
}
