// A live on everyone's calendar (issue 22), end to end through encrypted callbacks against the emulator's 日程.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemorySendQuota } from '../../src/audience/quota.js';
import { LiveCalendar, nearestReminder } from '../../src/calendar/live-calendar.js';
import { MemoryExpiringStore } from '../../src/expiring.js';
import { createLogger } from '../../src/log.js';
import type { SentMessage } from '../../src/emulator/messages.js';
import { startBot, waitForMessages, type BotFixture } from '../support/bot.js';
import { startClient } from '../support/client.js';

const NOW = Date.parse('2026-11-25T14:00:00+08:00');
const at = (local: string) => Date.parse(`${local}:00+08:00`) / 1000;

describe('a live on the calendar: added, moved with the live, cancelled with it', () => {
  let f: BotFixture;
  before(async () => {
    f = await startBot({ env: { WECOM_ADMIN_USERIDS: 'hr' } });
    f.emulator.clock.set(NOW);
    f.emulator.directory.addDepartment(2, '销售部', 1);
    f.emulator.directory.add('zhangsan', '张三', [2]);
    f.emulator.directory.add('lisi', '李四', [2]);
  });
  after(() => f.close());
  const say = async (user: string, text: string, count = 1): Promise<SentMessage[]> => {
    const before = f.emulator.messages.forUser(user).length;
    await f.emulator.callbacks.sendText(user, text);
    return (await waitForMessages(f.emulator, user, before + count)).slice(before);
  };
  const liveOf = (theme: string) => f.emulator.lives.all().find((l) => l.theme === theme)!;

  it('加入日程 puts the live on the sender’s calendar; the anchor’s puts it on the whole audience’s', async () => {
    await say('wangwu', '创建直播 周会 明天15:00 1小时 提前30分钟提醒');
    const live = liveOf('周会');
    const [mine] = await say('zhaoliu', `加入日程 ${live.livingid}`);
    assert.equal(mine?.content, '已把直播「周会」（2026-11-26 15:00 (周四)）加入你的日程。');
    const [entry] = f.emulator.schedules.forUser('zhaoliu');
    assert.deepEqual([entry?.organizer, entry?.summary, entry?.start_time, entry?.end_time], ['wangwu', '【直播】周会', at('2026-11-26T15:00'), at('2026-11-26T16:00')]);
    const [again] = await say('sunqi', `加入日程 ${live.livingid}`);
    assert.match(again?.content ?? '', /加入你的日程/);
    assert.equal(f.emulator.schedules.all().length, 1, 'one entry per live; members are added to it');
    assert.deepEqual(f.emulator.schedules.forUser('sunqi').map((s) => s.schedule_id), [entry?.schedule_id]);
  });

  it('修改 moves the entry; 取消 cancels it', async () => {
    const live = liveOf('周会');
    await say('wangwu', `修改直播 ${live.livingid} 时间 后天16:00`);
    const [entry] = f.emulator.schedules.forUser('zhaoliu');
    assert.deepEqual([entry?.start_time, entry?.end_time], [at('2026-11-27T16:00'), at('2026-11-27T17:00')]);
    assert.equal(entry?.remind_before_event_secs, undefined, 'get_living_info does not say the live’s reminder: the entry keeps what it had');
    await say('wangwu', `修改直播 ${live.livingid} 主题 周例会`);
    assert.equal(f.emulator.schedules.forUser('zhaoliu')[0]?.summary, '【直播】周例会');
    await say('wangwu', `取消直播 ${live.livingid}`);
    assert.equal(f.emulator.schedules.forUser('zhaoliu').length, 0, 'gone from the calendar');
  });

  it('without the 日程 permission the live is created and the reply says why it is not on the calendar', async () => {
    f.emulator.schedules.allowed = false;
    try {
      const [card, said] = await say('hr', '创建直播 新人培训 明天10:00 邀请 销售部', 2);
      assert.equal(card?.card?.main_title.desc, '直播已创建');
      assert.match(said?.content ?? '', /\n应用没有日程接口权限（管理后台 → 应用管理 → 日程 → 可调用接口的应用），没有加入日程；直播不受影响。$/);
      assert.ok(liveOf('新人培训'));
    } finally {
      f.emulator.schedules.allowed = true;
    }
  });

  it('a live’s reminder becomes the nearest offset WeCom allows, never a later one', () => {
    assert.deepEqual([0, 60, 300, 600, 900, 1800, 3600, 7200, 86400, 172800].map(nearestReminder), [undefined, 0, 300, 300, 900, 900, 3600, 3600, 86400, 86400]);
  });
});

describe('the app’s schedules a day', () => {
  it('past the day’s count no entry is attempted: the reply says why and how to add it tomorrow; the next day counts afresh', async () => {
    const c = await startClient();
    try {
      let day = '2026-11-25';
      // A quota with one schedule left today (in production: WeCom's 20,000, shared in Redis).
      const calendar = new LiveCalendar(c.api, new MemoryExpiringStore(c.emulator.clock), {}, createLogger('silent'), { quota: new MemorySendQuota(1), day: () => day });
      const live = (livingid: string) => ({ livingid, theme: '周会', start: at('2026-11-26T15:00'), durationSeconds: 3600, description: '', anchor: 'zhangsan', anchorName: '张三' });
      assert.ok('ok' in (await calendar.add(live('lvOne'), ['lisi'])));
      const refused = await calendar.add(live('lvTwo'), ['lisi']);
      assert.deepEqual(refused, { problem: '应用今天创建的日程已达企业微信的上限（每天20000个），没有加入日程；直播不受影响，明天可以发送「加入日程 lvTwo」补上。' });
      assert.equal(c.emulator.schedules.all().length, 1, 'WeCom was not called for the second');
      day = '2026-11-26';
      // A schedule WeCom refuses (no 日程 permission) does not use up the day's count.
      c.emulator.schedules.allowed = false;
      assert.ok('problem' in (await calendar.add(live('lvTwo'), ['lisi'])));
      c.emulator.schedules.allowed = true;
      assert.ok('ok' in (await calendar.add(live('lvTwo'), ['lisi'])));
    } finally {
      await c.close();
    }
  });
});
