import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildApiStatsCard, percent } from '../../src/cards/api-stats.js';
import { checkCard, CardLimitError, newTaskId } from '../../src/cards/limits.js';
import { buildListCard } from '../../src/cards/list.js';
import { buildLiveCard } from '../../src/cards/live.js';
import { buildWatchCard } from '../../src/cards/watch.js';
import { PerformanceManager } from '../../src/wecom/stats.js';
import type { TemplateCard } from '../../src/wecom/types.js';

const TZ = 'Asia/Shanghai';
const START = Date.parse('2026-11-26T15:00:00+08:00') / 1000;
const live = { theme: '周会', living_start: START, living_duration: 5400, status: 0 as const, anchor_userid: 'zhangsan', viewer_num: 3, description: '本周进展' };
const rows = (card: TemplateCard) => Object.fromEntries((card.horizontal_content_list ?? []).map((r) => [r.keyname, r.value]));

describe('card builders', () => {
  it('the live card shows the ID, status, start in the company zone, duration, anchor and viewers, with 修改 and 取消直播 while 预约中', () => {
    const card = buildLiveCard({ livingid: 'lvABC', info: live, headline: '直播已创建', timezone: TZ, taskId: 't1' });
    assert.equal(card.card_type, 'button_interaction');
    assert.deepEqual(card.main_title, { title: '周会', desc: '直播已创建' });
    assert.deepEqual(rows(card), { 直播ID: 'lvABC', 状态: '预约中', 开始: '2026-11-26 15:00 (周四)', 时长: '1小时30分钟', 主播: 'zhangsan', 观看人数: '3' });
    assert.deepEqual(card.button_list?.map((b) => [b.text, b.key]), [
      ['查看详情', 'info:lvABC'],
      ['观看统计', 'watch:lvABC'],
      ['修改', 'modify.ask:lvABC'],
      ['取消直播', 'cancel:lvABC'],
      ['加入日程', 'calendar:lvABC'],
    ]);
  });

  it('the live card names the anchor, and shows the reminder instead of a viewer count before the start', () => {
    const card = buildLiveCard({ livingid: 'lvABC', info: live, headline: '直播已创建', timezone: TZ, taskId: 't1', anchorName: '张三', remindSeconds: 900 });
    assert.equal(rows(card)['主播'], '张三（zhangsan）');
    assert.equal(rows(card)['提醒'], '提前15分钟');
    assert.equal(rows(card)['观看人数'], undefined);
    const none = buildLiveCard({ livingid: 'lvABC', info: live, headline: '直播已修改', timezone: TZ, taskId: 't1', remindSeconds: 0 });
    assert.equal(rows(none)['提醒'], '不提醒');
    const started = buildLiveCard({ livingid: 'lvABC', info: { ...live, status: 1 }, headline: '直播详情', timezone: TZ, taskId: 't1', remindSeconds: 900 });
    assert.equal(rows(started)['观看人数'], '3', 'once started, the audience matters more than the reminder');
  });

  it('offers 取消直播 only while the live has not started', () => {
    for (const status of [1, 2, 3, 4] as const) {
      const card = buildLiveCard({ livingid: 'lv', info: { ...live, status }, headline: '直播详情', timezone: TZ, taskId: 't' });
      assert.ok(!card.button_list?.some((b) => b.text === '取消直播'), `status ${status}`);
    }
  });

  it('the list card shows five lives a page, numbered, with 更多 while there are further pages', () => {
    const lives = Array.from({ length: 12 }, (_, i) => ({ livingid: `lv${i}`, theme: `第${i}场`, living_start: START + i * 3600, status: 0 }));
    const first = buildListCard(lives, 12, 1, TZ, 't');
    assert.equal(first.horizontal_content_list?.length, 5);
    assert.equal(first.main_title.desc, '共12场 · 第1/3页');
    assert.equal(first.horizontal_content_list?.[0]?.value, '11-26 15:00 (周四) 第0场');
    assert.deepEqual(first.button_list?.at(-1), { text: '更多', style: 1, key: 'list.page:2' });
    const last = buildListCard(lives, 12, 3, TZ, 't');
    assert.deepEqual(last.horizontal_content_list?.map((r) => r.value?.split(' ').at(-1)), ['第10场', '第11场']);
    assert.ok(!last.button_list?.some((b) => b.text === '更多'), 'no 更多 on the last page');
    assert.equal(buildListCard(lives.slice(0, 3), 3, 1, TZ, 't').main_title.desc, '共3场');
  });

  it('the watch card puts the number of viewers first', () => {
    const card = buildWatchCard({ livingid: 'lv', theme: '周会', members: 7, externals: 1, totalWatchSeconds: 8 * 600, commenters: 2, micUsers: 1 }, 't');
    assert.deepEqual(card.emphasis_content, { title: '8', desc: '观看人数' });
    assert.equal(rows(card)['平均时长'], '10分钟');
  });

  it('the API stats card puts the success rate first, as a percentage', () => {
    const perf = new PerformanceManager();
    perf.record('living/create', 120);
    perf.record('living/create', 80, 48002);
    const endpoints = perf.snapshot();
    const card = buildApiStatsCard(
      {
        totalCalls: 200,
        successCalls: 199,
        errorCalls: 1,
        successRate: 0.995,
        lastError: { endpoint: 'living/create', errcode: 48002, errmsg: 'api forbidden' },
        lastErrorTime: '2026-11-25T06:00:00.000Z',
        apiCallTimes: {},
        tokenStats: { fetches: 1, cacheHits: 199, refreshes: 0, failures: 0, expiry: null },
        endpoints,
      },
      TZ,
      't',
    );
    assert.deepEqual(card.emphasis_content, { title: '99.5%', desc: '成功率' });
    assert.equal(rows(card)['最近错误'], '48002 · create');
    assert.equal(card.sub_title_text, '错误原因：应用没有直播接口权限，请联系管理员', 'what the code meant, not a bare code');
    assert.equal(rows(card)['错误时间'], '2026-11-25 14:00 (周三)');
    assert.equal(percent(1), '100%');
  });

  it('the API stats card never cuts its own figures: the slowest endpoint’s p95 and the last error read whole', () => {
    const perf = new PerformanceManager();
    for (let i = 0; i < 20; i++) perf.record('living/get_user_all_livingid', 12_000 + i * 20);
    perf.record('message/update_template_card', 50);
    const card = buildApiStatsCard(
      {
        totalCalls: 99_999_999, successCalls: 99_999_998, errorCalls: 1, successRate: 0.9999999,
        lastError: { endpoint: 'message/update_template_card', errcode: 40001, errmsg: 'invalid credential, hint: [x], from ip: 1.2.3.4' },
        lastErrorTime: '2026-11-25T06:00:00.000Z', apiCallTimes: {},
        tokenStats: { fetches: 123_456, cacheHits: 99_999_999, refreshes: 0, failures: 0, expiry: null },
        endpoints: perf.snapshot(),
      },
      TZ,
      't',
    );
    for (const row of card.horizontal_content_list ?? []) assert.ok(!row.value?.endsWith('…'), `${row.keyname} cut: ${row.value}`);
    assert.match(rows(card)['最慢接口'] ?? '', /^get_user_all_livingid p95 12\d{3}ms$/);
    assert.equal(rows(card)['最近错误'], '40001 · update_template_card');
    assert.match(card.sub_title_text ?? '', /^错误原因：机器人配置有误（应用Secret无效）/);
  });

  it('task ids are unique and within WeCom’s charset', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newTaskId('live')));
    assert.equal(ids.size, 10_000);
    for (const id of ids) assert.match(id, /^[0-9a-zA-Z_\-@]{1,128}$/);
  });

  it('checkCard refuses a card over WeCom’s limits', () => {
    const base: TemplateCard = { card_type: 'button_interaction', main_title: { title: 't' }, task_id: 'ok', button_list: [{ text: 'b', key: 'k' }] };
    const bad: Array<[TemplateCard, RegExp]> = [
      [{ ...base, horizontal_content_list: Array.from({ length: 7 }, () => ({ keyname: 'k', value: 'v' })) }, /more than 6 rows/],
      [{ ...base, button_list: Array.from({ length: 7 }, (_, i) => ({ text: 'b', key: `k${i}` })) }, /more than 6 buttons/],
      [{ ...base, task_id: 'has space' }, /task_id/],
      [{ ...base, button_list: [{ text: 'a', key: 'k' }, { text: 'b', key: 'k' }] }, /used twice/],
      [{ ...base, main_title: { title: '长'.repeat(27) } }, /title over 26/],
      [{ card_type: 'text_notice', main_title: { title: 't' } }, /card_action/],
    ];
    for (const [card, why] of bad) assert.throws(() => checkCard(card), (e: unknown) => e instanceof CardLimitError && why.test(e.message));
  });
});

