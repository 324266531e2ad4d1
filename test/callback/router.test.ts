import { createServer } from 'node:http';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createBot } from '../../src/app.js';
import type { CallbackMessage } from '../../src/callback/message.js';
import { helpText } from '../../src/commands/registry.js';
import { loadConfig } from '../../src/config.js';
import { randomEncodingAESKey, randomMsgId } from '../../src/emulator/callbacks.js';
import { createLogger } from '../../src/log.js';
import { WeComCrypto } from '../../src/wecom/crypto.js';
import { sleep, startBot, until, waitForMessages, type BotFixture } from '../support/bot.js';

describe('callback endpoint: URL check and messages', () => {
  let f: BotFixture;
  before(async () => {
    f = await startBot();
  });
  after(() => f.close());

  it('answers WeCom’s URL check with the decrypted plaintext, well within 1 s', async () => {
    const answer = await f.emulator.callbacks.urlCheck();
    assert.equal(answer.status, 200);
    assert.equal(answer.body, answer.echo);
    assert.ok(answer.ms < 1000);
  });

  it('refuses a URL check with a bad signature (401) or no echostr (400)', async () => {
    const echostr = f.emulator.callbacks.crypto.encrypt('123');
    const ts = String(Math.floor(Date.now() / 1000));
    const bad = await fetch(`${f.emulator.callbacks.url}?${new URLSearchParams({ msg_signature: 'a'.repeat(40), timestamp: ts, nonce: '1', echostr })}`);
    assert.equal(bad.status, 401);
    assert.equal(await bad.text(), 'bad-signature');
    const none = await fetch(`${f.emulator.callbacks.url}?${new URLSearchParams({ msg_signature: 'a', timestamp: ts, nonce: '1' })}`);
    assert.equal(none.status, 400);
  });

  it('answers a text with an empty 200, then replies through message/send', async () => {
    const { answers } = await f.emulator.callbacks.sendText('zhangsan', '帮助');
    assert.deepEqual(answers.map((a) => [a.status, a.body]), [[200, '']]);
    const [reply] = await waitForMessages(f.emulator, 'zhangsan', 1);
    assert.equal(reply?.msgtype, 'text');
    assert.equal(reply?.content, helpText());
  });

  it('handles one message delivered 4 times concurrently once', async () => {
    const { answers } = await f.emulator.callbacks.sendText('lisi', '帮助', { copies: 4 });
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200]);
    await waitForMessages(f.emulator, 'lisi', 1);
    await sleep(200);
    assert.equal(f.emulator.messages.forUser('lisi').length, 1);
  });

  it('handles a retry that arrives later with a new signature once (same MsgId)', async () => {
    const msgId = randomMsgId();
    await f.emulator.callbacks.sendText('wangwu', '帮助', { msgId });
    await waitForMessages(f.emulator, 'wangwu', 1);
    await f.emulator.callbacks.sendText('wangwu', '帮助', { msgId, nonce: 'another' });
    await sleep(200);
    assert.equal(f.emulator.messages.forUser('wangwu').length, 1);
  });

  it('serves /healthz and Prometheus /metrics', async () => {
    const health = (await (await fetch(`${f.url}/healthz`)).json()) as Record<string, unknown>;
    assert.equal(health.status, 'ok');
    assert.equal(health.mode, 'production');
    assert.match(String(health.version), /^\d+\.\d+\.\d+/);
    const metrics = await (await fetch(`${f.url}/metrics`)).text();
    assert.match(metrics, /wecom_bot_callbacks_total\{channel="app",outcome="ok"\} \d+/);
    assert.match(metrics, /wecom_bot_callbacks_total\{channel="app",outcome="duplicate"\} [1-9]/);
    assert.match(metrics, /wecom_api_calls_total\{endpoint="message\/send",errcode="0"\} [1-9]/);
    assert.match(metrics, /wecom_token_fetches_total 1/);
    assert.match(metrics, /wecom_bot_queue_depth 0/);
    assert.match(metrics, /wecom_bot_command_duration_seconds_count\{kind="text"\} [1-9]/);
  });
});

