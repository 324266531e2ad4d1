import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { SentMessage } from '../../src/emulator/messages.js';
import { startBot, waitForMessages, type BotFixture } from '../support/bot.js';

const NOW = Date.parse('2026-11-25T14:00:00+08:00');
const row = (m: SentMessage | undefined, name: string) => m?.card?.horizontal_content_list?.find((r) => r.keyname === name)?.value;

/** The whole life of a live, through encrypted callbacks: change it, remind people, the attendance sheet. */
describe('the life of a live, end to end', () => {
  let f: BotFixture;
  before(async () => {
    f = await startBot({ env: { WECOM_ADMIN_USERIDS: 'admin' } });
    f.emulator.clock.set(NOW);
    f.emulator.directory.add('zhangsan', '张三');
    f.emulator.directory.add('admin', '王管理员');
    f.emulator.directory.add('wangwu', '王五');
  });
  after(() => f.close());

  const say = async (user: string, text: string, replies = 1): Promise<SentMessage[]> => {
    const before = f.emulator.messages.forUser(user).length;
    const { answers } = await f.emulator.callbacks.sendText(user, text);
    assert.equal(answers[0]?.status, 200);
    return (await waitForMessages(f.emulator, user, before + replies, 20_000)).slice(before);
  };
  const click = async (user: string, card: SentMessage, label: string, replies = 1): Promise<SentMessage[]> => {
    const button = card.card?.button_list?.find((b) => b.text === label);
    assert.ok(button?.key, `no ${label} button on ${card.card?.main_title.title}`);
    const before = f.emulator.messages.forUser(user).length;
    await f.emulator.callbacks.clickButton(user, card.card!.task_id!, button.key, f.emulator.messages.clickCode(user, card.card!.task_id!));
    return (await waitForMessages(f.emulator, user, before + replies, 20_000)).slice(before);
  };
  const calls = (path: string) => f.emulator.calls.filter((c) => c.path === path).length;
  const createLive = async (user: string, text: string) => {
    const [card] = await say(user, text);
    const id = row(card, '直播ID');
    assert.ok(id, `no live: ${card?.content}`);
    return { card: card!, id, live: () => f.emulator.lives.get(id) };
  };
  /** Opens a file message's bytes as the member would: the uploaded workbook. */
  const openWorkbook = async (message: SentMessage) => {
    assert.equal(message.msgtype, 'file');
    const media = f.emulator.media.get(message.file?.mediaId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(media.bytes as unknown as ArrayBuffer);
    return { workbook, media };
  };

  describe('修改直播', () => {
    it('changes the time, theme, duration, description and reminder, answering the updated card', async () => {
      const { id, live } = await createLive('zhangsan', '创建直播 周会 明天15:00');
      const [timed] = await say('zhangsan', `修改直播 ${id} 时间 后天16:00`);
      assert.equal(timed?.card?.main_title.desc, '直播已修改');
      assert.equal(row(timed, '开始'), '2026-11-27 16:00 (周五)');
      assert.equal(live().living_start, Date.parse('2026-11-27T16:00:00+08:00') / 1000);
      await say('zhangsan', `修改直播 ${id} 主题 周会（改）`);
      await say('zhangsan', `修改直播：${id}，时长 2小时`);
      await say('zhangsan', `modify ${id} 描述 第二季度总结`);
      const [reminded] = await say('zhangsan', `修改直播 ${id} 提醒 提前30分钟`);
      assert.equal(row(reminded, '提醒'), '提前30分钟');
      const after = live();
      assert.deepEqual([after.theme, after.living_duration, after.description, after.remind_time], ['周会（改）', 7200, '第二季度总结', 1800]);
      assert.equal(row(reminded, '主播'), '张三（zhangsan）', 'cards name the anchor');
    });

    it('takes the create question’s words for no description: 不用, 跳过, 清空, 无', async () => {
      const { id, live } = await createLive('qianqi', '创建直播 周会 明天15:00 本周进展同步');
      for (const nothing of ['不用', '跳过', '清空', '无']) {
        await say('qianqi', `修改直播 ${id} 描述 第二季度总结`);
        assert.equal(live().description, '第二季度总结');
        const [cleared] = await say('qianqi', `修改直播 ${id} 描述 ${nothing}`);
        assert.match(cleared?.card?.main_title.desc ?? '', /直播已修改/);
        assert.equal(live().description ?? '', '', nothing);
      }
    });

    it('a range as the new time also changes the duration; two fields in one message', async () => {
      const { id, live } = await createLive('zhangsan', '创建直播 复盘 明天15:00');
      await say('zhangsan', `修改直播 ${id} 时间 后天9:00-11:30`);
      assert.deepEqual([live().living_start, live().living_duration], [Date.parse('2026-11-27T09:00:00+08:00') / 1000, 9000]);
      await say('zhangsan', `修改直播 ${id} 主题 新复盘 时长 1小时`);
      assert.deepEqual([live().theme, live().living_duration], ['新复盘', 3600]);
    });

    it('a move written as a verb: 改到, 推迟到, 改期 (tried in the group chat)', async () => {
      const { id, live } = await createLive('zhangsan', '创建直播 挪动会 明天15:00');
      await say('zhangsan', `修改直播 ${id} 改到后天16:30`);
      assert.equal(live().living_start, Date.parse('2026-11-27T16:30:00+08:00') / 1000);
      await say('zhangsan', `改期 ${id} 后天14:00`);
      assert.equal(live().living_start, Date.parse('2026-11-27T14:00:00+08:00') / 1000);
      await say('zhangsan', `修改直播 ${id} 推迟到 后天下午5点`);
      assert.equal(live().living_start, Date.parse('2026-11-27T17:00:00+08:00') / 1000);
    });

    it('a live described instead of its ID: the matching ones are listed with the message to send, none is changed', async () => {
      const { id, live } = await createLive('zhaoliu', '创建直播 周会 明天15:00');
      await createLive('zhaoliu', '创建直播 周会 后天15:00');
      await createLive('zhaoliu', '创建直播 评审 明天16:00');
      const modifies = calls('living/modify');
      const [listed] = await say('zhaoliu', '帮我把明天的周会改到后天下午5点');
      assert.equal(listed?.content, `是这场吗？确认请发送：\n1.「周会」11-26 15:00 (周四) · 发送「修改直播 ${id} 改到后天下午5点」`);
      assert.equal(calls('living/modify'), modifies, 'nothing changed on a guess');
      await say('zhaoliu', `修改直播 ${id} 改到后天下午5点`);
      assert.equal(live().living_start, Date.parse('2026-11-27T17:00:00+08:00') / 1000);
      const [both] = await say('zhaoliu', '取消周会');
      assert.match(both?.content ?? '', /^找到2场，请发送要操作那一场的命令：\n1\.「周会」.*发送「取消直播 lv/);
      assert.equal(f.emulator.lives.all().filter((l) => l.anchor_userid === 'zhaoliu' && f.emulator.lives.status(l) === 4).length, 0, 'none cancelled');
    });

    it('refuses a member who is neither anchor nor admin, and a live that has started, without calling living/modify', async () => {
      const { id } = await createLive('zhangsan', '创建直播 已开始 今晚8点');
      const before = calls('living/modify');
      const [refused] = await say('lisi', `修改直播 ${id} 时间 后天15:00`);
      assert.equal(refused?.content, '只有主播或管理员可以修改这场直播。');
      f.emulator.clock.set(Date.parse('2026-11-25T20:10:00+08:00'));
      try {
        const [started] = await say('zhangsan', `修改直播 ${id} 时间 后天15:00`);
        assert.equal(started?.content, '这场直播已开始，只能修改预约中（尚未开始）的直播。');
      } finally {
        f.emulator.clock.set(NOW);
      }
      assert.equal(calls('living/modify'), before, 'WeCom was not called');
    });

    it('the card’s 修改 asks what to change, and the answer changes it; an admin’s change is told to the anchor', async () => {
      const { card, id, live } = await createLive('zhangsan', '创建直播 例会 明天15:00');
      const [question] = await click('zhangsan', card, '修改');
      assert.match(question?.content ?? '', /^修改直播「例会」：要修改什么？例如：时间 后天15:00/);
      const [updated] = await say('zhangsan', '后天10点');
      assert.equal(row(updated, '开始'), '2026-11-27 10:00 (周五)');
      assert.equal(live().living_start, Date.parse('2026-11-27T10:00:00+08:00') / 1000);

      const before = f.emulator.messages.forUser('zhangsan').length;
      const [byAdmin] = await say('admin', `修改直播 ${id} 时长 90分钟`);
      assert.equal(byAdmin?.card?.main_title.desc, '直播已修改');
      const [told] = (await waitForMessages(f.emulator, 'zhangsan', before + 1)).slice(before);
      assert.equal(told?.content, '你的直播「例会」（2026-11-27 10:00 (周五)）已被管理员 王管理员（admin） 修改：时长 1小时30分钟。');
    });

    it('asks for what is missing, and 取消 leaves the live as it was', async () => {
      const { id, live } = await createLive('zhangsan', '创建直播 不变 明天15:00');
      const [what] = await say('zhangsan', `修改直播 ${id}`);
      assert.match(what?.content ?? '', /要修改什么？/);
      assert.equal((await say('zhangsan', '取消'))[0]?.content, '好的，已放弃，直播没有改动。');
      const [whenAgain] = await say('zhangsan', `修改直播 ${id} 时间 后天下午`);
      assert.match(whenAgain?.content ?? '', /11月27日几点开始？/);
      await say('zhangsan', '下午4点');
      assert.equal(live().living_start, Date.parse('2026-11-27T16:00:00+08:00') / 1000);
      // A new day alone keeps the live's own hour.
      await say('zhangsan', `修改直播 ${id} 时间 大后天`);
      assert.equal(live().living_start, Date.parse('2026-11-28T16:00:00+08:00') / 1000);
    });
  });

  describe('reminders', () => {
    it('提前1小时提醒 and 不提醒 set remind_time; otherwise the configured default (15 minutes)', async () => {
      const hour = await createLive('zhaoliu', '创建直播 提醒一 明天15:00 提前1小时提醒');
      assert.equal(hour.live().remind_time, 3600);
      assert.equal(row(hour.card, '提醒'), '提前1小时');
      const none = await createLive('zhaoliu', '创建直播 提醒二 明天15:00 不提醒');
      assert.equal(none.live().remind_time, 0);
      assert.equal(row(none.card, '提醒'), '不提醒');
      const fallback = await createLive('zhaoliu', '创建直播 提醒三 明天15:00');
      assert.equal(fallback.live().remind_time, 900);
      assert.equal(row(fallback.card, '提醒'), '提前15分钟');
    });
  });

  describe('导出观看统计', () => {
    it('5,000 viewers over many pages: every row, names resolved, a member WeCom will not describe by userid, external viewers by name', async () => {
      const { id } = await createLive('wangwu', '创建直播 安全培训 明天15:00');
      const users = Array.from({ length: 4990 }, (_, i) => ({ userid: `staff${i}`, watch_time: 60 * (i % 120) + 30, is_comment: i % 3 === 0 ? 1 : 0, is_mic: i % 100 === 0 ? 1 : 0 }));
      for (let i = 0; i < 4990; i++) if (i !== 7) f.emulator.directory.add(`staff${i}`, `员工${i}`);
      f.emulator.directory.hide('staff7');
      const externals = Array.from({ length: 10 }, (_, i) => ({ external_userid: `wmExt${i}`, type: i % 2 === 0 ? 1 : 2, name: `客户${i}`, watch_time: 600, is_comment: 0, is_mic: 0 }));
      f.emulator.lives.addViewers(id, users, externals);
      f.emulator.lives.watchStatPageSize = 100;
      // Slow pages, as a real audience of thousands is: the member hears that the sheet is being made.
      f.emulator.faults.delay('living/get_watch_stat', 60);
      try {
        const pages = calls('living/get_watch_stat');
        const replies = await say('wangwu', `导出观看统计 ${id}`, 3);
        assert.match(replies[0]?.content ?? '', /^正在生成「安全培训」的观看名单/);
        const file = replies.find((m) => m.msgtype === 'file')!;
        assert.match(file.file?.filename ?? '', /^观看名单-安全培训-.{6}\.xlsx$/);
        assert.match(replies.at(-1)?.content ?? '', /^「安全培训」观看名单：5000位观众（成员4990，外部10）/);
        assert.equal(calls('living/get_watch_stat') - pages, 50, 'every page read');
        const { workbook } = await openWorkbook(file);
        const sheet = workbook.getWorksheet('观看名单')!;
        assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['姓名', 'userid', '观看时长（分钟）', '评论', '连麦']);
        assert.equal(sheet.rowCount, 5001, 'a header and one row per viewer');
        const byWho = new Map<string, unknown[]>();
        sheet.eachRow((r, n) => {
          if (n > 1) byWho.set(`${r.getCell(2).value}:${r.getCell(1).value}`, r.values as unknown[]);
        });
        assert.deepEqual(byWho.get('staff0:员工0')?.slice(1), ['员工0', 'staff0', 0.5, '是', '是']);
        assert.ok(byWho.has('staff7:staff7'), 'a member WeCom will not describe (60011) appears by userid');
        assert.ok(byWho.has('外部联系人（微信）:客户0') && byWho.has('外部联系人（企业微信）:客户1'), 'external viewers by name');
        const summary = workbook.getWorksheet('汇总')!;
        const summaryRows = new Map<string, unknown>();
        summary.eachRow((r) => void summaryRows.set(String(r.getCell(1).value), r.getCell(2).value));
        assert.equal(summaryRows.get('观看人数'), 5000);
        assert.equal(summaryRows.get('外部观众'), 10);
        assert.equal(summaryRows.get('主播'), '王五');
      } finally {
        f.emulator.faults.clear();
        f.emulator.lives.watchStatPageSize = 100;
      }
    });

    it('an export while the live is on air says its figures are so far (截至目前)', async () => {
      const start = Math.floor(f.emulator.clock.now() / 1000) + 60;
      const { livingid } = f.emulator.lives.create({ anchor_userid: 'onair', theme: '进行中', living_start: start, living_duration: 3600 });
      f.emulator.lives.addViewers(livingid, [{ userid: 'v1', watch_time: 60, is_comment: 0, is_mic: 0 }]);
      f.emulator.clock.advance(120_000);
      try {
        const replies = await say('onair', `导出观看统计 ${livingid}`, 2);
        assert.match(replies.at(-1)?.content ?? '', /^「进行中」观看名单（直播进行中，截至目前）：1位观众/);
      } finally {
        f.emulator.clock.advance(-120_000);
      }
    });

    it('refuses a member who is neither anchor nor admin: nothing is uploaded', async () => {
      const { id } = await createLive('wangwu', '创建直播 私密培训 明天15:00');
      f.emulator.lives.addViewers(id, [{ userid: 'x', watch_time: 60, is_comment: 0, is_mic: 0 }]);
      const uploads = calls('media/upload');
      const [refused] = await say('lisi', `导出观看统计 ${id}`);
      assert.equal(refused?.content, '只有主播或管理员可以导出这场直播的观看名单。');
      assert.equal(calls('media/upload'), uploads);
    });

    it('when a live ends its anchor gets the summary card, and 导出名单 on it delivers the file', async () => {
      const { id } = await createLive('wangwu', '创建直播 结营 明天15:00 1小时');
      f.emulator.lives.addViewers(id, [
        { userid: 'wangwu', watch_time: 3600, is_comment: 1, is_mic: 0 },
        { userid: 'staff1', watch_time: 1800, is_comment: 0, is_mic: 0 },
      ]);
      const before = f.emulator.messages.forUser('wangwu').length;
      await f.emulator.callbacks.livingStatusChange('wangwu', id, 2);
      const [ended] = (await waitForMessages(f.emulator, 'wangwu', before + 1)).slice(before);
      assert.equal(ended?.card?.main_title.desc, '⏹ 你的直播已结束');
      assert.deepEqual(ended?.card?.emphasis_content, { title: '2', desc: '观看人数' });
      assert.equal(row(ended, '总观看时长'), '1小时30分钟');
      assert.equal(row(ended, '平均时长'), '45分钟');
      assert.equal(row(ended, '评论人数'), '1人');
      const replies = await click('wangwu', ended!, '导出名单', 2);
      const { workbook } = await openWorkbook(replies.find((m) => m.msgtype === 'file')!);
      assert.equal(workbook.getWorksheet('观看名单')!.rowCount, 3);
    });
  });
});
