import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { SLOW_DOWN_TEXT } from '../../src/commands/help.js';
import type { Reply } from '../../src/replies/reply.js';
import { sleep, startBot, until, waitForMessages } from '../support/bot.js';

/** One member's flood, a member at WeCom's limit, and a refused secret: each costs only what it must. */
describe('fairness and bounded waiting', () => {
  it('a member flooding the bot is slowed down alone: ten others sending at the same time are all answered', async () => {
    const f = await startBot({ tweak: (c) => void (c.queue.capacity = 100) });
    try {
      const { livingid } = f.emulator.lives.create({ anchor_userid: 'x', theme: '刷屏', living_start: Math.floor(f.emulator.clock.now() / 1000) + 3600, living_duration: 600 });
      f.emulator.faults.delay('living/get_living_info', 30);
      const flood = Array.from({ length: 150 }, () => f.emulator.callbacks.sendText('flooder', `直播详情 ${livingid}`));
      await sleep(50);
      const started = performance.now();
      const others = Array.from({ length: 10 }, (_, i) => `colleague${i}`);
      await Promise.all(others.map((m) => f.emulator.callbacks.sendText(m, '帮助')));
      const answered = await Promise.all(others.map(async (m) => (await waitForMessages(f.emulator, m, 1, 10_000))[0]!));
      console.log(`during the flood, ten other members were answered within ${(performance.now() - started).toFixed(0)} ms`);
      assert.deepEqual(new Set(answered.map((m) => m.content.split('\n')[0])), new Set(['直播助手可用命令：']), 'no one else is told the bot is busy');
      await Promise.all(flood);
      f.emulator.faults.clear();
      const toFlooder = f.emulator.messages.forUser('flooder');
      assert.equal(toFlooder.filter((m) => m.content === SLOW_DOWN_TEXT).length, 1, 'told once to slow down, not once per message');
      assert.ok(f.bot.queue.depth <= 10, `the flooder holds at most 10 places: ${f.bot.queue.depth}`);
    } finally {
      await f.close();
    }
  });

  it('replies waiting for a member’s 30/min window are bounded: past 20, cards are summed up in one line', async () => {
    const card = (i: number): Reply => ({ kind: 'card', card: { card_type: 'text_notice', main_title: { title: `卡片${i}` }, card_action: { type: 1, url: 'https://example.com' } } });
    const f = await startBot({
      replyWindowMs: 800,
      dispatch: async (m) => (m.kind === 'text' ? Array.from({ length: 70 }, (_, i) => ({ to: m.from, reply: card(i) })) : []),
    });
    f.emulator.messages.windowMs = 800;
    try {
      await f.emulator.callbacks.sendText('busy', '来70张卡片');
      await waitForMessages(f.emulator, 'busy', 30);
      await until(() => f.bot.outbox.backlog <= 20, 2000, 'the backlog to hold the 20 that wait');
      const all = await waitForMessages(f.emulator, 'busy', 51, 8000);
      assert.equal(all.filter((m) => m.msgtype === 'template_card').length, 50, '30 at once, then the 20 that waited');
      assert.equal(all.at(-1)?.content, '消息太多，另有20条卡片没有发出。请稍后发送「我的直播」查看最新情况。');
      assert.equal(f.emulator.messages.dropped.length, 0, 'WeCom dropped nothing');
    } finally {
      await f.close();
    }
  });

  it('a refused secret (40001) holds the reply until the cooldown ends instead of dropping it', async () => {
    const f = await startBot({ tweak: (c) => void (c.token.failureCooldownSeconds = 1) });
    try {
      f.emulator.faults.failNext('gettoken', 40001, 1, 'invalid credential');
      await f.emulator.callbacks.sendText('patient', '帮助');
      const [reply] = await waitForMessages(f.emulator, 'patient', 1, 8000);
      assert.match(reply?.content ?? '', /^直播助手可用命令/);
      assert.ok(f.logs.some((l) => l.includes('reply held: WeCom refuses the app secret')));
    } finally {
      await f.close();
    }
  });
});
