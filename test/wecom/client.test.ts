import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WeComApiError, WeComHttpError, WeComValidationError } from '../../src/wecom/errors.js';
import { WeComApi } from '../../src/wecom/client.js';
import { hoursFromNow, startClient, type ClientFixture } from '../support/client.js';

describe('WeComApi against the emulator: live streams', () => {
  let f: ClientFixture;
  before(async () => {
    f = await startClient();
  });
  after(() => f.close());

  it('creates a live and reads it back with the fields it was given', async () => {
    const start = hoursFromNow(f.emulator, 24);
    const { livingid } = await f.api.createLive('zhangsan', '产品发布会', start, 5400, 3, '季度新品');
    assert.match(livingid, /^lv/);
    const { living_info: info } = await f.api.getLivingInfo(livingid);
    assert.equal(info.theme, '产品发布会');
    assert.equal(info.anchor_userid, 'zhangsan');
    assert.equal(info.living_start, start);
    assert.equal(info.living_duration, 5400);
    assert.equal(info.type, 3);
    assert.equal(info.description, '季度新品');
    assert.equal(info.status, 0, '预约中 before its start');
  });

  it('uses the seed defaults: type 3 (企业培训) and an empty description', async () => {
    const { livingid } = await f.api.createLive('zhangsan', '默认值', new Date(f.emulator.clock.now() + 3600_000), 600);
    const body = f.emulator.calls.findLast((c) => c.path === 'living/create')?.body as Record<string, unknown>;
    assert.equal(body.type, 3);
    assert.equal(body.description, '');
    assert.equal(typeof body.living_start, 'number');
    assert.equal((await f.api.getLivingInfo(livingid)).living_info.type, 3);
  });

  it('follows a live through 预约中 → 直播中 → 已结束 as the clock moves', async () => {
    const { livingid } = await f.api.createLive('lisi', '状态机', hoursFromNow(f.emulator, 1), 3600);
    const statuses = [];
    statuses.push((await f.api.getLivingInfo(livingid)).living_info.status);
    f.emulator.clock.advance(90 * 60_000);
    statuses.push((await f.api.getLivingInfo(livingid)).living_info.status);
    f.emulator.clock.advance(60 * 60_000);
    statuses.push((await f.api.getLivingInfo(livingid)).living_info.status);
    f.emulator.clock.advance(-150 * 60_000);
    assert.deepEqual(statuses, [0, 1, 2]);
  });

  it('cancels a reserved live, and WeCom refuses to cancel one that has started', async () => {
    const { livingid } = await f.api.createLive('lisi', '要取消的', hoursFromNow(f.emulator, 2), 1800);
    await f.api.cancelLiving(livingid);
    assert.equal((await f.api.getLivingInfo(livingid)).living_info.status, 4);

    const started = await f.api.createLive('lisi', '已开始', hoursFromNow(f.emulator, 1), 7200);
    f.emulator.clock.advance(3700_000);
    try {
      const error = await f.api.cancelLiving(started.livingid).then(
        () => assert.fail('cancel of a started live resolved'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof WeComApiError);
      assert.equal(error.endpoint, 'living/cancel');
      assert.equal(error.errcode, 40058);
    } finally {
      f.emulator.clock.advance(-3700_000);
    }
  });

  it('modifies a reserved live', async () => {
    const { livingid } = await f.api.createLive('lisi', '旧主题', hoursFromNow(f.emulator, 3), 1800);
    await f.api.modifyLiving(livingid, { theme: '新主题', living_duration: 3600 });
    const { living_info: info } = await f.api.getLivingInfo(livingid);
    assert.equal(info.theme, '新主题');
    assert.equal(info.living_duration, 3600);
  });

  it('deletes the replay of an ended live, and gets a WeChat viewing code', async () => {
    const { livingid } = await f.api.createLive('wangwu', '回放', hoursFromNow(f.emulator, 1), 600);
    f.emulator.clock.advance(2 * 3600_000);
    try {
      await f.api.deleteReplayData(livingid);
      assert.equal((await f.api.getLivingInfo(livingid)).living_info.replay_status, 2);
    } finally {
      f.emulator.clock.advance(-2 * 3600_000);
    }
    const { living_code: code } = await f.api.getLivingCode(livingid, 'oWeChatOpenId');
    assert.match(code, /^[0-9a-f]{32}$/);
    await assert.rejects(f.api.getLivingShareInfo('unknown-share-code'), (e: unknown) => e instanceof WeComApiError && e.errcode === 40058);
  });

  it('reads one page of a member’s lives, and allLivingids walks every page', async () => {
    for (let i = 0; i < 230; i++) f.emulator.lives.create({ anchor_userid: 'pager', theme: `第${i}场`, living_start: hoursFromNow(f.emulator, 5), living_duration: 60 });
    const first = await f.api.getUserAllLivingid('pager');
    assert.equal(first.livingid_list.length, 20, 'the seed default limit is 20');
    assert.equal(first.next_cursor, '20');
    const ids = [];
    for await (const id of f.api.allLivingids('pager')) ids.push(id);
    assert.equal(ids.length, 230);
    assert.equal(new Set(ids).size, 230);
    assert.equal(f.emulator.calls.filter((c) => c.path === 'living/get_user_all_livingid' && (c.body as { limit: number }).limit === 100).length, 3);
  });

  it('reads watch stats page by page, and allWatchStats returns every viewer once', async () => {
    const { livingid } = await f.api.createLive('zhaoliu', '观看统计', hoursFromNow(f.emulator, 1), 600);
    const users = Array.from({ length: 7 }, (_, i) => ({ userid: `u${i}`, watch_time: 60 * (i + 1), is_comment: i % 2, is_mic: 0 }));
    const externals = [{ external_userid: 'wmEXT1', type: 1, name: '外部访客', watch_time: 30, is_comment: 0, is_mic: 1 }];
    f.emulator.lives.addViewers(livingid, users, externals);
    f.emulator.lives.watchStatPageSize = 3;
    try {
      const page1 = await f.api.getWatchStat(livingid);
      assert.equal(page1.ending, 0);
      assert.equal(page1.stat_info.users.length, 3);
      const seen: string[] = [];
      let pages = 0;
      for await (const page of f.api.allWatchStats(livingid)) {
        pages++;
        seen.push(...page.users.map((u) => u.userid), ...page.external_users.map((u) => u.external_userid));
      }
      assert.equal(pages, 3);
      assert.deepEqual(seen, [...users.map((u) => u.userid), 'wmEXT1']);
      assert.equal((await f.api.getLivingInfo(livingid)).living_info.viewer_num, 8);
    } finally {
      f.emulator.lives.watchStatPageSize = 100;
    }
  });

  it('rejects an unknown livingid with a typed error naming the endpoint', async () => {
    const error = await f.api.getLivingInfo('lvDoesNotExist').catch((e: unknown) => e);
    assert.ok(error instanceof WeComApiError);
    assert.equal(error.errcode, 40058);
    assert.equal(error.endpoint, 'living/get_living_info');
    assert.equal(error.message, 'living/get_living_info failed: 40058 invalid livingid');
  });
});

describe('WeComApi: validation before sending', () => {
  let f: ClientFixture;
  before(async () => {
    f = await startClient();
  });
  after(() => f.close());

  const cases: Array<[string, () => Promise<unknown>, string]> = [];
  it('refuses what WeCom would refuse, without any request', async () => {
    const future = hoursFromNow(f.emulator, 1);
    cases.push(
      ['a theme over 20 characters', () => f.api.createLive('a', '一二三四五六七八九十一二三四五六七八九十一', future, 60), 'theme'],
      ['a theme over 60 bytes', () => f.api.createLive('a', '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀', future, 60), 'theme'],
      ['an empty theme', () => f.api.createLive('a', '  ', future, 60), 'theme'],
      ['a start in the past', () => f.api.createLive('a', '过去', future - 7200, 60), 'living_start'],
      ['a duration of 0', () => f.api.createLive('a', '零时长', future, 0), 'living_duration'],
      ['a negative duration', () => f.api.createLive('a', '负时长', future, -5), 'living_duration'],
      ['a type out of range', () => f.api.createLive('a', '类型', future, 60, 9 as 3), 'type'],
      ['a description over 100 characters', () => f.api.createLive('a', '简介', future, 60, 3, '长'.repeat(101)), 'description'],
      ['an empty livingid', () => f.api.getLivingInfo(''), 'livingid'],
      ['a page limit over 100', () => f.api.getUserAllLivingid('a', '', 101), 'limit'],
    );
    for (const [name, run, field] of cases) {
      const error = await run().catch((e: unknown) => e);
      assert.ok(error instanceof WeComValidationError, `${name}: ${String(error)}`);
      assert.equal(error.field, field, name);
    }
    assert.equal(f.emulator.calls.length, 0, 'no request reached WeCom');
  });

  it('accepts a theme of exactly 20 characters and 60 bytes', async () => {
    const theme = '一二三四五六七八九十一二三四五六七八九十';
    assert.equal(Buffer.byteLength(theme), 60);
    const { livingid } = await f.api.createLive('a', theme, hoursFromNow(f.emulator, 1), 60);
    assert.equal((await f.api.getLivingInfo(livingid)).living_info.theme, theme);
  });

  it('refuses bad options with a message that shows the fix', () => {
    assert.throws(() => new WeComApi('', 's'), /needs a corpid/);
    assert.throws(() => new WeComApi('ww1', ''), /corpsecret/);
    assert.throws(() => new WeComApi('ww1', 's', { baseURL: 'qyapi.weixin.qq.com' }), /must be an http\(s\) URL/);
    assert.throws(() => new WeComApi('ww1', 's', { retry: { maxRetries: -1 } }), /retry.maxRetries must be a number ≥ 0/);
  });
});

describe('WeComApi: messages', () => {
  let f: ClientFixture;
  before(async () => {
    f = await startClient();
  });
  after(() => f.close());

  it('answers a 智能机器人 callback once through its response_url, without access_token; a URL off WeCom’s origin is refused unsent', async () => {
    const url = `${f.emulator.url}/cgi-bin/aibot/response?response_code=${f.emulator.aibotResponses.issue('zhangsan', 'wrG')}`;
    await f.api.respondToAibot(url, { msgtype: 'markdown', markdown: { content: '**好的**' } });
    assert.deepEqual(f.emulator.aibotResponses.pushes.at(-1)?.body, { msgtype: 'markdown', markdown: { content: '**好的**' } });
    const [call] = f.emulator.calls.filter((c) => c.path === 'aibot/response');
    assert.deepEqual(Object.keys(call?.query ?? {}), ['response_code'], 'no access_token on the URL');
    await assert.rejects(f.api.respondToAibot(url, { msgtype: 'markdown', markdown: { content: '再来一次' } }), (e: unknown) => e instanceof WeComApiError && e.errmsg === 'response_code already used');
    const calls = f.emulator.calls.length;
    for (const elsewhere of ['https://evil.example/cgi-bin/aibot/response?response_code=x', `${f.emulator.url}/cgi-bin/message/send?response_code=x`, 'not a url']) {
      await assert.rejects(f.api.respondToAibot(elsewhere, { msgtype: 'markdown', markdown: { content: 'x' } }), WeComValidationError, elsewhere);
    }
    assert.equal(f.emulator.calls.length, calls, 'nothing sent');
    // The URL WeCom hands out names its own origin: sent to the configured base URL (a relay, here the emulator).
    await f.api.respondToAibot(`https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=${f.emulator.aibotResponses.issue('lisi', undefined)}`, { msgtype: 'markdown', markdown: { content: '经由中转' } });
    assert.deepEqual(f.emulator.aibotResponses.pushes.at(-1)?.body, { msgtype: 'markdown', markdown: { content: '经由中转' } });
  });

  it('sends text and markdown to one or several members', async () => {
    await f.api.sendMessage('zhangsan', { msgtype: 'text', text: { content: '你好' } });
    await f.api.sendMessage(['zhangsan', 'lisi'], { msgtype: 'markdown', markdown: { content: '**直播**' } });
    assert.deepEqual(
      f.emulator.messages.forUser('zhangsan').map((m) => [m.msgtype, m.content]),
      [
        ['text', '你好'],
        ['markdown', '**直播**'],
      ],
    );
    assert.equal(f.emulator.messages.forUser('lisi').length, 1);
  });

  it('sends an interactive card, gets its response_code, and updates the clicked button', async () => {
    const res = await f.api.sendMessage('zhangsan', {
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        main_title: { title: '直播已创建' },
        task_id: 'live_create_1',
        button_list: [{ text: '取消直播', style: 2, key: 'cancel:lv1' }],
      },
    });
    assert.ok(res.response_code);
    await f.api.updateTemplateCard(['zhangsan'], res.response_code, { replaceName: '已取消' });
    const card = f.emulator.messages.forUser('zhangsan').at(-1);
    assert.deepEqual(card?.updates, [{ replaceName: '已取消' }]);
    const again = await f.api.updateTemplateCard(['zhangsan'], res.response_code, { replaceName: 'x' }).catch((e: unknown) => e);
    assert.ok(again instanceof WeComApiError, 'a response_code is single-use');
  });

  it('surfaces WeCom’s 42014 when a task_id is reused', async () => {
    const card = {
      msgtype: 'template_card' as const,
      template_card: {
        card_type: 'button_interaction' as const,
        main_title: { title: 't' },
        task_id: 'dup_task',
        button_list: [{ text: 'ok', key: 'k' }],
      },
    };
    await f.api.sendMessage('lisi', card);
    const error = await f.api.sendMessage('lisi', card).catch((e: unknown) => e);
    assert.ok(error instanceof WeComApiError);
    assert.equal(error.errcode, 42014);
  });

  it('needs an agentid to send', async () => {
    const api = new WeComApi(f.emulator.corpid, f.emulator.corpsecret, { baseURL: f.emulator.url });
    const error = await api.sendMessage('a', { msgtype: 'text', text: { content: 'x' } }).catch((e: unknown) => e);
    assert.ok(error instanceof WeComValidationError);
    assert.equal(error.field, 'agentid');
  });
});
