/**
 * The attendance sheet a training admin needs after a live: one row per viewer (姓名, userid or 外部联系人,
 * 观看时长, 评论, 连麦) and a summary sheet. Written with exceljs's streaming writer straight to a file, row by row
 * and without shared strings, so 10,000 viewers take no more memory than 100.
 */
import ExcelJS from 'exceljs';
import { audience, type WatchSummary } from '../cards/watch.js';
import { formatDuration, formatTime } from '../zone.js';
import { cellText } from './cell-text.js';
import type { Completion, CompletionState } from '../audience/completion.js';

const STATE_NAMES: Record<CompletionState, string> = { completed: '已完成', partly: '部分观看', none: '未观看' };

export interface AttendanceRow {
  name: string;
  /** The member's userid, or 外部联系人（微信）/（企业微信） for an external viewer. */
  who: string;
  watchSeconds: number;
  commented: boolean;
  mic: boolean;
}

/** The watch figures, with what the summary sheet adds: when it started and who hosted it. */
export type AttendanceSummary = WatchSummary & {
  /** ms since the epoch. */
  start: number;
  anchor: string;
};

export const SHEET_COLUMNS = ['姓名', 'userid', '观看时长（分钟）', '评论', '连麦'] as const;

/** An .xlsx file being written: add rows page by page, then finish with the summary. */
export class AttendanceSheet {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly viewers: ExcelJS.Worksheet;

  constructor(path: string) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
    this.viewers = this.workbook.addWorksheet('观看名单', { views: [{ state: 'frozen', ySplit: 1 }] });
    this.viewers.columns = [
      { header: SHEET_COLUMNS[0], key: 'name', width: 16 },
      { header: SHEET_COLUMNS[1], key: 'who', width: 22 },
      { header: SHEET_COLUMNS[2], key: 'minutes', width: 16 },
      { header: SHEET_COLUMNS[3], key: 'comment', width: 8 },
      { header: SHEET_COLUMNS[4], key: 'mic', width: 8 },
    ];
    this.viewers.getRow(1).font = { bold: true };
  }

  /** Writes `rows` to the file now; nothing of them stays in memory. */
  add(rows: readonly AttendanceRow[]): void {
    for (const r of rows) {
      this.viewers
        .addRow({ name: cellText(r.name), who: cellText(r.who), minutes: Math.round(r.watchSeconds / 6) / 10, comment: r.commented ? '是' : '否', mic: r.mic ? '是' : '否' })
        .commit();
    }
  }

  /** Closes the file of a sheet that will not be finished (no viewers, or reading the pages failed). */
  async abandon(): Promise<void> {
    await this.workbook.commit().catch(() => undefined);
  }

  /** Adds the summary sheet (and, for an invited audience, 完成情况 and 部门汇总) and closes the file. */
  async finish(summary: AttendanceSummary, timezone: string, completion?: Completion): Promise<void> {
    this.viewers.commit();
    if (completion) this.addCompletion(completion);
    const { viewers, averageSeconds } = audience(summary);
    const sheet = this.workbook.addWorksheet('汇总');
    sheet.columns = [
      { header: '项目', key: 'item', width: 14 },
      { header: '数值', key: 'value', width: 36 },
    ];
    const lines: Array<[string, string | number]> = [
      ['直播主题', cellText(summary.theme)],
      ['直播ID', summary.livingid],
      ['开始时间', formatTime(summary.start, timezone)],
      ['主播', cellText(summary.anchor)],
      ['观看人数', viewers],
      ['成员', summary.members],
      ['外部观众', summary.externals],
      ['总观看时长', formatDuration(summary.totalWatchSeconds)],
      ['平均观看时长', formatDuration(averageSeconds)],
      ['评论人数', summary.commenters],
      ['连麦人数', summary.micUsers],
    ];
    if (completion) {
      const t = completion.totals;
      lines.push(['邀请人数', t.invited], ['已完成', t.completed], ['部分观看', t.partly], ['未观看', t.none], ['完成标准', `观看满${formatDuration(completion.requiredSeconds)}`]);
    }
    for (const [item, value] of lines) sheet.addRow({ item, value }).commit();
    sheet.commit();
    await this.workbook.commit();
  }

  /** A sheet with a bold, frozen header row of `columns` (header, key, width). */
  private table(name: string, columns: Array<[header: string, key: string, width: number]>): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map(([header, key, width]) => ({ header, key, width }));
    sheet.getRow(1).font = { bold: true };
    return sheet;
  }

  /** 完成情况: every invited member with their watch time and state; 部门汇总: the figures by department. */
  private addCompletion(completion: Completion): void {
    const names = new Map(completion.byDepartment.map((d) => [d.id, d.name]));
    const members = this.table('完成情况', [['姓名', 'name', 16], ['userid', 'userid', 22], ['部门', 'department', 18], ['邀请', 'invited', 8], ['观看时长（分钟）', 'minutes', 16], ['完成情况', 'state', 10]]);
    for (const m of completion.members) {
      members
        .addRow({
          name: cellText(m.name || m.userid),
          userid: cellText(m.userid),
          department: cellText(names.get(m.departments[0] ?? 0) ?? ''),
          invited: '是',
          minutes: Math.round(m.watchSeconds / 6) / 10,
          state: STATE_NAMES[m.state],
        })
        .commit();
    }
    members.commit();
    const departments = this.table('部门汇总', [['部门', 'name', 18], ['邀请', 'invited', 8], ['已完成', 'completed', 8], ['部分观看', 'partly', 10], ['未观看', 'none', 8], ['完成率', 'rate', 8]]);
    for (const d of completion.byDepartment) {
      departments.addRow({ name: cellText(d.name), invited: d.invited, completed: d.completed, partly: d.partly, none: d.none, rate: `${Math.floor((d.completed * 100) / d.invited)}%` }).commit();
    }
    departments.commit();
  }
}
