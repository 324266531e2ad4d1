/**
 * 取消直播 ID: the anchor or an admin, only before the live starts. Typed, it is explicit and cancels at once; a
 * tap on a card's 取消直播 first turns the card into a question (确认取消 / 保留). When an admin cancels someone's
 * live, its anchor is told who did.
 */
import { buildCancelConfirmCard } from '../cards/cancel-confirm.js';
import { buildLiveCard, memberLabel } from '../cards/live.js';
import { onlyUpcoming } from '../cards/status.js';
import { text, type Reply } from '../replies/reply.js';
import type { LivingInfo } from '../wecom/types.js';
import { formatTime } from '../zone.js';
import { defineCommand, spanOf } from './command.js';
import { canManage, sameUser, type CommandContext } from './context.js';
import { readLiveNamed, suggestLives, type LiveNamed } from './find-lives.js';
import { readLivingId, takeLivingId } from './livingid.js';
import { alternation, WORDS } from './slots/words.js';

const EXAMPLE = '取消直播 lvXXXXXXXX';

/** 把明天的周会取消了, 明天那个周会不开了，帮我取消掉 (not 取消了吗, a question). */
const SENTENCE = /取消(?:掉|一下)?(?!了吗|了没|吗|提醒)|不开了|不办了|(?<=[把将].{1,20}(?:直播|那场|这场))(?:删掉|删了|删除|撤掉|撤了)|\b(?:want|need|like) to cancel\b|\bpls cancel\b|\bplease cancel\b/i;

const OTHER_TASK = new RegExp(alternation(WORDS.otherTasks));
const LIVE_MARK = new RegExp(alternation(WORDS.liveMarks));
/** 帮我取消明天食堂的订餐: another task is cancelled, not a live. */
const cancelsAnotherTask = (text: string): boolean => OTHER_TASK.test(text) && !LIVE_MARK.test(text);
/** 开个直播, 建一场直播, 创建直播: a new live asked for. */
const CREATE_BEFORE = /(?:开|建|约|创建|新建|安排|搞|办|弄|整)(?:一)?(?:个|场)?直播/;

export const cancel = defineCommand<LiveNamed>({
  name: 'cancel',
  words: ['取消这场直播', '取消直播', '撤销直播', '删除直播', '取消', 'cancel'],
  example: EXAMPLE,
  help: ['取消直播 直播ID（主播或管理员，仅限未开始的直播）'],
  changes: { run: true, actions: ['confirm'] },
  // 取消明天的周会: the live described, not its ID — the matching lives are listed, none is cancelled.
  sentence(text) {
    const found = spanOf(SENTENCE, text);
    // ID 取消 may drop something else: a sentence cancels only a live it describes in words.
    const described = found && /\p{Script=Han}|(?:^|\s)[A-Za-z]{3,}(?=$|[\s'’])/u.test(text.slice(0, found[0]!.start) + text.slice(found[0]!.end));
    // 马上开个直播 临时航班取消说明: after a request for a new live, 取消 is a word of its theme.
    const requested = found && CREATE_BEFORE.test(text.slice(0, found[0]!.start));
    return described && !requested && !cancelsAnotherTask(text) ? found : null;
  },
  notMine: cancelsAnotherTask,
  read: (input) => readLiveNamed(input, EXAMPLE),
  async run(args, ctx): Promise<Reply[]> {
    if ('described' in args) return suggestLives(ctx, args.described, (id) => `取消直播 ${id}`);
    const { livingid } = args;
    const { live, refused } = await cancellable(ctx, livingid);
    if (!live) return [refused];
    if (ctx.click) {
      const card = buildCancelConfirmCard({ livingid, info: live, timezone: ctx.settings.timezone, taskId: ctx.click.taskId, anchorName: await ctx.names.nameOf(live.anchor_userid) });
      return [{ kind: 'replace-card', responseCode: ctx.click.responseCode, card }];
    }
    return cancelNow(ctx, livingid, live);
  },
  actions: {
    async confirm(livingid, ctx): Promise<Reply[]> {
      const { live, refused } = await cancellable(ctx, livingid);
      return live ? cancelNow(ctx, livingid, live) : [refused];
    },
    async keep(livingid, ctx): Promise<Reply[]> {
      const { living_info: live } = await ctx.api.getLivingInfo(livingid);
      if (!ctx.click) return [];
      const anchorName = await ctx.names.nameOf(live.anchor_userid);
      const card = buildLiveCard({ livingid, info: live, headline: '直播详情', timezone: ctx.settings.timezone, taskId: ctx.click.taskId, anchorName });
      return [{ kind: 'replace-card', responseCode: ctx.click.responseCode, card }];
    },
  },
});

/** The live, when the sender may cancel it now; else the reason as a reply. */
async function cancellable(ctx: CommandContext, livingid: string): Promise<{ live: LivingInfo; refused?: never } | { live?: never; refused: Reply }> {
  const { living_info: live } = await ctx.api.getLivingInfo(livingid);
  if (!canManage(ctx, live.anchor_userid)) return { refused: text('只有主播或管理员可以取消这场直播。') };
  if (live.status !== 0) return { refused: text(onlyUpcoming(live.status, '取消')) };
  return { live };
}

async function cancelNow(ctx: CommandContext, livingid: string, live: LivingInfo): Promise<Reply[]> {
  await ctx.api.cancelLiving(livingid);
  ctx.log.info({ livingid, by: ctx.user }, 'live cancelled');
  const when = formatTime(live.living_start * 1000, ctx.settings.timezone);
  if (!sameUser(ctx.user, live.anchor_userid)) {
    ctx.tell(live.anchor_userid, text(`你的直播「${live.theme}」（${when}）已被管理员 ${memberLabel(await ctx.names.nameOf(ctx.user), ctx.user)} 取消。`));
  }
  const replies: Reply[] = [];
  if (ctx.click) replies.push({ kind: 'update-card', responseCode: ctx.click.responseCode, replaceName: '已取消' });
  replies.push(text(`已取消直播「${live.theme}」（${when}）。`));
  // Its calendar entry goes with it.
  const problem = await ctx.calendar.remove(livingid);
  if (problem) replies.push(text(problem));
  return replies;
}
