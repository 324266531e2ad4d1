/** 直播详情 ID: anyone may read a live's details. */
import { buildLiveCard } from '../cards/live.js';
import { newTaskId } from '../cards/limits.js';
import { defineCommand, spanOf } from './command.js';
import { canManage } from './context.js';
import { readLiveNamed, suggestLives, type LiveNamed } from './find-lives.js';

const EXAMPLE = '直播详情 lvXXXXXXXX';

/** 年终总结会那个直播的详情发我一下, 新书推荐那场直播的信息发我一下, …的直播几点开始来着. */
const SENTENCE = /(?:的|直播)(?:[^,，。]{0,4}和)?(?:详情|详细信息|链接)|(?:的|直播)信息(?=发|给|看|是|[?？]|$)|直播几点开始|直播信息|(?:详情|详细信息|链接)(?=发我|给我|发一下|发下|看看|是什么)|直播[,，\s]*(?:看下|看一下|看看|查一下|查下)详情/;

export const info = defineCommand<LiveNamed>({
  name: 'info',
  words: ['查看直播详情', '直播详情', '直播信息', '查看直播', '详情', 'info'],
  example: EXAMPLE,
  help: ['直播详情 直播ID'],
  sentence: (text) => spanOf(SENTENCE, text),
  read: (input) => readLiveNamed(input, EXAMPLE),
  async run(args, ctx) {
    if ('described' in args) return suggestLives(ctx, args.described, (id) => `直播详情 ${id}`, 'any');
    const { livingid } = args;
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    const anchorName = await ctx.names.nameOf(live.anchor_userid);
    const card = buildLiveCard({ livingid, info: live, headline: '直播详情', timezone: ctx.settings.timezone, taskId: newTaskId('info'), anchorName, manages: canManage(ctx, live.anchor_userid) });
    return [{ kind: 'card', card }];
  },
});
