import assert from 'node:assert/strict';
// Not part of `npm test` (a minute of load): `npm run test:soak`, or SOAK_SECONDS=600 npm run test:soak.
import { after, before, describe, it } from 'node:test';
import { WeComEmulator } from '../../src/emulator/server.js';
import { sleep } from '../support/bot.js';
import { emulatorEnv, startBotProcess, type BotProcess } from '../support/process.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const RATE = 20; // commands a second, over 80 members: 15 a minute each, under WeCom's 30

/** Reads a gauge from the bot's own /metrics. */
async function gauge(port: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([\\d.e+]+)$`, 'm').exec(text);
  if (!match) throw new Error(`no ${name} in /metrics`);
  return Number(match[1]);
}

describe(`soak: ${SECONDS} s of mixed commands at ${RATE}/s`, () => {
  let emulator: WeComEmulator;
  let bot: BotProcess;
  before(async () => {
    emulator = await WeComEmulator.start();
    // A heap cap makes V8 collect old space as it fills instead of growing the heap first, so the lowest readings
    // show what is live (without it a minute can pass with no major GC, and garbage reads as growth); a leak still
    // shows, as a rising floor and then a crash.
    bot = await startBotProcess({ ...emulatorEnv(emulator), WECOM_ADMIN_USERIDS: 'm0', NODE_OPTIONS: '--max-old-space-size=96' });
    emulator.callbacks.url = `http://127.0.0.1:${bot.port}/wecom/callback`;
  });
  after(async () => {
    bot.child.kill('SIGTERM');
    await emulator.close();
  });

  it('answers every command, with a flat heap and no handle leak', async () => {
    const members = Array.from({ length: 80 }, (_, i) => `m${i}`);
    const lives: string[] = [];
    emulator.messages.onMessage((m, change) => {
      const id = change === 'new' ? m.card?.horizontal_content_list?.find((r) => r.keyname === '直播ID')?.value : undefined;
      if (id && m.card?.main_title.desc === '直播已创建') lives.push(id);
    });
    const commands = [
      () => '帮助',
      () => `创建直播 浸泡${lives.length} 明天15:00 30分钟`,
      () => '我的直播',
      () => (lives.length ? `直播详情 ${lives[lives.length - 1]}` : '帮助'),
      () => (lives.length ? `观看统计 ${lives[0]}` : '帮助'),
      () => (lives.length ? `取消直播 ${lives.pop()}` : '帮助'),
      () => '统计',
      () => '没有这个命令',
    ];
    const samples: Array<{ at: number; heap: number; handles: number }> = [];
    const started = Date.now();
    let sent = 0;
    let nextSample = started;
    while (Date.now() - started < SECONDS * 1000) {
      const member = members[sent % members.length]!;
      const text = commands[sent % commands.length]!();
      const { answers } = await emulator.callbacks.sendText(member, text);
      assert.equal(answers[0]?.status, 200);
      sent++;
      if (Date.now() >= nextSample) {
        samples.push({ at: Date.now() - started, heap: await gauge(bot.port, 'nodejs_heap_size_used_bytes'), handles: await gauge(bot.port, 'nodejs_active_handles_total') });
        nextSample += 2000;
      }
      const due = started + (sent * 1000) / RATE;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    // Every command answered, each with its own reply: 15 a minute per member stays under WeCom's 30, so nothing
    // waits and nothing is merged.
    const deadline = Date.now() + 15_000;
    const answered = () => members.reduce((n, m) => n + emulator.messages.forUser(m).length, 0);
    while (answered() < sent && Date.now() < deadline) await sleep(100);
    assert.equal(answered(), sent, `${answered()} replies for ${sent} commands`);
    assert.equal(emulator.messages.dropped.length, 0, 'WeCom dropped no reply');

    // Heap: the lowest reading of the last quarter against the lowest of the first (after warm-up), so GC timing
    // does not decide; handles: the same count at the end as once warm.
    const quarter = Math.max(2, Math.floor(samples.length / 4));
    const early = samples.slice(1, 1 + quarter);
    const late = samples.slice(-quarter);
    const minHeap = (xs: typeof samples) => Math.min(...xs.map((s) => s.heap)) / 1024 / 1024;
    if (process.env.SOAK_DEBUG) console.log(samples.map((s) => `${(s.at / 1000).toFixed(0)}s:${(s.heap / 2 ** 20).toFixed(0)}`).join(" "));
    assert.ok(minHeap(late) - minHeap(early) < 20, `heap grew from ${minHeap(early).toFixed(1)} MB to ${minHeap(late).toFixed(1)} MB`);
    const handles = (xs: typeof samples) => Math.max(...xs.map((s) => s.handles));
    assert.ok(handles(late) <= handles(early) + 10, `active handles went from ${handles(early)} to ${handles(late)}`);
    assert.equal(bot.child.exitCode, null, 'the bot is alive');
  });
});