describe('callback endpoint: bad input gets its status and reaches no user', () => {
  let f: BotFixture;
  const handled: CallbackMessage[] = [];
  before(async () => {
    f = await startBot({ dispatch: async (m) => (handled.push(m), []) });
  });
  after(() => f.close());

  const post = (query: Record<string, string>, body: string) =>
    fetch(`${f.emulator.callbacks.url}?${new URLSearchParams(query)}`, { method: 'POST', body });
  const signed = (encrypted: string, overrides: { timestamp?: number } = {}) => {
    const s = f.emulator.callbacks.sign(encrypted, overrides);
    return { msg_signature: s.signature, timestamp: s.timestamp, nonce: s.nonce };
  };
  const innerText = (content: string, from = 'mallory') =>
    `<xml><ToUserName><![CDATA[x]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>1</CreateTime>` +
    `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${randomMsgId()}</MsgId></xml>`;

  it('refuses each bad request with its status and reason', async () => {
    const c = f.emulator.callbacks;
    const good = c.crypto.encrypt(innerText('hi'));
    const now = Math.floor(f.emulator.clock.now() / 1000);
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><xml><Encrypt>&lol3;</Encrypt></xml>';
    const otherCorp = new WeComCrypto(c.token, c.encodingAESKey, 'wwAnotherCorp').encrypt(innerText('x'));
    const otherKey = new WeComCrypto(c.token, randomEncodingAESKey(), f.emulator.corpid).encrypt(innerText('x'));
    const broken = c.crypto.encrypt('<xml><FromUserName>');
    // U+212A KELVIN SIGN lower-cases to k: a sender WeCom could not have named, refused before it names anyone.
    const kelvin = c.crypto.encrypt(innerText('hi', '\u212Aim'));
    // A reason may be a pattern: a message under another key fails its padding check, or (about 1 in 256) passes it
    // and fails the structure check after it; both say "not our key".
    const cases: Array<[string, Record<string, string>, string, number, string | RegExp]> = [
      ['no query', {}, c.envelope(good), 400, 'missing-query'],
      ['a body over 64 KB', signed(good), `<xml><Encrypt>${'A'.repeat(70_000)}</Encrypt></xml>`, 413, 'body-too-large'],
      ['broken XML', signed(good), '<xml><Encrypt>', 400, 'malformed-xml'],
      ['not XML at all', signed(good), '{"Encrypt":"x"}', 400, 'malformed-xml'],
      ['a billion-laughs body', signed(good), laughs, 400, 'doctype'],
      ['a timestamp 310 s old', signed(good, { timestamp: now - 310 }), c.envelope(good), 401, 'stale-timestamp'],
      ['a timestamp 310 s ahead', signed(good, { timestamp: now + 310 }), c.envelope(good), 401, 'stale-timestamp'],
      ['a wrong signature', { ...signed(good), msg_signature: 'f'.repeat(40) }, c.envelope(good), 401, 'bad-signature'],
      ['a body swapped under a valid signature', signed(good), c.envelope(c.crypto.encrypt(innerText('evil'))), 401, 'bad-signature'],
      ['a message for another corp', signed(otherCorp), c.envelope(otherCorp), 401, 'wrong-receiver'],
      ['a message encrypted with another key', signed(otherKey), c.envelope(otherKey), 401, /^bad-(padding|ciphertext)$/],
      ['a decrypted message that is not XML', signed(broken), c.envelope(broken), 400, 'malformed-message'],
      ['a sender that is no userid (non-ASCII)', signed(kelvin), c.envelope(kelvin), 400, 'malformed-message'],
    ];
    // The billion-laughs body answers `doctype`: refused by a substring check before any XML is parsed.
    const reasons: string[] = [];
    for (const [name, query, body, status, reason] of cases) {
      const res = await post(query, body);
      assert.equal(res.status, status, name);
      const text = await res.text();
      assert.match(text, typeof reason === 'string' ? new RegExp(`^${reason}$`) : reason, name);
      reasons.push(text);
    }
    // Refusals are logged as a digest: the first of each reason at once, with the client's address.
    const kinds = [...new Set(reasons)];
    const refused = () => f.logs.map((l) => JSON.parse(l) as { msg: string; kind?: string; from?: string }).filter((l) => l.msg === 'callback refused');
    await until(() => refused().length >= kinds.length);
    assert.equal(handled.length, 0, 'no bad request reached the dispatcher');
    assert.equal(f.emulator.countCalls('message/send'), 0, 'nobody was sent anything');
    assert.deepEqual(refused().map((l) => l.kind), kinds, 'each reason is logged when it first happens');
    assert.ok(refused().every((l) => l.from === '127.0.0.1' || l.from === '::ffff:127.0.0.1'), 'with the client address');
    const health = await fetch(`${f.url}/healthz`);
    assert.equal(health.status, 200, 'the process is alive');
  });

  it('a flood of unsigned POSTs writes a line or two, not a line each; /metrics still counts every one', async () => {
    const before = f.logs.join('\n').length;
    const counted = async () => Number(/^wecom_bot_callbacks_total\{channel="app",outcome="missing-query"\} (\d+)/m.exec(await (await fetch(`${f.url}/metrics`)).text())?.[1] ?? 0);
    const start = await counted();
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(Array.from({ length: 100 }, () => fetch(`${f.url}${f.config.callbackPath}`, { method: 'POST', body: '<xml/>' }).then((r) => r.text())));
    }
    assert.equal((await counted()) - start, 2000);
    const written = f.logs.join('\n').length - before;
    assert.ok(written < 2000, `2,000 refusals wrote ${written} bytes of log`);
  });

  it('handles distinct events of the same second separately (no FromUserName+CreateTime key)', async () => {
    handled.length = 0;
    const c = f.emulator.callbacks;
    const ts = Math.floor(f.emulator.clock.now() / 1000);
    await Promise.all([
      c.clickButton('zhangsan', 'task1', 'info:lv1', 'code1', { timestamp: ts }),
      c.clickButton('zhangsan', 'task1', 'cancel:lv1', 'code2', { timestamp: ts }),
    ]);
    await until(() => handled.length >= 2);
    assert.deepEqual(handled.map((m) => (m.kind === 'card-click' ? m.eventKey : m.kind)).sort(), ['cancel:lv1', 'info:lv1']);
  });

  it('parses card clicks, live status changes and other events into typed messages', async () => {
    handled.length = 0;
    const c = f.emulator.callbacks;
    await c.livingStatusChange('zhangsan', 'lvABC', 1);
    await c.event('lisi', 'enter_agent');
    const { msgId } = await c.sendText('lisi', ' 创建直播 <测试> & ]]> ');
    await until(() => handled.length >= 2);
    assert.deepEqual(handled[0], { ...handled[0], kind: 'living-status', livingId: 'lvABC', status: 1, from: 'zhangsan' });
    // enter_agent, LOCATION and the like are acknowledged and go no further: the bot does nothing with them.
    assert.equal(handled[1]?.kind, 'text');
    assert.equal(handled[1]?.kind === 'text' && handled[1].msgId, msgId, 'the 64-bit MsgId survives as a string');
    assert.equal(handled[1]?.kind === 'text' && handled[1].content, ' 创建直播 <测试> & ]]> ', 'as sent; the command parser normalises');
    assert.equal(handled.length, 2);
    assert.match(await (await fetch(`${f.url}/metrics`)).text(), /wecom_bot_callbacks_total\{channel="app",outcome="ignored"\} 1/);
  });
});

