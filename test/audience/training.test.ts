// A training run from a chat, end to end through encrypted callbacks against the emulator: an invited audience
// (departments with those below them, tags, members), invitations in batches within the daily quota, the audience
// frozen at the start, completion by department, the workbook's sheets, and a nudge once a day.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { SentMessage } from '../../src/emulator/messages.js';
import { startBot, waitForMessages, type BotFixture } from '../support/bot.js';

const NOW = Date.parse('2026-11-25T14:00:00+08:00');
const row = (m: SentMessage | undefined, name: string) => m?.card?.horizontal_content_list?.find((r) => r.keyname === name)?.value;

describe('a training from a chat: invited audience, completion, nudge', () => {
  let f: BotFixture;
  before(async () => {
    f = await startBot({ env: { WECOM_ADMIN_USERIDS: 'hr' } });
    f.emulator.clock.set(NOW);
    const d = f.emulator.directory;
    d.addDepartment(2, '销售部', 1);
    d.addDepartment(3, '华东销售', 2);
    d.addDepartment(4, '研发部', 1);
    d.addDepartment(5, '市场部', 1);
    d.add('zhangsan', '张三', [2]);
    d.add('lisi', '李四', [3]);
    d.add('wangwu', '王五', [4]);
    d.add('zhaoliu', '赵六', [3]);
    d.add('sunqi', '孙七', [4]);
    d.add('hr', '人事', [1]);
    d.addTag(7, '新员工', ['wangwu']);
  });
  after(() => f.close());

  /** Sends `text` as `user`; returns the replies it caused (`count` of them). */
  const say = async (user: string, text: string, count = 1): Promise<SentMessage[]> => {
    const before = f.emulator.messages.forUser(user).length;
    const { answers } = await f.emulator.callbacks.sendText(user, text);
    assert.equal(answers[0]?.status, 200);
    return (await waitForMessages(f.emulator, user, before + count)).slice(before);
  };
  const invitationsTo = (user: string) => f.emulator.messages.forUser(user).filter((m) => m.card?.main_title.desc === '直播邀请');

  it('创建直播 … 邀请 销售部、标签:新员工: the live, then every member invited once, with the live’s card', async () => {
    const [card, said] = await say('hr', '创建直播 新人培训 明天15:00 1小时 邀请 销售部、标签:新员工', 2);
    assert.equal(card?.card?.main_title.desc, '直播已创建');
    assert.equal(said?.content, '已邀请 4 人（销售部、标签「新员工」）：这次发出邀请 4 人。\n已加入主播和 4 位受邀人的日程。');
    // On everyone's calendar (issue 22): organized by the anchor, the audience attending, reminded as the live is.
    const [entry] = f.emulator.schedules.forUser('zhaoliu');
    assert.equal(entry?.summary, '【直播】新人培训');
    assert.equal(entry?.organizer, 'hr');
    assert.deepEqual([entry?.start_time, entry?.end_time], [Date.parse('2026-11-26T15:00:00+08:00') / 1000, Date.parse('2026-11-26T16:00:00+08:00') / 1000]);
    assert.equal(entry?.remind_before_event_secs, 900);
    assert.match(entry?.description ?? '', /^直播ID：lv/);
    assert.deepEqual(entry?.attendees.sort(), ['lisi', 'wangwu', 'zhangsan', 'zhaoliu']);
    for (const user of ['zhangsan', 'lisi', 'zhaoliu', 'wangwu']) {
      const [invitation] = invitationsTo(user);
      assert.equal(invitation?.card?.main_title.title, '新人培训', user);
      assert.equal(row(invitation, '开始'), '2026-11-26 15:00 (周四)');
      assert.deepEqual(invitation?.card?.button_list?.map((b) => b.text), ['查看详情', '加入日程'], 'members see the live, not its admin buttons');
    }
    assert.equal(invitationsTo('sunqi').length, 0, '研发部 was not invited');
  });

  it('names that match nothing or two departments are said, and nothing is created', async () => {
    // A second 销售部 appears; the bot reads department names again after 10 minutes.
    f.emulator.directory.addDepartment(6, '销售部', 5);
    f.emulator.clock.set(NOW + 11 * 60_000);
    const lives = f.emulator.lives.size;
    const [unknown] = await say('hr', '创建直播 安全培训 明天16:00 邀请 财务部');
    assert.equal(unknown?.content, '直播没有创建，邀请名单有问题：\n找不到「财务部」：不是可见范围内的部门、标签或成员。\n请改正后重新发送。');
    const [twice] = await say('hr', '创建直播 安全培训 明天16:00 邀请 销售部');
    assert.equal(twice?.content, '直播没有创建，邀请名单有问题：\n「销售部」有2个部门：公司/销售部、市场部/销售部。请写上一级，例如 部门:公司/销售部\n请改正后重新发送。');
    assert.equal(f.emulator.lives.size, lives);
    // Written with its department above, it is one.
    const [card, said] = await say('hr', '创建直播 安全培训 明天16:00 邀请 部门:市场部/销售部', 2);
    assert.equal(card?.card?.main_title.desc, '直播已创建');
    assert.match(said?.content ?? '', /^已邀请 0 人（销售部）/);
    assert.match(said?.content ?? '', /已加入主播和 0 位受邀人的日程。$/);
  });

  it('邀请 ID later: adds members, sends only to those not invited yet, and names those outside the visible range', async () => {
    const live = f.emulator.lives.all().find((l) => l.theme === '新人培训')!;
    f.emulator.directory.setVisibleRange({ departments: [2, 5], userids: ['wangwu', 'hr'] });
    try {
      const [said] = await say('hr', `邀请 ${live.livingid} 王五 sunqi`);
      // The names read before the range changed still name 孙七; WeCom itself refuses to describe them now (60011).
      assert.equal(said?.content, '已邀请 4 人（王五（wangwu）、孙七（sunqi））：都已收到过邀请，这次没有再发。\n不在应用可见范围内，未能邀请：孙七（sunqi）（请管理员把它们加入应用的可见范围）。');
      assert.equal(invitationsTo('wangwu').length, 1, 'invited once, through the tag');
    } finally {
      f.emulator.directory.setVisibleRange({ departments: [1] });
    }
    const [more] = await say('hr', `邀请 ${live.livingid} 研发部`);
    assert.equal(more?.content, '已邀请 5 人（研发部）：这次发出邀请 1 人。');
    assert.equal(invitationsTo('sunqi').length, 1);
    const [notYours] = await say('zhangsan', `邀请 ${live.livingid} 研发部`);
    assert.equal(notYours?.content, '只有主播或管理员可以邀请观众。');
    // 邀请 without an ID is a sentence to colleagues, not the command.
    const [noId] = await say('hr', '邀请大家准时参加');
    assert.match(noId?.content ?? '', /^没看懂这条消息/);
  });

  it('the audience is frozen when the live starts: who joined 销售部 before is in, who joined after is not', async () => {
    const live = f.emulator.lives.all().find((l) => l.theme === '新人培训')!;
    f.emulator.directory.add('qianba', '钱八', [3]);
    f.emulator.clock.set(Date.parse('2026-11-26T15:00:00+08:00'));
    const told = f.emulator.messages.forUser('hr').length;
    await f.emulator.callbacks.livingStatusChange('hr', live.livingid, 1);
    assert.match((await waitForMessages(f.emulator, 'hr', told + 1))[told]?.content ?? '', /^🔴 你的直播「新人培训」/);
    f.emulator.directory.add('zhoujiu', '周九', [3]);
    f.emulator.clock.set(Date.parse('2026-11-26T16:10:00+08:00'));
    f.emulator.lives.addViewers(live.livingid, [
      { userid: 'zhangsan', watch_time: 3000, is_comment: 1, is_mic: 0 },
      { userid: 'lisi', watch_time: 1200, is_comment: 0, is_mic: 0 },
      { userid: 'zhoujiu', watch_time: 3600, is_comment: 0, is_mic: 0 },
    ]);
    const [card] = await say('hr', `完成情况 ${live.livingid}`);
    assert.equal(card?.card?.main_title.desc, '完成情况');
    assert.equal(card?.card?.emphasis_content?.title, '16%');
    assert.equal(card?.card?.emphasis_content?.desc, '完成率（1/6人）');
    assert.equal(row(card, '邀请'), '6人', '钱八 joined 华东销售 before the start; 周九 after it');
    assert.equal(row(card, '已完成'), '1人', '张三: 50 of 60 minutes, over 80%');
    assert.equal(row(card, '部分观看'), '1人');
    assert.equal(row(card, '未观看'), '4人');
    assert.equal(row(card, '完成标准'), '观看满48分钟');
    assert.equal(row(card, '未邀请观众'), '1人');
    assert.equal(card?.card?.sub_title_text, '按部门完成：华东销售 0/3 · 研发部 0/2 · 销售部 1/1');
    assert.deepEqual(card?.card?.button_list?.map((b) => b.text), ['催看（5人）', '导出名单', '刷新']);
    const [refused] = await say('lisi', `完成情况 ${live.livingid}`);
    assert.equal(refused?.content, '只有主播或管理员可以查看完成情况。');
  });

  it('the workbook gains 完成情况 and 部门汇总, read back with exceljs', async () => {
    const live = f.emulator.lives.all().find((l) => l.theme === '新人培训')!;
    const [file] = await say('hr', `导出观看统计 ${live.livingid}`, 2);
    const upload = f.emulator.media.get(file!.file!.mediaId);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(upload.bytes as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((w) => w.name), ['观看名单', '完成情况', '部门汇总', '汇总']);
    const members = book.getWorksheet('完成情况')!;
    const rows = members.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    assert.deepEqual(rows.find((r) => r[1] === 'zhangsan'), ['张三', 'zhangsan', '销售部', '是', 50, '已完成']);
    assert.deepEqual(rows.find((r) => r[1] === 'lisi'), ['李四', 'lisi', '华东销售', '是', 20, '部分观看']);
    assert.equal(rows.length, 6);
    const departments = book.getWorksheet('部门汇总')!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    assert.deepEqual(departments[0], ['华东销售', 3, 0, 1, 2, '0%']);
  });

  it('催看 reminds those who have not completed, once a day; after more replay watching the card moves', async () => {
    const live = f.emulator.lives.all().find((l) => l.theme === '新人培训')!;
    f.emulator.clock.set(Date.parse('2026-11-26T15:30:00+08:00'));
    const [onAir] = await say('hr', `催看 ${live.livingid}`);
    assert.equal(onAir?.content, '直播「新人培训」还在直播中，没有回放可以催看。');
    f.emulator.clock.set(Date.parse('2026-11-27T10:00:00+08:00'));
    const [sent] = await say('hr', `催看 ${live.livingid}`);
    assert.equal(sent?.content, '已提醒 5 位未完成的成员观看「新人培训」的回放（邀请 6 人，已完成 1 人）。');
    const [reminder] = f.emulator.messages.forUser('lisi').slice(-1);
    assert.equal(reminder?.content, '📺 你还没有看完直播「新人培训」（2026-11-26 15:00 (周四)），完成需观看满48分钟。请在企业微信「工作台 → 直播」中观看回放。');
    assert.equal(f.emulator.messages.forUser('zhangsan').filter((m) => m.content.startsWith('📺')).length, 0, 'completed: not nudged');
    const [again] = await say('hr', `催看 ${live.livingid}`);
    assert.equal(again?.content, '今天 10:00 已经催看过（5人），每场直播每天最多催看一次，明天可以再催。');
    f.emulator.lives.watchMore(live.livingid, 'lisi', 2400);
    const [card] = await say('hr', `完成情况 ${live.livingid}`);
    assert.equal(row(card, '已完成'), '2人', '李四 watched the replay');
    assert.equal(row(card, '上次催看'), '2026-11-27 10:00 (周五) 5人');
    f.emulator.clock.set(Date.parse('2026-11-28T10:00:00+08:00'));
    const [nextDay] = await say('hr', `催看 ${live.livingid}`);
    assert.match(nextDay?.content ?? '', /^已提醒 4 位未完成的成员/);
  });

  it('a big department goes out 1,000 members a call, and the daily quota holds the rest back — sent again the next day', async () => {
    const d = f.emulator.directory;
    d.addDepartment(10, '客服中心', 1);
    for (let i = 0; i < 2500; i++) d.add(`kf${i}`, `客服${i}`, [10]);
    // Names are read again 10 minutes after the last read.
    f.emulator.clock.set(Date.parse('2026-11-28T10:20:00+08:00'));
    const calls = f.emulator.messages.sends.length;
    const [, said] = await say('hr', '创建直播 服务规范培训 明天10:00 邀请 客服中心', 2);
    assert.equal(said?.content, '已邀请 2500 人（客服中心）：这次发出邀请 2500 人。\n已加入主播和 2500 位受邀人的日程。');
    const entry = f.emulator.schedules.all().find((s) => s.summary === '【直播】服务规范培训');
    assert.equal(entry?.attendees.length, 2500, 'the first 1,000 with the entry, the rest in calls of 1,000');
    assert.deepEqual(f.emulator.messages.sends.slice(calls, calls + 3).map((s) => s.recipients), [1000, 1000, 500]);
  });
});

