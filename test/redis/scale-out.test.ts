import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AibotSender } from '../../src/emulator/aibot.js';
import { randomMsgId } from '../../src/emulator/callbacks.js';
import { WeComEmulator } from '../../src/emulator/server.js';
import { createLogger } from '../../src/log.js';
import { connectRedis, type RedisConnection } from '../../src/redis/connection.js';
import { RedisTokenStore } from '../../src/redis/token-store.js';
import { WeComApi } from '../../src/wecom/client.js';
import { sleep, startBot, waitForMessages, type BotFixture } from '../support/bot.js';
import { startRedis, type RedisServer } from '../support/redis.js';
import { HELD_UNVERIFIED } from '../../src/commands/dispatch.js';

const silent = createLogger('silent');
const waitUntil = async (what: string, check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

describe('scale-out on a real redis-server', () => {
  let redis: RedisServer;
  let emulator: WeComEmulator;
  const connections: RedisConnection[] = [];
  const connect = async () => {
    const c = connectRedis(redis.url, silent);
    connections.push(c);
    await waitUntil('Redis', c.isUp);
    return c;
  };

  before(async () => {
    redis = await startRedis();
    emulator = await WeComEmulator.start();
  });
  after(async () => {
    for (const c of connections) await c.close();
    await emulator.close();
    await redis.close();
  });

  it('500 concurrent cold calls spread over two instances cause exactly one gettoken', async () => {
    const { livingid } = emulator.lives.create({ anchor_userid: 'a', theme: '共享', living_start: Math.floor(Date.now() / 1000) + 3600, living_duration: 60 });
    const instances = await Promise.all(
      [0, 1].map(async () => new WeComApi(emulator.corpid, emulator.corpsecret, { baseURL: emulator.url, logger: silent, tokenStore: new RedisTokenStore(await connect()) })),
    );
    const before = emulator.countCalls('gettoken');
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) => instances[i % 2]!.getLivingInfo(livingid)));
    assert.ok(results.every((r) => r.living_info.theme === '共享'));
    assert.equal(emulator.countCalls('gettoken') - before, 1);
  });

  it('one member’s messages never run side by side across instances, even past the lane’s lock time', async () => {
    const spans: Array<[number, number]> = [];
    let running = 0;
    let overlapped = false;
    const dispatch = async () => {
      if (++running > 1) overlapped = true;
      const start = Date.now();
      await sleep(150);
      spans.push([start, Date.now()]);
      running--;
      return [];
    };
    // A Redis of its own: these instances' figures must not show in the deployment's 统计 below.
    const own = await startRedis();
    const connections = [0, 1].map(() => connectRedis(own.url, silent));
    for (const c of connections) await waitUntil('Redis', c.isUp);
    const bots = await Promise.all(connections.map((redis) => startBot({ emulator, redis, dispatch, env: { WECOM_QUEUE_LOCK_MS: '500' } })));
    try {
      for (let i = 0; i < 8; i++) {
        emulator.callbacks.url = `${bots[i % 2]!.url}/wecom/callback`;
        await emulator.callbacks.sendText('lane-member', `消息${i}`);
      }
      await waitUntil('all eight ran', () => spans.length === 8, 20_000);
      assert.equal(overlapped, false, 'never two at once, though 8 × 150 ms is longer than the 500 ms lock');
    } finally {
      for (const b of bots) await b.close();
      for (const c of connections) await c.close();
      await own.close();
    }
  });

  it('a token WeCom refused is refreshed once for the whole deployment', async () => {
    const [a, b] = await Promise.all(
      [0, 1].map(async () => new WeComApi(emulator.corpid, emulator.corpsecret, { baseURL: emulator.url, logger: silent, tokenStore: new RedisTokenStore(await connect()) })),
    );
    await a!.getApiDomainIp();
    await b!.getApiDomainIp();
    const before = emulator.countCalls('gettoken');
    emulator.tokens.expireAll();
    await a!.getApiDomainIp(); // 42001 → one refresh, stored in Redis
    await b!.getApiDomainIp(); // 42001 with its old token → finds the fresh one in Redis, no gettoken
    assert.equal(emulator.countCalls('gettoken') - before, 1);
  });

  describe('two bot instances behind one load balancer', () => {
    let bots: BotFixture[];
    const aibotKeys = new AibotSender({ now: () => Date.now() });
    before(async () => {
      // A 2 s window stands in for WeCom’s minute, at the bots and at the emulator alike.
      emulator.messages.windowMs = 2000;
      const env = { WECOM_ADMIN_USERIDS: 'admin', WECOM_QUEUE_PER_MEMBER: '100', WECOM_AIBOT_TOKEN: aibotKeys.token, WECOM_AIBOT_ENCODING_AES_KEY: aibotKeys.encodingAESKey };
      bots = await Promise.all(
        ['bot-a', 'bot-b'].map(async (instanceId) =>
          startBot({ emulator, redis: await connect(), replyWindowMs: 2000, instanceId, statsIntervalMs: 50, env, aibotTiming: { deadlineMs: 500 } }),
        ),
      );
    });
    after(async () => {
      for (const b of bots) await b.close();
    });

    /** One WeCom delivery, signed and encrypted once, POSTed `copies` times to each instance at once. */
    const deliverToBoth = async (from: string, content: string, copies: number) => {
      const c = emulator.callbacks;
      const xml =
        `<xml><ToUserName><![CDATA[${emulator.corpid}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
        `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
        `<Content><![CDATA[${content}]]></Content><MsgId>${randomMsgId()}</MsgId><AgentID>${emulator.agentid}</AgentID></xml>`;
      const encrypted = c.crypto.encrypt(xml);
      const s = c.sign(encrypted, {});
      const query = new URLSearchParams({ msg_signature: s.signature, timestamp: s.timestamp, nonce: s.nonce });
      const posts = bots.flatMap((b) =>
        Array.from({ length: copies }, () => fetch(`${b.url}/wecom/callback?${query}`, { method: 'POST', body: c.envelope(encrypted) }).then((r) => r.status)),
      );
      return Promise.all(posts);
    };

    it('the same message delivered to both instances, 4 times each, creates one live and sends one reply', async () => {
      const livesBefore = emulator.lives.size;
      const statuses = await deliverToBoth('zhangsan', '创建直播 横向扩展 明天15:00', 4);
      assert.deepEqual(statuses, Array(8).fill(200));
      await waitForMessages(emulator, 'zhangsan', 1);
      await sleep(300);
      assert.equal(emulator.messages.forUser('zhangsan').length, 1, 'one reply');
      assert.equal(emulator.lives.size - livesBefore, 1, 'one live');
      const outcomes = bots.flatMap((b) => b.logs.map((l) => JSON.parse(l) as { msg: string; outcome?: string })).filter((l) => l.msg === 'callback');
      assert.equal(outcomes.filter((l) => l.outcome === 'ok').length, 1);
      assert.equal(outcomes.filter((l) => l.outcome === 'duplicate').length, 7);
    });

    it('a question asked by one instance is answered through the other: one live, as the two messages said', async () => {
      const livesBefore = emulator.lives.size;
      emulator.callbacks.url = `${bots[0]!.url}/wecom/callback`;
      await emulator.callbacks.sendText('qianqi', '创建直播 跨实例周会');
      const [question] = await waitForMessages(emulator, 'qianqi', 1);
      assert.match(question?.content ?? '', /^直播「跨实例周会」：什么时候开始？/);
      // The question is in Redis, not in the instance that asked: whichever worker takes the answer reads it there.
      const open = JSON.parse((await (await connect()).client.get('wecom:conversation:app:qianqi')) ?? 'null') as { command: string } | null;
      assert.equal(open?.command, 'create');
      emulator.callbacks.url = `${bots[1]!.url}/wecom/callback`;
      await emulator.callbacks.sendText('qianqi', '明天下午3点');
      const [, card] = await waitForMessages(emulator, 'qianqi', 2);
      assert.equal(card?.card?.main_title.title, '跨实例周会');
      assert.match(card?.card?.horizontal_content_list?.find((r) => r.keyname === '开始')?.value ?? '', / 15:00 /);
      assert.equal(emulator.lives.size - livesBefore, 1);
    });

    it('智能机器人: one msgid delivered to both instances creates one live; a refresh reaching the other instance gets the result', async () => {
      const [toA, toB] = bots.map((b) => Object.assign(emulator.aibotSender(aibotKeys.token, aibotKeys.encodingAESKey), { url: `${b.url}/wecom/aibot` }));
      const livesBefore = emulator.lives.size;
      const answers = await Promise.all([
        toA!.sendText('zhoujiu', '创建直播 两台实例 明天15:00', { chat: 'wrSCALE', msgid: 'aibot-twice' }),
        toB!.sendText('zhoujiu', '创建直播 两台实例 明天15:00', { chat: 'wrSCALE', msgid: 'aibot-twice' }),
      ]);
      assert.equal(emulator.lives.size - livesBefore, 1, 'one live');
      const [created] = answers.filter((a) => a.reply);
      assert.match(created?.reply?.stream.content, /\*\*两台实例\*\*　直播已创建/);
      assert.deepEqual(answers.filter((a) => !a.reply).map((a) => a.body), [''], 'the other instance answers the duplicate empty');

      emulator.faults.delay('living/get_user_all_livingid', 1000, 1);
      const first = await toA!.sendText('zhoujiu', '我的直播');
      assert.equal(first.reply?.stream.finish, false, '处理中 from instance A');
      let refreshed = await toB!.refresh('zhoujiu', first.reply?.stream.id);
      for (let i = 0; refreshed.reply?.stream.finish === false && i < 50; i++) {
        await sleep(100);
        refreshed = await toB!.refresh('zhoujiu', first.reply?.stream.id);
      }
      assert.equal(refreshed.reply?.stream.finish, true, 'instance B finishes the stream A started');
      assert.equal(refreshed.reply?.msgtype, 'stream_with_template_card', 'the card came through Redis with the stream');
      assert.equal(refreshed.reply?.template_card.main_title.title, '我的直播');
      assert.ok(JSON.stringify(refreshed.reply?.template_card).includes('两台实例'));
    });

    it('keeps one member within 30 messages per window across both instances: none dropped, none lost', async () => {
      const sends = Array.from({ length: 40 }, (_, i) => {
        const bot = bots[i % 2]!;
        return { bot, text: `帮助 #${i}` };
      });
      // 40 replies need two windows: the 30 first go at once, the rest wait (and may be merged into fewer messages).
      await Promise.all(
        sends.map(async ({ bot, text }) => {
          const c = emulator.callbacks;
          const xml =
            `<xml><ToUserName><![CDATA[${emulator.corpid}]]></ToUserName><FromUserName><![CDATA[busy]]></FromUserName>` +
            `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
            `<Content><![CDATA[${text}]]></Content><MsgId>${randomMsgId()}</MsgId></xml>`;
          const encrypted = c.crypto.encrypt(xml);
          const s = c.sign(encrypted, {});
          const query = new URLSearchParams({ msg_signature: s.signature, timestamp: s.timestamp, nonce: s.nonce });
          const res = await fetch(`${bot.url}/wecom/callback?${query}`, { method: 'POST', body: c.envelope(encrypted) });
          assert.equal(res.status, 200);
        }),
      );
      const replies = () => emulator.messages.forUser('busy').reduce((n, m) => n + m.content.split('直播助手可用命令').length - 1, 0);
      await waitUntil('40 replies', () => replies() >= 40, 10_000);
      assert.equal(replies(), 40);
      assert.equal(emulator.messages.dropped.filter((m) => m.touser === 'busy').length, 0, 'WeCom dropped nothing');
    });

    it('统计 on one instance shows the whole deployment, and each instance', async () => {
      await sleep(200); // both have published since their last call
      const a = bots[0]!.bot.api.getApiStats().totalCalls;
      const b = bots[1]!.bot.api.getApiStats().totalCalls;
      assert.ok(a > 0 && b > 0, 'both instances called WeCom');
      const before = emulator.messages.forUser('admin').length;
      emulator.callbacks.url = `${bots[0]!.url}/wecom/callback`;
      await emulator.callbacks.sendText('admin', '统计');
      const [card] = (await waitForMessages(emulator, 'admin', before + 1)).slice(before);
      assert.equal(card?.card?.main_title.desc, `共${a + b}次调用 · 2个实例`);
      assert.match(card?.card?.sub_title_text ?? '', /(?:^|。)(?:bot-a：\d+次 [\d.]+%；bot-b：\d+次 [\d.]+%|bot-b：\d+次 [\d.]+%；bot-a：\d+次 [\d.]+%)$/);
    });

    it('a stream of messages across a Redis stop and restart: every one acknowledged and answered, no crash', async () => {
      const users = Array.from({ length: 30 }, (_, i) => `stream${i}`);
      const statuses: number[] = [];
      for (const [i, user] of users.entries()) {
        if (i === 10) await redis.stop();
        if (i === 20) await redis.start();
        emulator.callbacks.url = `${bots[i % 2]!.url}/wecom/callback`;
        const { answers } = await emulator.callbacks.sendText(user, '帮助');
        statuses.push(answers[0]!.status);
        await sleep(30);
      }
      assert.deepEqual(statuses, Array(30).fill(200));
      await waitUntil('every message answered', () => users.every((u) => emulator.messages.forUser(u).length >= 1), 20_000);
      await waitUntil('Redis back', () => connections.slice(-2).every((c) => c.isUp()), 10_000);
      for (const bot of bots) assert.equal((await fetch(`${bot.url}/healthz`)).status, 200, 'still alive');
    });

    it('Redis killed: a create WeCom delivers to both instances runs on neither, and each says why; back once Redis is', async () => {
      await redis.stop();
      await waitUntil('Redis down', () => connections.slice(-2).every((c) => !c.isUp()));
      const livesBefore = emulator.lives.size;
      // WeCom's retries reaching the other instance: at once, and 100 ms apart.
      const statuses = await deliverToBoth('held', '创建直播 双实例 明天15:00', 2);
      assert.deepEqual(statuses, [200, 200, 200, 200]);
      for (let i = 0; i < 3; i++) {
        await sleep(100);
        await deliverToBoth(`held${i}`, '创建直播 双实例 明天16:00', 1);
      }
      await waitForMessages(emulator, 'held', 2);
      for (let i = 0; i < 3; i++) await waitForMessages(emulator, `held${i}`, 2);
      assert.equal(emulator.lives.size, livesBefore, 'no live was created while the duplicates could not be checked');
      assert.ok(emulator.messages.forUser('held').every((m) => m.content === HELD_UNVERIFIED), 'each instance said why');
      await redis.start();
      await waitUntil('Redis back', () => connections.slice(-2).every((c) => c.isUp()), 10_000);
      await deliverToBoth('held', '创建直播 双实例 明天15:00', 2);
      await waitForMessages(emulator, 'held', 3);
      await sleep(300);
      assert.equal(emulator.lives.size - livesBefore, 1, 'sent again with Redis back: one live');
      assert.equal(emulator.messages.forUser('held').length, 3, 'and one reply');
    });

    it('keeps answering while Redis is down, and goes back to it when it returns', async () => {
      await redis.stop();
      await waitUntil('Redis down', () => !connections.at(-1)!.isUp());
      const metricsDown = await (await fetch(`${bots[0]!.url}/metrics`)).text();
      assert.match(metricsDown, /wecom_bot_redis_up 0/);
      for (const [i, bot] of bots.entries()) {
        emulator.callbacks.url = `${bot.url}/wecom/callback`;
        const { answers } = await emulator.callbacks.sendText(`offline${i}`, '帮助');
        assert.equal(answers[0]?.status, 200, 'WeCom still gets its 200');
        await waitForMessages(emulator, `offline${i}`, 1);
      }
      await redis.start();
      await waitUntil('Redis back', () => connections.slice(-2).every((c) => c.isUp()), 10_000);
      const statuses = await deliverToBoth('lisi', '帮助', 2);
      assert.deepEqual(statuses, [200, 200, 200, 200]);
      await waitForMessages(emulator, 'lisi', 1);
      await sleep(300);
      assert.equal(emulator.messages.forUser('lisi').length, 1, 'shared de-duplication is back');
      assert.match(await (await fetch(`${bots[1]!.url}/metrics`)).text(), /wecom_bot_redis_up 1/);
    });
  });
});
