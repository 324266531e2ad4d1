/** 观看统计 ID: the anchor or an admin; every page of get_watch_stat is read. */
import { buildWatchCard } from '../cards/watch.js';
import { newTaskId } from '../cards/limits.js';
import { text } from '../replies/reply.js';
import { defineCommand, spanOf } from './command.js';
import { canManage } from './context.js';
import { readLiveNamed, suggestLives, type LiveNamed } from './find-lives.js';
import { summarizeWatch } from './watch-summary.js';

const EXAMPLE = '观看统计 lvXXXXXXXX';

/** 刚才那场销售冲刺动员会有多少人看了, 客户答谢会的观看数据怎么样. */
const SENTENCE = /多少人看|看了多少|有多少人|几多人睇|几个人看|看的人多|谁看了|(?:观看|收看)(?:数据|人数|情况|统计|时长)|\bhow many (?:people )?(?:watched|viewers)\b/i;

export const watch = defineCommand<LiveNamed>({
  name: 'watch',
  words: ['查看观看统计', '观看统计', '观看数据', '直播数据', '观看人数', 'watch'],
  example: EXAMPLE,
  help: ['观看统计 直播ID（主播或管理员）'],
  sentence: (text) => spanOf(SENTENCE, text),
  read: (input) => readLiveNamed(input, EXAMPLE),
  async run(args, ctx) {
    if ('described' in args) return suggestLives(ctx, args.described, (id) => `观看统计 ${id}`, 'started');
    const { livingid } = args;
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以查看这场直播的观看统计。')];
    return [{ kind: 'card', card: buildWatchCard(await summarizeWatch(ctx.api, livingid, live.theme), newTaskId('watch')) }];
  },
});
