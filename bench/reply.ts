/**
 * Time to reply: from the moment WeCom (the emulator) POSTs a member's `帮助` to the moment the bot's reply reaches
 * the emulator's message/send, for 1,000 commands, next to the floor measured in the same run: one bare keep-alive
 * message/send to the emulator (the least a reply can cost). The bot runs in a child process pinned to core 0.
 * Run: npm run bench:reply
 */
import { saveResults } from './results.js';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import { WeComEmulator } from '../src/emulator/server.js';
import { emulatorEnv, startBotProcess } from '../test/support/process.js';

const N = Number(process.env.BENCH_COMMANDS ?? 1000);
const emulator = await WeComEmulator.start();
emulator.messages.perMemberPerMinute = Number.MAX_SAFE_INTEGER;
// The bot's per-callback log lines are read and dropped by the helper, as a log shipper would.
const { child, port } = await startBotProcess({ ...emulatorEnv(emulator), LOG_LEVEL: 'info' }, ['taskset', '-c', '0']);
emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;

const waiting = new Map<string, () => void>();
emulator.messages.onMessage((m, change) => {
  if (change === 'new') waiting.get(m.touser)?.();
});
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function replyTimes(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const user = `bench${i % 50}`; // 50 members, so no one nears WeCom's 30/min (lifted in the emulator anyway)
    const arrived = new Promise<void>((resolve) => waiting.set(user, resolve));
    const t0 = performance.now();
    await emulator.callbacks.sendText(user, '帮助');
    await arrived;
    times.push(performance.now() - t0);
  }
  return times;
}

const token = emulator.tokens.get(emulator.corpid, emulator.corpsecret).access_token;
const bare = axios.create({ baseURL: emulator.url, httpAgent: new http.Agent({ keepAlive: true }) });
async function floorTimes(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await bare.post(`/cgi-bin/message/send?access_token=${token}`, { touser: 'floor', agentid: emulator.agentid, msgtype: 'text', text: { content: 'x' } });
    times.push(performance.now() - t0);
  }
  return times;
}

await replyTimes(); // warm-up of both processes
await floorTimes();
const bot = await replyTimes();
const floor = await floorTimes();
const row = (name: string, xs: number[]) => ({ name, p50Ms: +quantile(xs, 0.5).toFixed(2), p99Ms: +quantile(xs, 0.99).toFixed(2) });
const rows = [row('callback → reply at message/send', bot), row('floor: one bare message/send', floor)];
console.table(rows);
console.log(`time to reply / floor: p50 ${(rows[0]!.p50Ms / rows[1]!.p50Ms).toFixed(1)}×, p99 ${(rows[0]!.p99Ms / rows[1]!.p99Ms).toFixed(1)}× (${N} commands)`);
saveResults('reply', { rows, commands: N });
child.kill('SIGTERM');
await emulator.close();
process.exit(0);
