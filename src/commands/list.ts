/**
 * 我的直播: the sender's lives, what matters first: on air, then upcoming (soonest first), then the most recent
 * past. Every page of the id list is read; 更多 pages on (in place, when clicked on the card).
 */
import { buildListCard, LIST_PAGE_SIZE, type ListedLive } from '../cards/list.js';
import { newTaskId } from '../cards/limits.js';
import { text, type Reply } from '../replies/reply.js';
import { defineCommand, spanOf } from './command.js';
import type { CommandContext } from './context.js';
import { create } from './create.js';
import type { SeriesRecord } from '../series/store.js';

/** Details fetched at most (the first 200 ids in WeCom’s order), and at once: a member with thousands of lives
 * must not cost thousands of calls. */
const MAX_DETAILS = 200;
const PARALLEL = 8;

/** On air first, then upcoming soonest first, then the past latest first. */
export function byWhatMatters(a: ListedLive, b: ListedLive): number {
  const rank = (l: ListedLive) => (l.status === 1 ? 0 : l.status === 0 ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  return rank(a) === 1 ? a.living_start - b.living_start : b.living_start - a.living_start;
}

/** 我的直播 2, 我的直播 第2页, 我的直播 p2: the page asked for (1 when none). */
const PAGE = /^(?:第|p|page)?\s*(\d{1,3})\s*页?$/i;

/** 看看我都建了哪些直播, 我创建过的直播发我看下, 列一下我的直播, 我下周都有哪些直播: the sender's own lives, asked for in a sentence. */
const SENTENCE = /(?:列|看|查|发)[^,，。]{0,4}我(?:的|都|之前|最近|创建|建|所有|全部)[^,，。]{0,6}直播|我名下[^,，。]{0,6}直播|我(?:都|现在|目前|最近|这周|本周|下周|今天|明天|后天|这个月|下个月){0,2}(?:有|约了|建了)(?:哪些|几场|几个|多少场|什么)直播|我(?:都|之前|最近)?(?:创建|建|约|预约|开)(?:了|过|的)[^,，。]{0,4}直播|\b(?:show|list|see)\b[^,，。]{0,12}\bmy\b[^,，。]{0,6}\blive/i;

export const list = defineCommand<number>({
  name: 'list',
  words: ['我的直播', '我创建的直播', '我有哪些直播', '我的直播列表', '直播列表', '我建过的直播', '我约过的直播', 'list', 'my'],
  example: '我的直播',
  help: ['我的直播：直播中、即将开始、最近结束的直播（我的直播 2：第2页）'],
  sentence: (text) => spanOf(SENTENCE, text),
  read: ({ args }) => ({ args: Math.max(1, Number(PAGE.exec(args.normalize('NFKC').trim())?.[1] ?? 1)) }),
  run: (page, ctx) => listPage(ctx, page),
  actions: {
    page: (arg, ctx) => listPage(ctx, Math.max(1, Number.parseInt(arg, 10) || 1)),
  },
  typed: { page: (arg) => `我的直播 ${arg}` },
});

/** Marks each live that is a session of a series with its series and its place in it (系列2/8). */
async function markSeries(ctx: CommandContext, lives: ListedLive[]): Promise<void> {
  for (const live of lives) {
    const record: SeriesRecord | undefined = await ctx.series.ofLive(live.livingid);
    const index = record?.lives.findIndex((l) => l.livingid === live.livingid) ?? -1;
    if (record && index >= 0) live.series = { seriesId: record.seriesId, index: index + 1, of: record.lives.length };
  }
}

/**
 * One row per series and part of the list (lives in order): the next session to come stands for those after it
 * (周会 · 系列3/8，还有5场), the latest ended one for those before; a session on air is always shown.
 */
export function foldSeries(lives: readonly ListedLive[]): ListedLive[] {
  const shown = new Map<string, ListedLive>();
  const out: ListedLive[] = [];
  for (const live of lives) {
    // Ended, expired and cancelled sessions each keep a row of their own kind (取消系列 hides no ended session).
    const part = live.status === 1 ? 'on air' : live.status === 0 ? 'upcoming' : `status ${live.status}`;
    const key = live.series && part !== 'on air' ? `${live.series.seriesId}:${part}` : undefined;
    const first = key ? shown.get(key) : undefined;
    if (first?.series) {
      if (part === 'upcoming') first.series.later = (first.series.later ?? 0) + 1;
      continue;
    }
    const copy = { ...live, ...(live.series ? { series: { ...live.series } } : {}) };
    if (key) shown.set(key, copy);
    out.push(copy);
  }
  return out;
}

/** The sender's lives, what matters first, with how many ids WeCom listed (details of the first 200 only). */
export async function fetchLives(ctx: CommandContext): Promise<{ lives: ListedLive[]; total: number }> {
  const ids: string[] = [];
  for await (const id of ctx.api.allLivingids(ctx.user)) ids.push(id);
  const lives: ListedLive[] = [];
  const pending = ids.slice(0, MAX_DETAILS);
  const worker = async () => {
    for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
      const { living_info: l } = await ctx.api.getLivingInfo(id);
      lives.push({ livingid: id, theme: l.theme, living_start: l.living_start, status: l.status });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  await markSeries(ctx, lives);
  return { lives: lives.sort(byWhatMatters), total: ids.length };
}

async function listPage(ctx: CommandContext, page: number): Promise<Reply[]> {
  const { lives: all, total } = await fetchLives(ctx);
  const lives = foldSeries(all);
  if (total === 0) return [text(`你还没有创建过直播。例：${create.example}`)];
  const last = Math.max(1, Math.ceil(lives.length / LIST_PAGE_SIZE));
  const shown = Math.min(page, last);
  if (ctx.click && page > 1) {
    const card = buildListCard(lives, total, shown, ctx.settings.timezone, ctx.click.taskId, all.length);
    return [{ kind: 'replace-card', responseCode: ctx.click.responseCode, card }];
  }
  return [{ kind: 'card', card: buildListCard(lives, total, shown, ctx.settings.timezone, newTaskId('list'), all.length) }];
}