describe('card builders: properties', () => {
  const validTheme = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
    .filter((t) => t.trim() !== '' && Buffer.byteLength(t) <= 60);
  const info = fc.record({
    theme: validTheme,
    living_start: fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }),
    living_duration: fc.integer({ min: 1, max: 86_400 * 3 }),
    status: fc.constantFrom(0, 1, 2, 3, 4) as fc.Arbitrary<0 | 1 | 2 | 3 | 4>,
    anchor_userid: fc.string({ minLength: 1, maxLength: 64 }),
    viewer_num: fc.nat(),
    description: fc.string({ unit: 'grapheme', maxLength: 100 }),
  });

  it('any valid live gives a live card within WeCom’s limits', () => {
    fc.assert(
      fc.property(info, fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), (live, id) => {
        const card = buildLiveCard({ livingid: id, info: live, headline: '直播详情', timezone: TZ, taskId: newTaskId('live') });
        checkCard(card);
        assert.equal(card.horizontal_content_list![0]?.value, id, 'the live ID is shown whole');
        assert.ok(card.horizontal_content_list!.slice(1).every((r) => [...(r.value ?? '')].length <= 30));
      }),
      { numRuns: 500 },
    );
  });

  it('any list of valid lives gives a list card within WeCom’s limits', () => {
    const listed = fc.record({ livingid: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), theme: validTheme, living_start: fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), status: fc.constantFrom(0, 1, 2, 3, 4) });
    fc.assert(
      fc.property(fc.uniqueArray(listed, { maxLength: 20, selector: (l) => l.livingid }), (lives) => {
        if (lives.length === 0) return;
        for (let page = 1; page <= Math.ceil(lives.length / 5); page++) checkCard(buildListCard(lives, lives.length, page, TZ, newTaskId('list')));
      }),
      { numRuns: 300 },
    );
  });
});
