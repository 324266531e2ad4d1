// A series of lives (issue 22), end to end through encrypted callbacks: the dates shown and confirmed, every live
// created, a run that died halfway finished without duplicates, and 取消系列 cancelling what has not started.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SentMessage } from '../../src/emulator/messages.js';
import { startBot, waitForMessages, type BotFixture } from '../support/bot.js';

const NOW = Date.parse('2026-11-25T14:00:00+08:00');

describe('a series of lives from one message', () => {
  let f: BotFixture;
  before(async () => {
    f = await startBot({ env: { WECOM_ADMIN_USERIDS: 'hr' } });
    f.emulator.clock.set(NOW);
  });
  after(() => f.close());
  const say = async (user: string, text: string): Promise<SentMessage> => {
    const before = f.emulator.messages.forUser(user).length;
    await f.emulator.callbacks.sendText(user, text);
    return (await waitForMessages(f.emulator, user, before + 1))[before]!;
  };
  const livesOf = (user: string) => f.emulator.lives.all().filter((l) => l.anchor_userid === user).sort((a, b) => a.living_start - b.living_start);

  it('shows the dates it understood and creates nothing until 是; then every session, with the series ID', async () => {
    const question = await say('hr', '创建直播 周会 每周一10:00 共8次');
    assert.equal(question.content, '要创建系列直播「周会」吗？每周一 10:00，共8场：11月30日、12月07日、12月14日、12月21日、12月28日、01月04日、01月11日、01月18日。要创建吗？回复「是」创建，或者直接写要改的地方（回复「取消」可放弃）');
    assert.equal(livesOf('hr').length, 0);
    const done = await say('hr', '是');
    assert.match(done.content, /^已创建系列直播「周会」，共8场（系列ID (sr\w+)）：\n1\. 2026-11-30 10:00 \(周一\) lv/);
    const lives = livesOf('hr');
    assert.equal(lives.length, 8);
    assert.deepEqual(lives.map((l) => new Date(l.living_start * 1000 + 8 * 3600e3).toISOString().slice(0, 16)), [
      '2026-11-30T10:00', '2026-12-07T10:00', '2026-12-14T10:00', '2026-12-21T10:00', '2026-12-28T10:00', '2027-01-04T10:00', '2027-01-11T10:00', '2027-01-18T10:00',
    ]);
    // 我的直播 shows the series as one row: the next session, standing for the seven after it.
    const list = await say('hr', '我的直播');
    assert.deepEqual(list.card?.horizontal_content_list?.map((r) => r.value), ['11-30 10:00 (周一) 周会 · 系列1/8，还有7场']);
    assert.equal(list.card?.main_title.desc, '共8场');
  });

  it('a training series with an audience: one invitation for every session, each session on the calendars and with its audience', async () => {
    const d = f.emulator.directory;
    d.addDepartment(20, '培训班', 1);
    d.add('xueyuan1', '学员一', [20]);
    d.add('xueyuan2', '学员二', [20]);
    d.add('peixun', '培训主管', [1]);
    const asked = await say('peixun', '创建直播 新人培训 下周一到周三每天上午9点 1小时 邀请 培训班');
    assert.match(asked.content ?? JSON.stringify(asked), /^要创建系列直播「新人培训」吗？.*共3场：11月30日、12月01日、12月02日/);
    const done = await say('peixun', '是');
    assert.match(done.content, /^已创建系列直播「新人培训」，共3场/);
    assert.match(done.content, /\n已邀请 2 人（培训班）：这次发出邀请 2 人。\n每一场都已加入主播和 2 位受邀人的日程。\n/);
    const lives = livesOf('peixun');
    assert.equal(lives.length, 3);
    // One invitation for the course, listing every session — not three.
    const invitations = f.emulator.messages.forUser('xueyuan1').filter((m) => m.content.startsWith('直播邀请'));
    assert.equal(invitations.length, 1);
    assert.equal(invitations[0]!.content, '直播邀请：培训主管邀请你观看系列直播「新人培训」，共3场：\n1. 11-30 09:00 (周一)\n2. 12-01 09:00 (周二)\n3. 12-02 09:00 (周三)\n每场开始前企业微信会提醒；在「工作台 → 直播」中观看，错过的场次可看回放。');
    // Every session is on each member's calendar, and has its own audience (完成情况 per session).
    assert.deepEqual(f.emulator.schedules.forUser('xueyuan2').map((e) => e.start_time).sort(), lives.map((l) => l.living_start));
    const completion = await say('peixun', `完成情况 ${lives[1]!.livingid}`);
    assert.equal(completion.content, '直播「新人培训」还没有开始，已邀请 2 人。开始后可以查看完成情况。');
    // A name that matches nothing creates no session at all.
    assert.match((await say('peixun', '创建直播 复训 下周四到周五每天上午9点 邀请 不存在的部门')).content, /^要创建系列直播/);
    assert.match((await say('peixun', '是')).content, /^直播没有创建，邀请名单有问题/);
    assert.equal(livesOf('peixun').length, 3);
  });

  it('a rule it cannot read exactly is sent back, never guessed', async () => {
    assert.equal((await say('li', '创建直播 早会 每周一上午9点')).content, '直播「早会」：「每周一」一共几次，或到哪天为止？例如 共8次、直到1月底（也可以只写一个日期，只建那一场）什么时候开始？例如 明天15:00（回复「取消」可放弃）');
    // The answer completes the rule, and the dates are shown before anything is made.
    assert.match((await say('li', '共4次')).content, /^要创建系列直播「早会」吗？每周一 09:00，共4场：11月30日、12月07日、12月14日、12月21日。/);
    assert.equal((await say('li', '取消')).content, '好的，已放弃，什么也没有创建。');
    assert.match((await say('li', '创建直播 打卡 每天上午9点 共60次')).content, /一个系列最多52场/);
    assert.equal(livesOf('li').length, 0);
  });

  it('修改系列 changes every session still to come, each on its own day; a new date is per session', async () => {
    const done = f.emulator.messages.forUser('hr').find((m) => m.content.startsWith('已创建系列直播'))!;
    const seriesId = /系列ID (sr\w+)/.exec(done.content)![1]!;
    assert.equal((await say('hr', `修改系列 ${seriesId} 改到16:00`)).content, '系列「周会」：已修改 8 场还没开始的直播。');
    const hours = livesOf('hr').map((l) => new Date(l.living_start * 1000 + 8 * 3600e3).toISOString().slice(5, 16));
    assert.deepEqual(hours, ['11-30T16:00', '12-07T16:00', '12-14T16:00', '12-21T16:00', '12-28T16:00', '01-04T16:00', '01-11T16:00', '01-18T16:00']);
    assert.equal((await say('hr', `修改系列 ${seriesId} 主题 周例会`)).content, '系列「周会」：已修改 8 场还没开始的直播。');
    assert.ok(livesOf('hr').every((l) => l.theme === '周例会'));
    assert.match((await say('hr', `修改系列 ${seriesId} 时间 下周二`)).content, /^系列里每一场的日期不同/);
  });

  it('导出观看统计 系列ID: a member × session workbook, per-session totals and the series’ completion rate', async () => {
    const done = f.emulator.messages.forUser('hr').find((m) => m.content.startsWith('已创建系列直播'))!;
    const seriesId = /系列ID (sr\w+)/.exec(done.content)![1]!;
    const [first, second] = livesOf('hr');
    // The first two sessions took place (moved into the past, as the emulator allows); members watched some of them.
    f.emulator.lives.addViewers(first!.livingid, [{ userid: 'zhangsan', watch_time: 3000, is_comment: 0, is_mic: 0 }, { userid: 'lisi', watch_time: 600, is_comment: 0, is_mic: 0 }]);
    // WeCom's userids are case-insensitive: LISI is lisi, one member.
    f.emulator.lives.addViewers(second!.livingid, [{ userid: 'zhangsan', watch_time: 3500, is_comment: 0, is_mic: 0 }, { userid: 'LISI', watch_time: 120, is_comment: 0, is_mic: 0 }]);
    const saved = [first!.living_start, second!.living_start];
    first!.living_start = Math.floor(NOW / 1000) - 3 * 86400;
    second!.living_start = Math.floor(NOW / 1000) - 2 * 86400;
    try {
      const before = f.emulator.messages.forUser('hr').length;
      await f.emulator.callbacks.sendText('hr', `导出观看统计 ${seriesId}`);
      const [file, said] = (await waitForMessages(f.emulator, 'hr', before + 2)).slice(before);
      assert.equal(said?.content, '系列「周例会」：8场（已举行2场），2位成员，系列完成率50%。');
      const { default: ExcelJS } = await import('exceljs');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(f.emulator.media.get(file!.file!.mediaId).bytes as unknown as ArrayBuffer);
      assert.deepEqual(book.worksheets.map((w) => w.name), ['系列出勤', '各场汇总', '汇总']);
      const grid = book.getWorksheet('系列出勤')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
      const zhang = grid.find((r) => r[1] === 'zhangsan')!;
      assert.deepEqual([zhang[2], zhang[3], zhang.at(-2), zhang.at(-1)], ['50 ✓', '58.3 ✓', '2/2', '100%']);
      const li = grid.find((r) => r[1] === 'lisi')!;
      assert.deepEqual([li[2], li[3], li.at(-2), li.at(-1)], ['10', '2', '0/2', '0%']);
      assert.equal(grid.filter((r) => r.length > 0).length, 2);
    } finally {
      first!.living_start = saved[0]!;
      second!.living_start = saved[1]!;
    }
  });

  it('取消系列 cancels the sessions still to come; the ones that started stay', async () => {
    const [first] = livesOf('hr');
    const done = f.emulator.messages.forUser('hr').find((m) => m.content.startsWith('已创建系列直播'))!;
    const seriesId = /系列ID (sr\w+)/.exec(done.content)![1]!;
    assert.match((await say('zhangsan', `取消系列 ${seriesId}`)).content, /^只有主播或管理员/);
    f.emulator.clock.set(first!.living_start * 1000 + 60_000);
    const said = await say('hr', `取消系列 ${seriesId}`);
    assert.equal(said.content, '系列「周例会」：已取消 7 场还没开始的直播。\n已开始或已结束的 1 场保留：2026-11-30 16:00 (周一)');
    assert.deepEqual(livesOf('hr').map((l) => f.emulator.lives.status(l)), [1, 4, 4, 4, 4, 4, 4, 4]);
  });
});
