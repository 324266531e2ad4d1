/**
 * Memory: heap and RSS after 1,000,000 dedupe keys and after 100,000 callbacks through the bot's endpoint, and
 * again once their TTLs have expired (the clock is moved, not waited for), each next to the baseline measured at the
 * start of the same run. Run: npm run bench:memory   (BENCH_CALLBACKS to change the 100,000)
 */
import { saveResults } from './results.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot } from '../src/app.js';
import { MemoryDedupe } from '../src/callback/dedupe.js';
import { OffsetClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { CallbackSender, randomEncodingAESKey, randomMsgId } from '../src/emulator/callbacks.js';
import { createLogger } from '../src/log.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc (npm run bench:memory does)');
const mb = (n: number) => +(n / 1024 / 1024).toFixed(1);
const measure = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapMb: mb(m.heapUsed), rssMb: mb(m.rss) };
};
const rows: Array<{ state: string; heapMb: number; rssMb: number }> = [];
const note = (state: string) => rows.push({ state, ...measure() });

note('baseline');
// 1. The dedupe store: 1,000,000 MsgId keys with WeCom's TTL, then all expired.
const clock = new OffsetClock();
const dedupe = new MemoryDedupe(clock);
for (let i = 0; i < 1_000_000; i++) await dedupe.claim(`msg:${7_000_000_000_000_000_000n + BigInt(i)}`, 900);
note('1,000,000 dedupe keys');
clock.advance(901_000);
await dedupe.claim('msg:after', 900);
note('after their TTL');

// 2. 100,000 callbacks through the bot's real endpoint (no replies: the dispatcher answers nothing).
const N = Number(process.env.BENCH_CALLBACKS ?? 100_000);
const corpid = 'ww0123456789abcdef';
const botClock = new OffsetClock();
const sender = new CallbackSender('MemToken', randomEncodingAESKey(), corpid, 1000002, botClock);
const config = loadConfig({});
const bot = createBot({
  config,
  clock: botClock,
  logger: createLogger('warn'),
  dispatch: async () => [],
  wecom: { corpId: corpid, corpSecret: 'x', agentId: 1000002, token: sender.token, encodingAESKey: sender.encodingAESKey },
});
const server = createServer(bot.listener).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wecom/callback`;
const send = async () => {
  const xml = `<xml><ToUserName><![CDATA[${corpid}]]></ToUserName><FromUserName><![CDATA[m]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[帮助]]></Content><MsgId>${randomMsgId()}</MsgId></xml>`;
  const encrypted = sender.crypto.encrypt(xml);
  const s = sender.sign(encrypted, {});
  const res = await fetch(`${url}?msg_signature=${s.signature}&timestamp=${s.timestamp}&nonce=${s.nonce}`, { method: 'POST', body: sender.envelope(encrypted) });
  await res.arrayBuffer();
};
const run = async (count: number) => {
  let left = count;
  await Promise.all(Array.from({ length: 32 }, async () => {
    while (left-- > 0) await send();
  }));
};
await run(10_000);
note('10,000 callbacks');
await run(N - 10_000);
note(`${N.toLocaleString('en')} callbacks`);
botClock.advance(901_000); // every dedupe key has expired
await run(1000);
note('after their TTL (+1,000 callbacks)');
server.close();

console.table(rows);
const base = rows[0]!.heapMb;
console.log(
  `heap per dedupe key: ${(((rows[1]!.heapMb - base) * 1024 * 1024) / 1_000_000).toFixed(0)} bytes; ` +
    `after TTL the heap is ${(rows[2]!.heapMb / base).toFixed(2)}× the baseline; ` +
    `after ${N.toLocaleString('en')} callbacks and their TTL, ${(rows.at(-1)!.heapMb / rows[3]!.heapMb).toFixed(2)}× the heap at 10,000`,
);
saveResults('memory', { rows });
process.exit(0);
