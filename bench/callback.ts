/**
 * Callback throughput and latency: autocannon, 50 connections, one encrypted ~600-byte text message (a pre-built
 * pool of distinct MsgIds, so dedupe never turns the run into a no-op), against the bot's endpoint and a bare
 * node:http floor doing the same verify + decrypt + parse, measured in the same run. Servers run pinned to core 0,
 * the load generator to core 1 (taskset), one server at a time. Then a steady open-loop 2,000 req/s (bench/load.ts
 * steady(): latency from when each request was due) for p99.
 * Run: npm run bench:callback   (BENCH_SECONDS to change the 10 s per run)
 */
import { saveResults } from './results.js';
import { measure as measureWith, measureSteady, medians, SECONDS, type Row, type SteadyRow } from './load.js';
import { CallbackSender, randomEncodingAESKey, randomMsgId } from '../src/emulator/callbacks.js';
import { systemClock } from '../src/clock.js';

const corpid = 'ww0123456789abcdef';
const sender = new CallbackSender('BenchToken123', randomEncodingAESKey(), corpid, 1000002, systemClock);
const env = {
  ...process.env,
  WECOM_CORP_ID: corpid,
  WECOM_CORP_SECRET: 'bench-secret',
  WECOM_AGENT_ID: '1000002',
  WECOM_TOKEN: sender.token,
  WECOM_ENCODING_AES_KEY: sender.encodingAESKey,
  WECOM_API_BASE_URL: 'http://127.0.0.1:9',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
};

// A ~600-byte envelope per request, each with its own MsgId, signed now (valid for the 300 s window).
const content = '创建直播 季度产品发布会 明天下午3点 90分钟 面向全体员工介绍新产品线与路线图';
const pool = Array.from({ length: 60_000 }, () => {
  const msgId = randomMsgId();
  const now = Math.floor(Date.now() / 1000);
  const xml =
    `<xml><ToUserName><![CDATA[${corpid}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>` +
    `<CreateTime>${now}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content>` +
    `<MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
  const encrypted = sender.crypto.encrypt(xml);
  const s = sender.sign(encrypted, {});
  return { path: `/wecom/callback?msg_signature=${s.signature}&timestamp=${s.timestamp}&nonce=${s.nonce}`, body: sender.envelope(encrypted) };
});
console.log(`envelope size: ${Buffer.byteLength(pool[0]!.body)} bytes; pool: ${pool.length} distinct messages`);

// The commonest callback: a small LOCATION event (members' clients report it when they open the app), which the
// bot acknowledges and ignores. Events carry no MsgId: each is distinct by its CreateTime and coordinates.
const locations = Array.from({ length: 60_000 }, (_, i) => {
  const now = Math.floor(Date.now() / 1000);
  const xml =
    `<xml><ToUserName><![CDATA[${corpid}]]></ToUserName><FromUserName><![CDATA[member${i % 500}]]></FromUserName>` +
    `<CreateTime>${now - (i % 200)}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[LOCATION]]></Event>` +
    `<Latitude>${(23 + i / 1e5).toFixed(6)}</Latitude><Longitude>113.${String(i).padStart(6, '0')}</Longitude><Precision>30.0</Precision>` +
    `<AgentID>1000002</AgentID></xml>`;
  const encrypted = sender.crypto.encrypt(xml);
  const s = sender.sign(encrypted, {});
  return { path: `/wecom/callback?msg_signature=${s.signature}&timestamp=${s.timestamp}&nonce=${s.nonce}`, body: sender.envelope(encrypted) };
});
console.log(`LOCATION event envelope: ${Buffer.byteLength(locations[0]!.body)} bytes`);

// Single runs on a 2-core machine swing: rounds interleave the servers, medians are shown.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const RATE = 2000;
const runs: Record<string, Row[]> = { standard: [], bot: [], webot: [], floor: [], botText: [] };
const steadyRuns: Record<string, SteadyRow[]> = { standard: [], bot: [] };
for (let round = 0; round < ROUNDS; round++) {
  // The headline: the commonest callback against standard parts and against node-webot.
  runs.standard!.push(await measureWith('standard floor: node:http + @wecom/crypto + fast-xml-parser (LOCATION)', 'bench/servers/standard-floor.ts', env, locations));
  runs.bot!.push(await measureWith('bot (LOCATION)', 'bench/servers/bot.ts', env, locations));
  runs.webot!.push(await measureWith('node-webot wechat-enterprise + express (LOCATION)', 'bench/servers/webot.ts', env, locations));
  // A text command: the bot against a floor of its own verify/decrypt/parse (what the queue and dedupe cost).
  runs.floor!.push(await measureWith('project floor: node:http + the bot’s verify/decrypt/parse (text)', 'bench/servers/floor.ts', env, pool));
  runs.botText!.push(await measureWith('bot (text command)', 'bench/servers/bot.ts', env, pool));
  steadyRuns.standard!.push(await measureSteady(`standard floor @ ${RATE} req/s steady (LOCATION)`, 'bench/servers/standard-floor.ts', env, locations, RATE));
  steadyRuns.bot!.push(await measureSteady(`bot @ ${RATE} req/s steady (LOCATION)`, 'bench/servers/bot.ts', env, locations, RATE));
}
const rows = medians(runs);
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const steadyRows = Object.values(steadyRuns).map((r) => ({
  server: r[0]!.server,
  p50: med(r.map((x) => x.p50)),
  p99: med(r.map((x) => x.p99)),
  max: med(r.map((x) => x.max)),
  non2xx: r.reduce((n, x) => n + x.non2xx, 0),
  errors: r.reduce((n, x) => n + x.errors, 0),
}));
console.table(rows);
console.table(steadyRows);
console.log(`all runs (rps / p99): ${Object.entries(runs).map(([k, r]) => `${k}: ${r.map((x) => `${Math.round(x.rps)}/${x.p99}`).join(' ')}`).join('; ')}`);
console.log(`steady runs (p99 / max ms): ${Object.entries(steadyRuns).map(([k, r]) => `${k}: ${r.map((x) => `${x.p99}/${x.max}`).join(' ')}`).join('; ')}`);
const rps = (i: number) => rows[i]!.rps;
const ratio = rps(1) / rps(0);
const webotRatio = rps(1) / rps(2);
const textRatio = rps(4) / rps(3);
const p99Ratio = steadyRows[1]!.p99 / steadyRows[0]!.p99;
console.log(
  `medians of ${ROUNDS} interleaved rounds, LOCATION event: bot/standard floor ${ratio.toFixed(2)}× (goal ≥ 0.8×), bot/node-webot ${webotRatio.toFixed(2)}× (goal ≥ 2×); ` +
    `text command: bot/project floor ${textRatio.toFixed(2)}×; at a steady ${RATE} req/s bot p99 ${steadyRows[1]!.p99} ms vs standard floor ${steadyRows[0]!.p99} ms: ${p99Ratio.toFixed(2)}× (goal ≤ 1.2×)`,
);
saveResults('callback', { rows, runs, steadyRows, steadyRuns, ratio, webotRatio, textRatio, p99Ratio, rounds: ROUNDS, seconds: SECONDS });
process.exit(0);
