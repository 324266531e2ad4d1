/**
 * 取消系列 系列ID: cancels the sessions of a series that have not started (issue 22); those that started or ended
 * stay, and are named. The anchor or an admin.
 */
import { text } from '../replies/reply.js';
import { WeComError } from '../wecom/errors.js';
import { problemZh } from '../wecom/problems.js';
import { formatTime } from '../zone.js';
import { defineCommand, refuse } from './command.js';
import { canManage } from './context.js';

const EXAMPLE = '取消系列 srXXXXXXXX';
const SERIES_ID = /\bsr[A-Za-z0-9]{6,}\b/;

export const cancelSeries = defineCommand<{ seriesId: string }>({
  name: 'cancel-series',
  words: ['取消整个系列', '取消系列直播', '取消系列', 'cancelseries'],
  example: EXAMPLE,
  help: ['取消系列 系列ID（主播或管理员）：取消系列里还没开始的场次'],
  changes: { run: true },
  read(input) {
    const id = SERIES_ID.exec(input.args.normalize('NFKC'))?.[0];
    return id ? { args: { seriesId: id } } : refuse('no-id', `请附上系列ID。例：${EXAMPLE}（创建系列时的回复里有）`);
  },
  async run({ seriesId }, ctx) {
    const series = await ctx.series.get(seriesId);
    if (!series) return [text(`没有找到系列「${seriesId}」。`)];
    if (!canManage(ctx, series.anchor)) return [text('只有主播或管理员可以取消这个系列。')];
    const cancelled: string[] = [];
    const kept: string[] = [];
    const failed: string[] = [];
    // The same calendar refusal for every session is said once.
    const calendarProblems = new Set<string>();
    const when = (s: number) => formatTime(s * 1000, ctx.settings.timezone);
    for (const live of series.lives) {
      try {
        const { living_info: info } = await ctx.api.getLivingInfo(live.livingid);
        if (info.status !== 0) {
          if (info.status !== 4) kept.push(when(live.start));
          continue;
        }
        await ctx.api.cancelLiving(live.livingid);
        const problem = await ctx.calendar.remove(live.livingid);
        if (problem) calendarProblems.add(problem);
        cancelled.push(when(live.start));
      } catch (error) {
        if (!(error instanceof WeComError)) throw error;
        failed.push(`${when(live.start)}：${problemZh(error)}`);
      }
    }
    ctx.log.info({ seriesId, cancelled: cancelled.length, kept: kept.length, failed: failed.length }, 'series cancelled');
    const lines = [`系列「${series.theme}」：已取消 ${cancelled.length} 场还没开始的直播。`];
    if (kept.length > 0) lines.push(`已开始或已结束的 ${kept.length} 场保留：${kept.join('、')}`);
    lines.push(...calendarProblems);
    if (failed.length > 0) lines.push(`没能取消的 ${failed.length} 场：`, ...failed);
    return [text(lines.join('\n'))];
  },
});