describe('callback endpoint: answers fast, keeps order, never drops', () => {
  it('a WeCom call that takes 6 s does not delay the 200', async () => {
    const f = await startBot();
    try {
      f.emulator.faults.delay('message/send', 6000, 1);
      const { answers } = await f.emulator.callbacks.sendText('zhangsan', '帮助');
      assert.equal(answers[0]?.status, 200);
      // WeCom's deadline is 5 s: the answer must not wait for the 6 s call.
      assert.ok(answers[0]!.ms < 5000, `answered in ${answers[0]!.ms} ms`);
      assert.equal(f.emulator.messages.forUser('zhangsan').length, 0, 'the reply was still on its way when the 200 came');
      await waitForMessages(f.emulator, 'zhangsan', 1, 9000);
    } finally {
      await f.close();
    }
  });

  it('runs one member’s messages in the order they were sent', async () => {
    const f = await startBot({
      dispatch: async (m) => {
        await sleep(Math.random() * 30);
        return m.kind === 'text' ? [{ to: m.from, reply: { kind: 'text' as const, content: m.content } }] : [];
      },
    });
    try {
      for (let i = 0; i < 8; i++) await f.emulator.callbacks.sendText('zhangsan', `第${i}条`);
      const got = await waitForMessages(f.emulator, 'zhangsan', 8);
      assert.deepEqual(got.map((m) => m.content), Array.from({ length: 8 }, (_, i) => `第${i}条`));
    } finally {
      await f.close();
    }
  });

  it('a full queue tells the member the bot is busy instead of dropping the message', async () => {
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const f = await startBot({
      concurrency: 1,
      tweak: (c) => (c.queue.capacity = 1),
      dispatch: async (m) => (await gate, m.kind === 'text' ? [{ to: m.from, reply: { kind: 'text' as const, content: `done ${m.content}` } }] : []),
    });
    try {
      await f.emulator.callbacks.sendText('a', 'first');
      const { answers } = await f.emulator.callbacks.sendText('b', 'second');
      assert.equal(answers[0]?.status, 200);
      const [busy] = await waitForMessages(f.emulator, 'b', 1);
      assert.equal(busy?.content, '机器人正忙，请稍后再发一次。');
      release();
      const [done] = await waitForMessages(f.emulator, 'a', 1);
      assert.equal(done?.content, 'done first');
    } finally {
      release();
      await f.close();
    }
  });

  it('keeps replies within 30 per member per window: the rest wait or merge, none is dropped', async () => {
    const f = await startBot({
      // 40 messages at once from one member: above the per-member bound of 20, which is not what this test is about.
      env: { WECOM_QUEUE_PER_MEMBER: '100' },
      replyWindowMs: 400,
      dispatch: async (m) => (m.kind === 'text' ? [{ to: m.from, reply: { kind: 'text' as const, content: m.content } }] : []),
    });
    f.emulator.messages.windowMs = 400;
    try {
      await Promise.all(Array.from({ length: 40 }, (_, i) => f.emulator.callbacks.sendText('chatty', `#${i}`)));
      const deadline = Date.now() + 5000;
      const contents = () => f.emulator.messages.forUser('chatty').flatMap((m) => m.content.split('\n\n'));
      while (contents().length < 40 && Date.now() < deadline) await sleep(20);
      const raw = JSON.stringify(f.emulator.messages.forUser('chatty').map((m) => m.content));
      assert.deepEqual(contents().sort(), Array.from({ length: 40 }, (_, i) => `#${i}`).sort(), raw);
      assert.equal(f.emulator.messages.dropped.length, 0, 'WeCom dropped nothing');
      assert.ok(f.emulator.messages.forUser('chatty').length < 40, 'some replies were merged');
    } finally {
      await f.close();
    }
  });
});

