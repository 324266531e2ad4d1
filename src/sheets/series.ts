/**
 * The attendance workbook of a series (issue 22): one row per member with their watch time in each session and
 * whether they completed it, one row per session with its totals, and the series' completion rate. Streamed to a
 * file as the single-live sheet is.
 */
import ExcelJS from 'exceljs';
import { formatDuration, formatTime } from '../zone.js';
import { cellText } from './cell-text.js';
import { userKey } from '../userid.js';

export interface SeriesSession {
  livingid: string;
  /** ms. */
  start: number;
  statusName: string;
  /** Seconds a member must watch to have completed it (the rule on its actual length). */
  requiredSeconds: number;
  /** Counted for completion: the session took place. */
  held: boolean;
  /** Watch seconds by userKey (userids are case-insensitive). */
  watched: ReadonlyMap<string, number>;
}

export interface SeriesMember {
  userid: string;
  name: string;
}

/** Writes the series workbook for `members` × `sessions` to `path`; the overall completion rate (0–1). */
export async function writeSeriesWorkbook(path: string, theme: string, seriesId: string, sessions: readonly SeriesSession[], members: readonly SeriesMember[], timezone: string): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  const grid = book.addWorksheet('系列出勤', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const label = (s: SeriesSession, i: number) => `第${i + 1}场 ${formatTime(s.start, timezone).slice(5, 16)}`;
  grid.columns = [
    { header: '姓名', key: 'name', width: 14 },
    { header: 'userid', key: 'userid', width: 20 },
    ...sessions.map((s, i) => ({ header: `${label(s, i)}（分钟）`, key: `s${i}`, width: 20 })),
    { header: '完成场次', key: 'done', width: 10 },
    { header: '完成率', key: 'rate', width: 10 },
  ];
  grid.getRow(1).font = { bold: true };
  const held = sessions.filter((s) => s.held);
  let completedPairs = 0;
  for (const m of members) {
    const row: Record<string, string | number> = { name: cellText(m.name || m.userid), userid: cellText(m.userid) };
    let done = 0;
    sessions.forEach((s, i) => {
      const seconds = s.watched.get(userKey(m.userid)) ?? 0;
      const completed = s.held && seconds >= s.requiredSeconds;
      if (completed) done++;
      row[`s${i}`] = `${Math.round(seconds / 6) / 10}${completed ? ' ✓' : ''}`;
    });
    completedPairs += done;
    row.done = `${done}/${held.length}`;
    row.rate = held.length === 0 ? '—' : `${Math.floor((done * 100) / held.length)}%`;
    grid.addRow(row).commit();
  }
  grid.commit();
  const perSession = book.addWorksheet('各场汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  perSession.columns = [
    { header: '场次', key: 'label', width: 22 },
    { header: '直播ID', key: 'id', width: 36 },
    { header: '状态', key: 'status', width: 8 },
    { header: '观看人数', key: 'viewers', width: 10 },
    { header: '完成人数', key: 'completed', width: 10 },
    { header: '完成标准', key: 'rule', width: 14 },
  ];
  perSession.getRow(1).font = { bold: true };
  sessions.forEach((s, i) => {
    const completed = s.held ? members.filter((m) => (s.watched.get(userKey(m.userid)) ?? 0) >= s.requiredSeconds).length : 0;
    perSession.addRow({ label: label(s, i), id: s.livingid, status: s.statusName, viewers: [...s.watched.values()].filter((v) => v > 0).length, completed, rule: `观看满${formatDuration(s.requiredSeconds)}` }).commit();
  });
  perSession.commit();
  const rate = held.length === 0 || members.length === 0 ? 0 : completedPairs / (held.length * members.length);
  const summary = book.addWorksheet('汇总');
  summary.columns = [
    { header: '项目', key: 'item', width: 14 },
    { header: '数值', key: 'value', width: 36 },
  ];
  for (const [item, value] of [
    ['系列主题', cellText(theme)],
    ['系列ID', seriesId],
    ['场次', `${sessions.length}（已举行${held.length}）`],
    ['成员', members.length],
    ['系列完成率', `${Math.floor(rate * 100)}%`],
  ] as Array<[string, string | number]>) summary.addRow({ item, value }).commit();
  summary.commit();
  await book.commit();
  return rate;
}
