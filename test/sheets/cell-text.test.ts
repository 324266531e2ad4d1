import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { AttendanceSheet } from '../../src/sheets/attendance.js';
import { cellText, fileNamePart } from '../../src/sheets/cell-text.js';

describe('text from outside in the attendance sheet', () => {
  it('a name that starts like a formula is written with a leading apostrophe; control characters are dropped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cells-'));
    try {
      const path = join(dir, 'a.xlsx');
      const sheet = new AttendanceSheet(path);
      const names = ['=HYPERLINK("http://evil","点我")', '+1+2', '-3', '@SUM(A1)', '\tTAB', '张三\u0007', '正常的名字'];
      sheet.add(names.map((name, i) => ({ name, who: i === 0 ? '=cmd|x' : `user${i}`, watchSeconds: 60, commented: false, mic: false })));
      await sheet.finish({ livingid: 'lv1', theme: '=周会', members: 7, externals: 0, totalWatchSeconds: 420, commenters: 0, micUsers: 0, start: 0, anchor: '@admin' }, 'Asia/Shanghai');
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const column = (sheetName: string, col: number) => book.getWorksheet(sheetName)!.getColumn(col).values.slice(2);
      assert.deepEqual(column('观看名单', 1), ["'=HYPERLINK(\"http://evil\",\"点我\")", "'+1+2", "'-3", "'@SUM(A1)", "'\tTAB", '张三', '正常的名字']);
      assert.equal(column('观看名单', 2)[0], "'=cmd|x");
      const summary = column('汇总', 2);
      assert.equal(summary[0], "'=周会");
      assert.equal(summary[3], "'@admin");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('file names lose separators, control characters and direction overrides', () => {
    assert.equal(fileNamePart('周会/第2期:复盘'), '周会_第2期_复盘');
    assert.equal(fileNamePart('a\u0000b\r\nc'), 'a_b_c');
    assert.equal(fileNamePart('报告\u202Egnp.exe'), '报告_gnp.exe');
    assert.equal(fileNamePart('../../etc/passwd'), 'etc_passwd');
    assert.equal(fileNamePart('\u0001\u0002'), '直播');
    assert.equal(cellText('普通'), '普通');
  });
});
