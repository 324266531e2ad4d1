/**
 * 导出观看统计 ID: the attendance sheet, for the anchor or an admin. Every page of get_watch_stat is streamed into
 * an .xlsx file (members by name from user/get, cached; a member WeCom will not describe appears by userid;
 * external viewers by the name WeCom gives), uploaded with media/upload and sent to the requester as a file
 * message. A big audience hears 正在生成… first.
 */
import { openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audience } from '../cards/watch.js';
import { text, type Reply } from '../replies/reply.js';
import { AttendanceSheet, type AttendanceRow } from '../sheets/attendance.js';
import { fileNamePart } from '../sheets/cell-text.js';
import { formatDuration } from '../zone.js';
import { livingIdIn } from './livingid.js';
import { defineCommand, spanOf } from './command.js';
import { canManage, type CommandContext } from './context.js';
import { readLiveNamed, suggestLives, type LiveNamed } from './find-lives.js';
import { emptySummary, tally } from './watch-summary.js';
import { addWatched } from '../audience/audiences.js';
import { userKey } from '../userid.js';
import { requiredSeconds } from '../audience/completion.js';
import { STATUS_NAMES } from '../cards/status.js';
import { writeSeriesWorkbook, type SeriesSession } from '../sheets/series.js';

const EXAMPLE = '导出观看统计 lvXXXXXXXX';
/** After this long without a finished sheet, the member is told it is being made. */
const PROGRESS_AFTER_MS = 2000;
const EXTERNAL_KIND: Record<number, string> = { 1: '外部联系人（微信）', 2: '外部联系人（企业微信）' };

/** 帮我导出一下产品发布会的观看名单, 把观看名单导出来给我. */
const SENTENCE = /导出(?:来|一下)?|名单(?:发我|给我)|导(?:个|一份|成)\s*(?:excel|表格|表)|观看明细/i;

/** Words that make an export a live's. */
const LIVE_WORDS = /直播|观看|收看|名单|观众|签到|看的人|会|课|培训|讲座|分享|发布|统计/;

const SERIES_ID = /\bsr[A-Za-z0-9]{6,}\b/;

export const exportSheet = defineCommand<LiveNamed | { seriesId: string }>({
  name: 'export',
  words: ['导出观看统计', '导出观看名单', '导出名单', '导出', 'export'],
  example: EXAMPLE,
  help: ['导出观看统计 直播ID（主播或管理员）：观看名单 Excel（姓名、观看时长、评论、连麦）'],
  // 帮我把上个月的医院拜访记录导成Excel: what is exported must be a live's (its viewers, its data), not another record.
  sentence: (text) => (LIVE_WORDS.test(text) || livingIdIn(text) ? spanOf(SENTENCE, text) : null),
  read: (input) => {
    // 导出观看统计 系列ID: the series' workbook.
    const series = SERIES_ID.exec(input.args.normalize('NFKC'));
    return series ? { args: { seriesId: series[0] } } : readLiveNamed(input, EXAMPLE);
  },
  run: (args, ctx) =>
    'seriesId' in args ? exportSeries(ctx, args.seriesId) : 'described' in args ? suggestLives(ctx, args.described, (id) => `导出观看统计 ${id}`, 'started') : exportAttendance(ctx, args.livingid),
});