describe('callback endpoint with WeCom’s official test vectors', () => {
  it('answers a fresh URL check made with the official Token, EncodingAESKey and corpid, and refuses the 2014 one as stale', async () => {
    const wecom = {
      corpId: 'wx5823bf96d3bd56c7',
      corpSecret: 'unused',
      agentId: 1,
      token: 'QDG6eK',
      encodingAESKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
    };
    const bot = createBot({ config: loadConfig({}), wecom, logger: createLogger('silent') });
    const server = createServer(bot.listener).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/wecom/callback`;
    try {
      const official = new URLSearchParams({
        msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
        timestamp: '1409659589',
        nonce: '263014780',
        echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
      });
      const stale = await fetch(`${base}?${official}`);
      assert.equal(stale.status, 401);
      assert.equal(await stale.text(), 'stale-timestamp');

      const crypto = new WeComCrypto(wecom.token, wecom.encodingAESKey, wecom.corpId);
      const echostr = crypto.encrypt('1616140317555161061');
      const timestamp = String(Math.floor(Date.now() / 1000));
      const fresh = new URLSearchParams({ msg_signature: crypto.sign(timestamp, '263014780', echostr), timestamp, nonce: '263014780', echostr });
      const ok = await fetch(`${base}?${fresh}`);
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), '1616140317555161061');
    } finally {
      server.close();
    }
  });
});
