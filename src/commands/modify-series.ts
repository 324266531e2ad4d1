/**
 * 修改系列 系列ID 主题|时长|描述|提醒|改到16:00|推迟半小时: changes every session of a series that has not started
 * (issue 22), as 修改直播 changes one; an hour stays on each session's own day. A new date is per session (修改直播).
 */
import { calendarLive } from '../calendar/live-calendar.js';
import { SERIES_KEEP_MS } from '../series/store.js';
import { text } from '../replies/reply.js';
import { WeComError } from '../wecom/errors.js';
import { problemZh } from '../wecom/problems.js';
import { formatTime } from '../zone.js';
import { defineCommand, refuse, type ReadResult } from './command.js';
import { canManage } from './context.js';
import { modifyRequest, readChanges, type Changes, type ModifyState } from './modify.js';

const EXAMPLE = '修改系列 srXXXXXXXX 改到16:00';
const SERIES_ID = /\bsr[A-Za-z0-9]{6,}\b/;

type SeriesChange = { seriesId: string; changes: Changes };

/** A series change as modify reads one, carried under the series' ID. */
function asSeries(read: ReturnType<typeof readChanges>): ReadResult<SeriesChange> {
  if (!('args' in read)) return read;
  if ('described' in read.args) return refuse('no-id', `请附上系列ID。例：${EXAMPLE}`);
  const { livingid: seriesId, changes } = read.args;
  if (changes.day || changes.start !== undefined) return refuse('series-date', '系列里每一场的日期不同，改日期请逐场「修改直播 直播ID 时间 …」；整个系列可以改钟点（改到16:00）、推迟或提前、主题、时长、描述、提醒。');
  return { args: { seriesId, changes } };
}

export const modifySeries = defineCommand<SeriesChange>({
  name: 'modify-series',
  words: ['修改整个系列', '修改系列直播', '修改系列', 'modifyseries'],
  example: EXAMPLE,
  help: ['修改系列 系列ID 改到16:00|推迟半小时|主题 新主题|时长 2小时（主播或管理员）：改系列里还没开始的每一场'],
  abandoned: '好的，已放弃，系列没有改动。',
  changes: { run: true },
  read(input, env) {
    const args = input.args.normalize('NFKC');
    const id = SERIES_ID.exec(args);
    if (!id) return refuse('no-id', `请附上系列ID。例：${EXAMPLE}（创建系列时的回复里有）`);
    return asSeries(readChanges(args.slice(id.index + id[0].length), { livingid: id[0] }, env));
  },
  resume: (state, answer, env) => asSeries(readChanges(answer, state as ModifyState, env)),
  async run({ seriesId, changes }, ctx) {
    const series = await ctx.series.get(seriesId);
    if (!series) return [text(`没有找到系列「${seriesId}」。`)];
    if (!canManage(ctx, series.anchor)) return [text('只有主播或管理员可以修改这个系列。')];
    let modified = 0;
    let kept = 0;
    const failed: string[] = [];
    // The same calendar refusal for every session is said once.
    const calendarProblems = new Set<string>();
    const when = (s: number) => formatTime(s * 1000, ctx.settings.timezone);
    for (const session of series.lives) {
      try {
        const { living_info: live } = await ctx.api.getLivingInfo(session.livingid);
        if (live.status !== 0) {
          if (live.status !== 4) kept++;
          continue;
        }
        const request = modifyRequest({ ...changes }, live, ctx.settings.timezone, ctx.now());
        if (typeof request === 'string') {
          failed.push(`${when(session.start)}：${request}`);
          continue;
        }
        await ctx.api.modifyLiving(session.livingid, request);
        const { living_info: updated } = await ctx.api.getLivingInfo(session.livingid);
        session.start = updated.living_start;
        const problem = await ctx.calendar.update(calendarLive(session.livingid, updated, await ctx.names.nameOf(updated.anchor_userid), changes.remindSeconds));
        if (problem) calendarProblems.add(problem);
        modified++;
      } catch (error) {
        if (!(error instanceof WeComError)) throw error;
        failed.push(`${when(session.start)}：${problemZh(error)}`);
      }
    }
    const lines = [`系列「${series.theme}」：已修改 ${modified} 场还没开始的直播。`, ...calendarProblems];
    if (changes.theme !== undefined && modified > 0) series.theme = changes.theme;
    await ctx.series.save(series);
    ctx.log.info({ seriesId, modified, kept, failed: failed.length }, 'series modified');
    if (kept > 0) lines.push(`已开始或已结束的 ${kept} 场没有改动。`);
    if (failed.length > 0) lines.push(`没能修改的 ${failed.length} 场：`, ...failed);
    return [text(lines.join('\n'))];
  },
});
