/**
 * The 智能机器人 channel, measured in one run beside the app's:
 * 1. Callback throughput: the AI bot's endpoint (JSON, ReceiveId "", and a second AES pass to seal the passive
 *    reply) against the app's endpoint (XML, acknowledged empty), both with a dispatcher that answers nothing, 50
 *    connections, pre-sealed distinct messages from 1,000 members; bot on core 0, load on core 1; interleaved rounds.
 * 2. Time to answer: a group `@直播助手 帮助` and `@直播助手 创建直播 …` until the passive answer is back, against
 *    the app's `帮助` until its reply reaches message/send, and one bare message/send (the floor), each 500 times in
 *    sequence; the bot is a real process pinned to core 0 against the emulator.
 * Run: npm run bench:aibot   (BENCH_SECONDS, BENCH_ROUNDS, BENCH_COMMANDS)
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import axios from 'axios';
import { systemClock } from '../src/clock.js';
import { AibotSender } from '../src/emulator/aibot.js';
import { CallbackSender, randomEncodingAESKey, randomMsgId } from '../src/emulator/callbacks.js';
import { WeComEmulator } from '../src/emulator/server.js';
import { emulatorEnv, startBotProcess } from '../test/support/process.js';
import { measure, medians, SECONDS, type Row, type Sealed } from './load.js';
import { saveResults } from './results.js';

const corpid = 'ww0123456789abcdef';
const app = new CallbackSender('BenchToken123', randomEncodingAESKey(), corpid, 1000002, systemClock);
const aibot = new AibotSender(systemClock);
const env = {
  ...process.env,
  WECOM_CORP_ID: corpid,
  WECOM_CORP_SECRET: 'bench-secret',
  WECOM_AGENT_ID: '1000002',
  WECOM_TOKEN: app.token,
  WECOM_ENCODING_AES_KEY: app.encodingAESKey,
  WECOM_AIBOT_TOKEN: aibot.token,
  WECOM_AIBOT_ENCODING_AES_KEY: aibot.encodingAESKey,
  WECOM_API_BASE_URL: 'http://127.0.0.1:9',
  LOG_LEVEL: 'info',
};

// The same text through both channels, from 1,000 members (the AI bot lets each have 3 messages in progress).
const content = '帮助';
const POOL = 40_000;
const now = () => Math.floor(Date.now() / 1000);
const appPool: Sealed[] = Array.from({ length: POOL }, (_, i) => {
  const xml =
    `<xml><ToUserName><![CDATA[${corpid}]]></ToUserName><FromUserName><![CDATA[member${i % 1000}]]></FromUserName>` +
    `<CreateTime>${now()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content>` +
    `<MsgId>${randomMsgId()}</MsgId><AgentID>1000002</AgentID></xml>`;
  const encrypted = app.crypto.encrypt(xml);
  const s = app.sign(encrypted, {});
  return { path: `/wecom/callback?msg_signature=${s.signature}&timestamp=${s.timestamp}&nonce=${s.nonce}`, body: app.envelope(encrypted) };
});
const aibotPool: Sealed[] = Array.from({ length: POOL }, (_, i) => {
  const json = JSON.stringify({ msgid: randomMsgId(), aibotid: 'AIBOTID', chatid: 'wrBENCH', chattype: 'group', from: { userid: `member${i % 1000}` }, response_url: 'https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=x', msgtype: 'text', text: { content: `@直播助手 ${content}` } });
  const encrypt = aibot.crypto.encrypt(json);
  const timestamp = String(now());
  const nonce = randomMsgId().slice(0, 10);
  return { path: `/wecom/aibot?msg_signature=${aibot.crypto.sign(timestamp, nonce, encrypt)}&timestamp=${timestamp}&nonce=${nonce}`, body: JSON.stringify({ encrypt }) };
});
console.log(`app envelope ${Buffer.byteLength(appPool[0]!.body)} bytes, AI-bot envelope ${Buffer.byteLength(aibotPool[0]!.body)} bytes; ${POOL} distinct messages each`);

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const runs: Record<string, Row[]> = { app: [], aibot: [] };
for (let round = 0; round < ROUNDS; round++) {
  runs.app!.push(await measure('app endpoint (XML, empty ack)', 'bench/servers/bot.ts', env, appPool));
  runs.aibot!.push(await measure('智能机器人 endpoint (JSON, sealed answer)', 'bench/servers/bot.ts', env, aibotPool));
}
const rows = medians(runs);
console.table(rows);
const throughput = rows[1]!.rps / rows[0]!.rps;
console.log(`medians of ${ROUNDS} interleaved rounds of ${SECONDS} s: AI-bot / app requests per second ${throughput.toFixed(2)}×`);

// 2. Time to answer, against the emulator.
const N = Number(process.env.BENCH_COMMANDS ?? 500);
const emulator = await WeComEmulator.start();
emulator.messages.perMemberPerMinute = Number.MAX_SAFE_INTEGER;
const group = emulator.aibotSender();
const { child, port } = await startBotProcess(
  { ...emulatorEnv(emulator), WECOM_AIBOT_TOKEN: group.token, WECOM_AIBOT_ENCODING_AES_KEY: group.encodingAESKey, LOG_LEVEL: 'info' },
  ['taskset', '-c', '0'],
);
emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;
group.url = `http://127.0.0.1:${port}/wecom/aibot`;
const waiting = new Map<string, () => void>();
emulator.messages.onMessage((m, change) => {
  if (change === 'new') waiting.get(m.touser)?.();
});
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function times(one: (i: number) => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await one(i);
    out.push(performance.now() - t0);
  }
  return out;
}
const groupAnswer = (text: string) => async (i: number) => {
  const answer = await group.sendText(`bench${i % 50}`, text, { chat: 'wrBENCH' });
  if (answer.reply?.stream?.finish !== true) throw new Error(`no finished answer: ${answer.status} ${answer.body.slice(0, 80)}`);
};
const appReply = async (i: number) => {
  const user = `app${i % 50}`;
  const arrived = new Promise<void>((resolve) => waiting.set(user, resolve));
  await emulator.callbacks.sendText(user, '帮助');
  await arrived;
};
const token = emulator.tokens.get(emulator.corpid, emulator.corpsecret).access_token;
const bare = axios.create({ baseURL: emulator.url, httpAgent: new http.Agent({ keepAlive: true }) });
const floor = async () => {
  await bare.post(`/cgi-bin/message/send?access_token=${token}`, { touser: 'floor', agentid: emulator.agentid, msgtype: 'text', text: { content: 'x' } });
};
// A live a day ahead, the same each time: 创建直播 refuses nothing and creates N lives at the emulator.
const create = groupAnswer('创建直播 群周会 明天15:00');
for (const warm of [groupAnswer('帮助'), appReply, floor, create]) for (let i = 0; i < 50; i++) await warm(i);
const series: Array<[string, number[]]> = [
  ['group @帮助 → passive answer', await times(groupAnswer('帮助'))],
  ['group @创建直播 → answer with the live ID', await times(create)],
  ['app 帮助 → reply at message/send', await times(appReply)],
  ['floor: one bare message/send', await times(floor)],
];
const answerRows = series.map(([name, xs]) => ({ name, p50Ms: +quantile(xs, 0.5).toFixed(2), p99Ms: +quantile(xs, 0.99).toFixed(2) }));
console.table(answerRows);
const [help, created, appHelp] = answerRows;
console.log(`time to answer (${N} each): group 帮助 p50 ${help!.p50Ms} ms vs the app's ${appHelp!.p50Ms} ms (${(help!.p50Ms / appHelp!.p50Ms).toFixed(2)}×); group 创建直播 p50 ${created!.p50Ms} ms, p99 ${created!.p99Ms} ms`);
saveResults('aibot', { rows, runs, throughput, rounds: ROUNDS, seconds: SECONDS, answers: answerRows, commands: N });
child.kill('SIGTERM');
await emulator.close();
process.exit(0);
