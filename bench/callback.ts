/**
 * Callback throughput and latency: autocannon, 50 connections, one encrypted ~600-byte text message (a pre-built
 * pool of distinct MsgIds, so dedupe never turns the run into a no-op), against the bot's endpoint and a bare
 * node:http floor doing the same verify + decrypt + parse, measured in the same run. Servers run pinned to core 0,
 * the load generator to core 1 (taskset), one server at a time. Then a fixed 2,000 req/s run for p99.
 * Run: npm run bench:callback   (BENCH_SECONDS to change the 10 s per run)
 */
import { saveResults } from './results.js';
import { spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { CallbackSender, randomEncodingAESKey, randomMsgId } from '../src/emulator/callbacks.js';
import { systemClock } from '../src/clock.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
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

async function startServer(script: string): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_PROFILE=1 writes a V8 CPU profile of each server to bench/profiles/ (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] : [];
  const args = ['-c', '0', process.execPath, ...profile, '--import', 'tsx', script];
  // stdout (the bot's JSON log lines) goes to /dev/null: written for real, read by nobody on the load core.
  const child = spawn('taskset', args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) {
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve({ child, port: Number(m[1]) });
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited ${code} before listening`)));
  });
}

let next = 0;
function load(port: number, options: Partial<autocannon.Options> = {}): Promise<autocannon.Result> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 50,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const item = pool[next++ % pool.length]!;
          return { ...req, path: item.path, body: item.body };
        },
      },
    ],
    ...options,
  });
}

interface Row {
  server: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}
async function measure(name: string, script: string, options: Partial<autocannon.Options> = {}): Promise<Row> {
  const { child, port } = await startServer(script);
  try {
    await load(port, { duration: 2 }); // warm-up
    const r = await load(port, options);
    return { server: name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

// Single runs on a 2-core machine swing (a p99 from 15 to 69 ms): rounds interleave bot and floor, medians are shown.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const fixed = { overallRate: 2000 };
const runs: Record<string, Row[]> = { floor: [], bot: [], 'floor@2000': [], 'bot@2000': [] };
for (let round = 0; round < ROUNDS; round++) {
  runs.floor!.push(await measure('floor (node:http)', 'bench/servers/floor.ts'));
  runs.bot!.push(await measure('bot (callback endpoint)', 'bench/servers/bot.ts'));
  runs['floor@2000']!.push(await measure('floor @ 2,000 req/s', 'bench/servers/floor.ts', fixed));
  runs['bot@2000']!.push(await measure('bot @ 2,000 req/s', 'bench/servers/bot.ts', fixed));
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: Row[] = Object.values(runs).map((r) => ({
  server: r[0]!.server,
  rps: Math.round(med(r.map((x) => x.rps))),
  p50: med(r.map((x) => x.p50)),
  p99: med(r.map((x) => x.p99)),
  non2xx: r.reduce((n, x) => n + x.non2xx, 0),
  errors: r.reduce((n, x) => n + x.errors, 0),
}));
console.table(rows);
console.log(`all runs (rps / p99): ${Object.entries(runs).map(([k, r]) => `${k}: ${r.map((x) => `${Math.round(x.rps)}/${x.p99}`).join(' ')}`).join('; ')}`);
const ratio = rows[1]!.rps / rows[0]!.rps;
const p99Ratio = rows[3]!.p99 / rows[2]!.p99;
console.log(`medians of ${ROUNDS} interleaved rounds: bot/floor requests per second ${ratio.toFixed(2)}× (goal ≥ 0.8×); at 2,000 req/s bot p99 ${rows[3]!.p99} ms vs floor ${rows[2]!.p99} ms: ${p99Ratio.toFixed(2)}× (goal ≤ 1.2×)`);
saveResults('callback', { rows, runs, ratio, p99Ratio, rounds: ROUNDS, seconds: SECONDS });
process.exit(0);
