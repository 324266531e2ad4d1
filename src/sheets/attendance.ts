/**
 * The attendance sheet a training admin needs after a live: one row per viewer (姓名, userid or 外部联系人,
 * 观看时长, 评论, 连麦) and a summary sheet. Written with exceljs's streaming writer straight to a file, row by row
 * and without shared strings, so 10,000 viewers take no more memory than 100.
 */
import ExcelJS from 'exceljs';
import { audience, type WatchSummary } from '../cards/watch.js';
import { formatDuration, formatTime } from '../zone.js';
import { cellText } from './cell-text.js';

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

  /** Adds the summary sheet and closes the file. */
  async finish(summary: AttendanceSummary, timezone: string): Promise<void> {
    this.viewers.commit();
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
    for (const [item, value] of lines) sheet.addRow({ item, value }).commit();
    sheet.commit();
    await this.workbook.commit();
  }
}