describe('the app’s daily message quota (WECOM_DAILY_SEND_QUOTA)', () => {
  let f: BotFixture;
  before(async () => {
    f = await startBot({ env: { WECOM_ADMIN_USERIDS: 'hr', WECOM_DAILY_SEND_QUOTA: '1500' } });
    f.emulator.clock.set(NOW);
    f.emulator.directory.addDepartment(10, '客服中心', 1);
    for (let i = 0; i < 2500; i++) f.emulator.directory.add(`kf${i}`, `客服${i}`, [10]);
  });
  after(() => f.close());

  it('sends what the quota allows, says how many were held back, and sends them when the invitation is sent again the next day', async () => {
    const before = f.emulator.messages.forUser('hr').length;
    await f.emulator.callbacks.sendText('hr', '创建直播 服务规范培训 后天10:00 邀请 客服中心');
    const [, said] = (await waitForMessages(f.emulator, 'hr', before + 2)).slice(before);
    assert.equal(said?.content, '已邀请 2500 人（客服中心）：这次发出邀请 1500 人。\n1000 人因应用今天的消息配额已用完没有发出，明天可再发送一次同样的邀请补发。\n已加入主播和 2500 位受邀人的日程。');
    const live = f.emulator.lives.all()[0]!;
    f.emulator.clock.set(NOW + 24 * 3_600_000);
    const next = f.emulator.messages.forUser('hr').length;
    await f.emulator.callbacks.sendText('hr', `邀请 ${live.livingid} 客服中心`);
    const [again] = (await waitForMessages(f.emulator, 'hr', next + 1)).slice(next);
    assert.equal(again?.content, '已邀请 2500 人（客服中心）：这次发出邀请 1000 人。');
    const invited = Array.from({ length: 2500 }, (_, i) => f.emulator.messages.forUser(`kf${i}`).length);
    assert.ok(invited.every((n) => n === 1), 'every member exactly one invitation');
  });
});
