import assert from 'node:assert/strict';
import { fromWallClock, wallClock } from '../../src/zone.js';
import { after, before, describe, it } from 'node:test';
import { AibotSender } from '../../src/emulator/aibot.js';
import { randomEncodingAESKey } from '../../src/emulator/callbacks.js';
import { startBot, waitForMessages, type BotFixture } from '../support/bot.js';

const WINDOW_MS = 2000;

/** The response_url pushes the emulator received for a callback's code, once `count` have come (or the timeout). */
async function pushesFor(f: BotFixture, from: string, count: number, timeoutMs = WINDOW_MS + 4000) {
  const deadline = Date.now() + timeoutMs;
  const mine = () => f.emulator.aibotResponses.pushes.filter((p) => p.from === from);
  while (mine().length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  return mine();
}

/** The 智能机器人 channel end to end: encrypted JSON callbacks in, encrypted passive replies out. */
describe('the 智能机器人 channel', () => {
  let f: BotFixture;
  let aibot: AibotSender;
  before(async () => {
    const probe = new AibotSender({ now: () => Date.now() });
    // WeCom's deadlines shortened (3 s → 1 s, 6 min of refreshes → 3 s) so the slow paths take seconds, not minutes.
    f = await startBot({
      env: { WECOM_AIBOT_TOKEN: probe.token, WECOM_AIBOT_ENCODING_AES_KEY: probe.encodingAESKey, WECOM_ADMIN_USERIDS: 'admin' },
      aibotTiming: { deadlineMs: 700, clickDeadlineMs: 700, streamWindowMs: WINDOW_MS },
    });
    aibot = f.emulator.aibotSender(probe.token, probe.encodingAESKey);
    aibot.url = `${f.url}/wecom/aibot`;
  });
  after(() => f.close());

  it('answers WeCom’s URL check with the plaintext, decrypted with ReceiveId ""', async () => {
    const answer = await aibot.urlCheck('123456789');
    assert.deepEqual([answer.status, answer.body], [200, '123456789']);
  });

  it('refuses a bad signature, a stale timestamp, another key and malformed JSON, each with its status and reason', async () => {
    const text = { msgid: 'r1', chattype: 'single', from: { userid: 'x' }, msgtype: 'text', text: { content: '帮助' } };
    const cases: Array<[string, Promise<{ status: number; body: string }>, number, RegExp]> = [
      ['bad signature', aibot.post(text, { signature: 'f'.repeat(40) }), 401, /^bad-signature$/],
      ['stale timestamp', aibot.post(text, { timestamp: Math.floor(f.emulator.clock.now() / 1000) - 3600 }), 401, /^stale-timestamp$/],
      // With another key the padding or the frame fails, whichever the random bytes hit first.
      ['another key', aibot.post(text, { key: randomEncodingAESKey() }), 401, /^bad-(padding|ciphertext)$/],
      ['not JSON inside', aibot.post('<xml>not json</xml>'), 400, /^malformed-message$/],
      ['JSON without a sender', aibot.post({ msgid: 'r2', msgtype: 'text', text: { content: 'x' } }), 400, /^malformed-message$/],
    ];
    for (const [what, pending, status, reason] of cases) {
      const answer = await pending;
      assert.equal(answer.status, status, what);
      assert.match(answer.body, reason, what);
    }
    const broken = await fetch(`${aibot.url}?msg_signature=x&timestamp=1&nonce=1`, { method: 'POST', body: '{not json' });
    assert.deepEqual([broken.status, await broken.text()], [400, 'malformed-message']);
  });

  it('a group @mention creates exactly one live for the sender, and the chat sees its ID; the same msgid again creates nothing', async () => {
    const before = f.emulator.lives.size;
    const first = await aibot.sendText('zhangsan', '创建直播 群里的周会 明天15:00', { chat: 'wrGROUP1', msgid: 'group-msg-1' });
    assert.equal(first.status, 200);
    assert.equal(first.reply?.msgtype, 'stream', 'in a group: a stream, the card as markdown');
    assert.equal(first.reply?.stream.finish, true);
    const [live] = f.emulator.lives.all().filter((l) => l.theme === '群里的周会');
    assert.ok(live, 'created');
    assert.equal(live.anchor_userid, 'zhangsan', 'the sender is the anchor');
    assert.match(first.reply?.stream.content, new RegExp(`直播ID：${live.livingid}`));
    const again = await aibot.sendText('zhangsan', '创建直播 群里的周会 明天15:00', { chat: 'wrGROUP1', msgid: 'group-msg-1' });
    assert.deepEqual([again.status, again.body], [200, ''], 'a redelivery is answered empty');
    assert.equal(f.emulator.lives.size, before + 1, 'one live');
  });

  it('in a single chat: 帮助 as a finished stream, 我的直播 with its card beside the stream', async () => {
    const help = await aibot.sendText('lisi', '帮助');
    assert.match(help.reply?.stream.content, /^直播助手可用命令/);
    f.emulator.lives.create({ anchor_userid: 'lisi', theme: '单聊', living_start: Math.floor(f.emulator.clock.now() / 1000) + 3600, living_duration: 600 });
    const list = await aibot.sendText('lisi', '我的直播');
    assert.equal(list.reply?.msgtype, 'stream_with_template_card');
    assert.equal(list.reply?.template_card.main_title.title, '我的直播');
  });

  it('a card click is answered with update_template_card on the same task_id: 取消直播 asks, 确认取消 cancels', async () => {
    const created = await aibot.sendText('zhouba', '创建直播 单聊卡片 明天15:00');
    const card = created.reply?.template_card;
    assert.equal(created.reply?.msgtype, 'stream_with_template_card');
    const cancelKey = card.button_list.find((b: { text: string }) => b.text === '取消直播').key as string;
    const question = await aibot.clickButton('zhouba', card.task_id, cancelKey);
    assert.equal(question.reply?.response_type, 'update_template_card');
    assert.equal(question.reply?.template_card.task_id, card.task_id, 'the same task_id');
    assert.equal(question.reply?.template_card.main_title.desc, '确认取消这场直播？');
    const confirmKey = question.reply?.template_card.button_list.find((b: { text: string }) => b.text === '确认取消').key as string;
    const live = f.emulator.lives.all().find((l) => l.theme === '单聊卡片')!;
    const done = await aibot.clickButton('zhouba', card.task_id, confirmKey);
    assert.deepEqual(done.reply?.template_card.button_list.map((b: { text: string }) => b.text), ['已取消']);
    assert.equal(f.emulator.lives.status(live), 4, 'cancelled');
    const [told] = await pushesFor(f, 'zhouba', 1);
    assert.match((told?.body as { markdown?: { content: string }; text?: { content: string } }).markdown?.content ?? JSON.stringify(told?.body), /已取消直播「单聊卡片」/, 'the confirmation in the chat where it was clicked');
    assert.equal(f.emulator.messages.forUser('zhouba').length, 0, 'not through the app');
  });

  it('修改 on a card asks in the chat where it was clicked, and the answer typed there changes the live', async () => {
    const created = await aibot.sendText('zhoujiu', '创建直播 群外修改 明天15:00');
    const card = created.reply?.template_card;
    const modifyKey = card.button_list.find((b: { text: string }) => b.text === '修改').key as string;
    await aibot.clickButton('zhoujiu', card.task_id, modifyKey);
    const [question] = await pushesFor(f, 'zhoujiu', 1);
    assert.match(JSON.stringify(question?.body), /修改直播「群外修改」：要修改什么？/);
    const answered = await aibot.sendText('zhoujiu', '时间 后天16:00');
    assert.equal(answered.reply?.template_card?.main_title.desc, '直播已修改');
    const live = f.emulator.lives.all().find((l) => l.theme === '群外修改')!;
    const today = wallClock(f.emulator.clock.now(), 'Asia/Shanghai');
    const dayAfterTomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 2));
    const expected = fromWallClock({ year: dayAfterTomorrow.getUTCFullYear(), month: dayAfterTomorrow.getUTCMonth() + 1, day: dayAfterTomorrow.getUTCDate(), hour: 16, minute: 0, second: 0 }, 'Asia/Shanghai');
    assert.equal(live.living_start, expected / 1000);
  });

  it('a question is per chat: the answer in the same chat completes it', async () => {
    const question = await aibot.sendText('wangwu', '创建直播 群问答', { chat: 'wrGROUP2' });
    assert.match(question.reply?.stream.content, /什么时候开始/);
    const elsewhere = await aibot.sendText('wangwu', '明天下午3点');
    // In the single chat a bare time is a new request of its own (its theme asked), not the group's answer.
    assert.match(elsewhere.reply?.stream.content, /^直播主题是什么？/, 'the single chat has no open question');
    const answered = await aibot.sendText('wangwu', '明天下午3点', { chat: 'wrGROUP2' });
    assert.match(answered.reply?.stream.content, /\*\*群问答\*\*　直播已创建/);
  });

  /** Refreshes `id` as WeCom does (every 100 ms, 50 times at most) until the stream is finished. */
  const refreshUntilDone = async (from: string, id: string) => {
    let refreshed = await aibot.refresh(from, id);
    for (let i = 0; refreshed.reply?.stream.finish === false && i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      refreshed = await aibot.refresh(from, id);
    }
    return refreshed;
  };

  it('a stream’s result goes only to who asked, in the chat they asked in: anyone else’s refresh gets 处理中', async () => {
    f.emulator.faults.delay('living/get_user_all_livingid', 1000, 1);
    const first = await aibot.sendText('zhaoliu', '我的直播');
    assert.equal(first.reply?.stream.finish, false);
    const id = first.reply?.stream.id as string;
    assert.equal((await refreshUntilDone('zhaoliu', id)).reply?.stream.finish, true);
    assert.equal((await aibot.refresh('\u212Aaoliu', id)).status, 400, 'a sender that is no userid is refused');
    for (const [who, chat] of [['mallory', undefined], ['ZHAOLIU', 'wrGroupOther']] as const) {
      const other = await aibot.refresh(who, id, chat);
      assert.equal(other.reply?.stream.finish, false, `${who} ${chat ?? ''}`);
      assert.equal(other.reply?.stream.content, '处理中…', `${who} sees nothing of zhaoliu’s`);
    }
    assert.equal((await aibot.refresh('ZhaoLiu', id)).reply?.stream.finish, true, 'the owner, in any case, still gets it');
  });

  it('a slow command is answered 处理中 at once and finished through the stream refreshes', async () => {
    f.emulator.faults.delay('living/get_user_all_livingid', 1000, 1);
    const first = await aibot.sendText('zhaoliu', '我的直播');
    assert.equal(first.reply?.stream.finish, false);
    assert.equal(first.reply?.stream.content, '处理中…');
    const id = first.reply?.stream.id as string;
    const refreshed = await refreshUntilDone('zhaoliu', id);
    assert.equal(refreshed.reply?.stream.id, id);
    assert.equal(refreshed.reply?.stream.finish, true);
    assert.match(refreshed.reply?.stream.content, /你还没有创建过直播/);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
    assert.equal((await pushesFor(f, 'zhaoliu', 0, 0)).length, 0, 'collected by a refresh: response_url never used');
  });

  it('a result later than WeCom’s refreshes comes once through response_url: the card in a single chat, markdown in a group', async () => {
    f.emulator.lives.create({ anchor_userid: 'late1', theme: '晚到的结果', living_start: Math.floor(f.emulator.clock.now() / 1000) + 3600, living_duration: 600 });
    f.emulator.lives.create({ anchor_userid: 'late2', theme: '群里晚到', living_start: Math.floor(f.emulator.clock.now() / 1000) + 3600, living_duration: 600 });
    f.emulator.faults.delay('living/get_user_all_livingid', WINDOW_MS + 500, 2);
    const [single, group] = await Promise.all([aibot.sendText('late1', '我的直播'), aibot.sendText('late2', '我的直播', { chat: 'wrGROUP4' })]);
    assert.deepEqual([single.reply?.stream.finish, group.reply?.stream.finish], [false, false], '处理中 at once');
    const [card] = await pushesFor(f, 'late1', 1);
    assert.equal(card?.body.msgtype, 'template_card', 'a single chat gets the card');
    assert.equal((card?.body as { template_card: { main_title: { title: string } } }).template_card.main_title.title, '我的直播');
    const [markdown] = await pushesFor(f, 'late2', 1);
    assert.equal(markdown?.body.msgtype, 'markdown', 'a group gets markdown');
    assert.match((markdown?.body as { markdown: { content: string } }).markdown.content, /群里晚到/);
    assert.equal(markdown?.chatid, 'wrGROUP4');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(f.emulator.calls.filter((c) => c.path === 'aibot/response' && c.query.response_code === card?.code).length, 1, 'response_url used once');
    assert.equal(f.emulator.messages.forUser('late1').length, 0, 'and not again through the app');
    const unknown = await aibot.refresh('late1', 'sNEVERSEEN');
    assert.deepEqual([unknown.reply?.stream.finish, unknown.reply?.stream.content], [false, '处理中…'], 'an unknown stream is never ended with an invitation to send again');
  });

  it('a result no refresh collected is pushed through response_url when the refreshes stop', async () => {
    f.emulator.faults.delay('living/get_user_all_livingid', 1000, 1);
    const quiet = await aibot.sendText('quiet', '我的直播');
    assert.equal(quiet.reply?.stream.finish, false);
    const [pushed] = await pushesFor(f, 'quiet', 1);
    assert.equal(pushed?.body.msgtype, 'markdown');
    assert.match((pushed?.body as { markdown: { content: string } }).markdown.content, /你还没有创建过直播/);
  });

  it('when WeCom refuses the response_url, the answer comes privately through the app', async () => {
    f.emulator.faults.failNext('aibot/response', 40058, 1, 'response_code expired');
    f.emulator.faults.delay('living/get_user_all_livingid', WINDOW_MS + 500, 1);
    const refused = await aibot.sendText('refusedto', '我的直播', { chat: 'wrGROUP5' });
    assert.equal(refused.reply?.stream.finish, false);
    const [viaApp] = await waitForMessages(f.emulator, 'refusedto', 1, WINDOW_MS + 4000);
    assert.match(viaApp?.content ?? '', /你还没有创建过直播/);
    assert.equal(f.emulator.aibotResponses.pushes.filter((p) => p.from === 'refusedto').length, 0);
  });

  it('a click slower than WeCom’s 5 s is answered empty at once, and its result comes through the click’s response_url', async () => {
    const created = await aibot.sendText('slowclick', '创建直播 慢点击 明天15:00');
    const card = created.reply?.template_card;
    const cancelKey = card.button_list.find((b: { text: string }) => b.text === '取消直播').key as string;
    f.emulator.faults.delay('living/get_living_info', 1000, 1);
    const slowQuestion = await aibot.clickButton('slowclick', card.task_id, cancelKey);
    assert.deepEqual([slowQuestion.status, slowQuestion.body], [200, ''], 'answered empty within the deadline');
    const [asked] = await pushesFor(f, 'slowclick', 1);
    assert.equal(asked?.body.msgtype, 'template_card', 'the question card, in the single chat');
    const askedCard = (asked?.body as { template_card: { task_id: string; main_title: { desc: string } } }).template_card;
    assert.equal(askedCard.main_title.desc, '确认取消这场直播？');
    assert.notEqual(askedCard.task_id, card.task_id, 'a new message gets its own task_id');
    const question = await aibot.clickButton('slowclick', card.task_id, cancelKey);
    const confirmKey = question.reply?.template_card.button_list.find((b: { text: string }) => b.text === '确认取消').key as string;
    f.emulator.faults.delay('living/cancel', 1000, 1);
    const late = await aibot.clickButton('slowclick', card.task_id, confirmKey);
    assert.deepEqual([late.status, late.body], [200, ''], 'answered empty within the deadline');
    const [, pushed] = await pushesFor(f, 'slowclick', 2);
    assert.equal(pushed?.body.msgtype, 'markdown');
    assert.match((pushed?.body as { markdown: { content: string } }).markdown.content, /^已取消直播「慢点击」/);
    assert.equal(f.emulator.lives.status(f.emulator.lives.all().find((l) => l.theme === '慢点击')!), 4);
  });

  it('a fourth message while three are in progress is told to wait (WeCom allows 3), and metrics count the channel', async () => {
    f.emulator.faults.delay('living/get_user_all_livingid', 1500, 3);
    const slow = await Promise.all([0, 1, 2].map(() => aibot.sendText('sunqi', '我的直播')));
    assert.ok(slow.every((a) => a.reply?.stream.finish === false), 'three in progress');
    const fourth = await aibot.sendText('sunqi', '帮助');
    assert.equal(fourth.reply?.stream.content, '你还有3条消息正在处理，请稍后再发。');
    const metrics = await (await fetch(`${f.url}/metrics`)).text();
    assert.match(metrics, /wecom_bot_callbacks_total\{channel="aibot",outcome="member-busy"\} 1/);
    assert.match(metrics, /wecom_bot_callbacks_total\{channel="aibot",outcome="ok"\} [1-9]/);
  });

  it('welcomes a member who opens the single chat (enter_chat), and private data asked in a group goes through the app', async () => {
    const welcome = await aibot.enterChat('newbie');
    assert.equal(welcome.reply?.msgtype, 'text');
    assert.match(welcome.reply?.text.content, /创建直播 周会 明天15:00/);
    const { livingid } = f.emulator.lives.create({ anchor_userid: 'admin', theme: '私密', living_start: Math.floor(f.emulator.clock.now() / 1000) + 3600, living_duration: 600 });
    const inGroup = await aibot.sendText('admin', `观看统计 ${livingid}`, { chat: 'wrGROUP3' });
    assert.equal(inGroup.reply?.stream.content, '结果涉及观看数据，已通过应用消息私信发给你。');
    const [privately] = await waitForMessages(f.emulator, 'admin', 1);
    assert.equal(privately?.card?.main_title.desc, '观看统计', 'the figures came through the app, to the asker only');
  });

  it('导出观看统计 asked in a group: the sheet and its summary go to the asker through the app, the group sees only a note', async () => {
    const { livingid } = f.emulator.lives.create({ anchor_userid: 'exporter', theme: '群里导出', living_start: Math.floor(f.emulator.clock.now() / 1000) + 3600, living_duration: 600 });
    f.emulator.lives.addViewers(livingid, [{ userid: 'viewer1', watch_time: 600, is_comment: 1, is_mic: 0 }]);
    const inGroup = await aibot.sendText('exporter', `导出观看统计 ${livingid}`, { chat: 'wrGROUP6' });
    assert.equal(inGroup.reply?.stream.content, '结果涉及观看数据，已通过应用消息私信发给你。', 'no figures in the group');
    const privately = await waitForMessages(f.emulator, 'exporter', 2);
    assert.ok(privately.some((m) => m.msgtype === 'file'), 'the sheet');
    assert.ok(privately.some((m) => /^「群里导出」观看名单：1位观众/.test(m.content ?? '')), 'its summary, privately');
  });

  it('我的直播 in a group: each row says what to send for its details, and 更多 how to page (a group has no buttons)', async () => {
    const start = Math.floor(f.emulator.clock.now() / 1000) + 3600;
    const ids = Array.from({ length: 7 }, (_, i) => f.emulator.lives.create({ anchor_userid: 'pager', theme: `第${i + 1}场`, living_start: start + i * 3600, living_duration: 600 }).livingid);
    const first = await aibot.sendText('pager', '我的直播', { chat: 'wrGROUP7' });
    const content = first.reply?.stream.content as string;
    assert.match(content, /共7场 · 第1\/2页/);
    assert.match(content, new RegExp(`^1\\.预约中：.* 第1场 · 发送「直播详情 ${ids[0]}」$`, 'm'), 'each row says what to send for its details');
    assert.equal(content.split('直播详情').length - 1, 5, 'five rows, each once');
    assert.ok(content.includes('更多：发送「我的直播 2」'), content);
    const second = await aibot.sendText('pager', '我的直播 第２页', { chat: 'wrGROUP7' });
    assert.match(second.reply?.stream.content, /第2\/2页/);
    assert.ok((second.reply?.stream.content as string).includes(`直播详情 ${ids[6]}`));
  });

  // Last: it stops the bot.
  it('a clean stop waits for a command answered 处理中: its result is pushed through response_url (no Redis) and a refresh still gets it', async () => {
    f.emulator.faults.delay('living/get_user_all_livingid', 1000, 1);
    const first = await aibot.sendText('stopping', '我的直播');
    assert.equal(first.reply?.stream.finish, false);
    assert.equal(await f.bot.drain(5000), true, 'drained');
    // In-process state dies with the process: without Redis, the stop pushes what no refresh collected yet.
    const [pushed] = await pushesFor(f, 'stopping', 1, 1000);
    assert.match((pushed?.body as { markdown?: { content: string } } | undefined)?.markdown?.content ?? '', /你还没有创建过直播/);
    const refreshed = await aibot.refresh('stopping', first.reply?.stream.id);
    assert.equal(refreshed.reply?.stream.finish, true);
    assert.match(refreshed.reply?.stream.content, /你还没有创建过直播/);
    const again = await aibot.refresh('stopping', first.reply?.stream.id);
    assert.deepEqual([again.reply?.stream.finish, again.reply?.stream.content], [true, refreshed.reply?.stream.content], 'a repeated refresh gets the same result');
  });
});
