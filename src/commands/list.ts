/** 我的直播: the sender's lives, newest first; every page of the id list is read. */
import { buildListCard, type ListedLive } from '../cards/list.js';
import { newTaskId } from '../cards/limits.js';
import { text } from '../replies/reply.js';
import { EXAMPLES } from './parse.js';
import type { CommandHandler } from './context.js';

/** Details fetched at most (the first 200 ids in WeCom’s order), and at once: a member with thousands of lives
 * must not cost thousands of calls. */
const MAX_DETAILS = 200;
const PARALLEL = 8;

export const list: CommandHandler = async (_intent, ctx) => {
  const ids: string[] = [];
  for await (const id of ctx.api.allLivingids(ctx.user)) ids.push(id);
  if (ids.length === 0) return [text(`你还没有创建过直播。例：${EXAMPLES.create}`)];
  const lives: ListedLive[] = [];
  const pending = ids.slice(0, MAX_DETAILS);
  const worker = async () => {
    for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
      const { living_info: l } = await ctx.api.getLivingInfo(id);
      lives.push({ livingid: id, theme: l.theme, living_start: l.living_start, status: l.status });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  lives.sort((a, b) => b.living_start - a.living_start);
  return [{ kind: 'card', card: buildListCard(lives, ids.length, ctx.settings.timezone, newTaskId('list')) }];
};