/** Builds, uploads and sends the attendance sheet of `livingid`. */
export async function exportAttendance(ctx: CommandContext, livingid: string): Promise<Reply[]> {
  const { living_info: live } = await ctx.api.getLivingInfo(livingid);
  if (!canManage(ctx, live.anchor_userid)) return [text('只有主播或管理员可以导出这场直播的观看名单。')];
  let done = false;
  const progress = setTimeout(() => {
    if (!done) void ctx.sayNow(text(`正在生成「${live.theme}」的观看名单，观众较多，请稍候…`)).catch(() => undefined);
  }, PROGRESS_AFTER_MS);
  const dir = await mkdtemp(join(tmpdir(), 'wecom-export-'));
  // Opened at the first viewer, and closed in `finally` whatever happens: an open sheet holds a file descriptor.
  let sheet: AttendanceSheet | undefined;
  let finished = false;
  try {
    const path = join(dir, 'attendance.xlsx');
    const summary = { ...emptySummary(livingid, live.theme), start: live.living_start * 1000, anchor: await ctx.names.nameOf(live.anchor_userid) };
    // A live with an invited audience gets its 完成情况 from the same pages.
    const invited = live.status >= 1 ? await ctx.audiences.get(livingid) : undefined;
    const watched = new Map<string, number>();
    if (invited) sheet = new AttendanceSheet(path);
    for await (const page of ctx.api.allWatchStats(livingid)) {
      addWatched(watched, page.users);
      const names = await ctx.names.namesOf(page.users.map((u) => u.userid));
      const rows: AttendanceRow[] = [
        ...page.users.map((u) => ({ name: names.get(u.userid) ?? u.userid, who: u.userid, watchSeconds: u.watch_time, commented: u.is_comment === 1, mic: u.is_mic === 1 })),
        ...page.external_users.map((u) => ({ name: u.name || u.external_userid, who: EXTERNAL_KIND[u.type] ?? '外部联系人', watchSeconds: u.watch_time, commented: u.is_comment === 1, mic: u.is_mic === 1 })),
      ];
      if (rows.length > 0) (sheet ??= new AttendanceSheet(path)).add(rows);
      tally(summary, page);
    }
    const { viewers, averageSeconds } = audience(summary);
    if ((viewers === 0 && !invited) || !sheet) return [text(`「${live.theme}」还没有观众，没有可导出的名单。`)];
    const completion = invited ? (await ctx.audiences.completion(livingid, live, watched))?.completion : undefined;
    await sheet.finish(summary, ctx.settings.timezone, completion);
    finished = true;
    const filename = `观看名单-${fileNamePart(live.theme)}-${fileNamePart(livingid.slice(-6))}.xlsx`;
    const { media_id: mediaId } = await ctx.api.uploadMedia('file', filename, await openAsBlob(path));
    ctx.log.info({ livingid, by: ctx.user, viewers }, 'attendance exported');
    return [
      { kind: 'file', mediaId, filename },
      text(
        `「${live.theme}」观看名单${live.status === 1 ? '（直播进行中，截至目前）' : ''}：${viewers}位观众（成员${summary.members}，外部${summary.externals}），总观看时长${formatDuration(summary.totalWatchSeconds)}，平均${formatDuration(averageSeconds)}。` +
          (completion ? `邀请${completion.totals.invited}人，已完成${completion.totals.completed}人（见「完成情况」和「部门汇总」表）。` : ''),
      ),
    ];
  } finally {
    done = true;
    clearTimeout(progress);
    if (sheet && !finished) await sheet.abandon();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The series' workbook: every member who watched or was invited × every session, per-session totals, the rate. */
async function exportSeries(ctx: CommandContext, seriesId: string): Promise<Reply[]> {
  const series = await ctx.series.get(seriesId);
  if (!series) return [text(`没有找到系列「${seriesId}」。`)];
  if (!canManage(ctx, series.anchor)) return [text('只有主播或管理员可以导出这个系列的观看名单。')];
  const sessions: SeriesSession[] = [];
  // By userKey: WeCom's userids are case-insensitive, and the audience and the watch stats may spell one differently.
  const members = new Map<string, { userid: string; name: string }>();
  for (const s of series.lives) {
    const { living_info: live } = await ctx.api.getLivingInfo(s.livingid);
    const watched = new Map<string, number>();
    if (live.status === 1 || live.status === 2) {
      for await (const page of ctx.api.allWatchStats(s.livingid)) {
        addWatched(watched, page.users);
        for (const u of page.users) if (!members.has(userKey(u.userid))) members.set(userKey(u.userid), { userid: u.userid, name: '' });
      }
    }
    for (const m of (await ctx.audiences.get(s.livingid))?.members ?? []) members.set(userKey(m.userid), { userid: m.userid, name: m.name });
    const length = live.status === 1 ? Math.max(60, Math.floor(ctx.now() / 1000) - live.living_start) : live.living_duration;
    sessions.push({ livingid: s.livingid, start: live.living_start * 1000, statusName: STATUS_NAMES[live.status] ?? String(live.status), requiredSeconds: requiredSeconds(length, ctx.audiences.completionPercent), held: live.status === 1 || live.status === 2, watched });
  }
  const names = await ctx.names.namesOf([...members.values()].filter((m) => !m.name).map((m) => m.userid));
  const rows = [...members.values()].map(({ userid, name }) => ({ userid, name: name || names.get(userid) || userid }));
  const dir = await mkdtemp(join(tmpdir(), 'wecom-series-'));
  try {
    const path = join(dir, 'series.xlsx');
    const rate = await writeSeriesWorkbook(path, series.theme, seriesId, sessions, rows, ctx.settings.timezone);
    const filename = `系列出勤-${fileNamePart(series.theme)}-${fileNamePart(seriesId.slice(-6))}.xlsx`;
    const { media_id: mediaId } = await ctx.api.uploadMedia('file', filename, await openAsBlob(path));
    const heldCount = sessions.filter((s) => s.held).length;
    return [{ kind: 'file', mediaId, filename }, text(`系列「${series.theme}」：${sessions.length}场（已举行${heldCount}场），${rows.length}位成员，系列完成率${Math.floor(rate * 100)}%。`)];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
