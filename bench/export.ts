/**
 * The attendance export: 导出观看统计 for lives of 1,000 and 10,000 viewers (100 a page, every member named through
 * user/get), from the callback to the file message at the emulator, with the bot's peak heap while it runs (sampled
 * from its /metrics every 20 ms). Floors measured in the same run against the same emulator: reading the pages
 * alone, and reading them plus one user/get per member (what the sheet cannot do without).
 * The bot's heap includes garbage V8 has not collected yet; what the sheet itself keeps is measured in this
 * process, with a GC before each sample, while 1,000 / 10,000 / 50,000 rows stream to a file.
 * The bot runs in a child process pinned to core 0. Run: npm run bench:export
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { WeComEmulator } from '../src/emulator/server.js';
import { createLogger } from '../src/log.js';
import { AttendanceSheet } from '../src/sheets/attendance.js';
import { WeComApi } from '../src/wecom/client.js';
import { emulatorEnv, startBotProcess } from '../test/support/process.js';
import { saveResults } from './results.js';

const SIZES = (process.env.BENCH_VIEWERS ?? '1000,10000').split(',').map(Number);
const emulator = await WeComEmulator.start();
emulator.messages.perMemberPerMinute = Number.MAX_SAFE_INTEGER;
const { child, port } = await startBotProcess({ ...emulatorEnv(emulator), LOG_LEVEL: 'info' }, ['taskset', '-c', '0']);
emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;
const api = new WeComApi(emulator.corpid, emulator.corpsecret, { baseURL: emulator.url, logger: createLogger('silent') });

/** The bot's heap in use, from its /metrics. */
const heapUsed = () =>
  new Promise<number>((resolve, reject) => {
    http.get(`http://127.0.0.1:${port}/metrics`, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve(Number(/^nodejs_heap_size_used_bytes (\S+)/m.exec(body)?.[1] ?? Number.NaN)));
    }).on('error', reject);
  });

function liveWith(viewers: number, anchor: string): string {
  const start = Math.floor(emulator.clock.now() / 1000) + 3600;
  const { livingid } = emulator.lives.create({ anchor_userid: anchor, theme: `培训${viewers}`, living_start: start, living_duration: 3600 });
  const users = Array.from({ length: viewers }, (_, i) => ({ userid: `u${viewers}_${i}`, watch_time: 60 + (i % 3000), is_comment: i % 5 === 0 ? 1 : 0, is_mic: 0 }));
  for (const u of users) emulator.directory.add(u.userid, `成员${u.userid}`);
  emulator.lives.addViewers(livingid, users);
  return livingid;
}

async function exportOnce(livingid: string, anchor: string): Promise<{ ms: number; peakHeapMb: number; baseHeapMb: number }> {
  const baseHeap = await heapUsed();
  let peak = baseHeap;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heapUsed());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const arrived = new Promise<void>((resolve) => {
    const stop = emulator.messages.onMessage((m) => {
      if (m.touser === anchor && m.msgtype === 'file') {
        stop();
        resolve();
      }
    });
  });
  const t0 = performance.now();
  await emulator.callbacks.sendText(anchor, `导出观看统计 ${livingid}`);
  await arrived;
  const ms = performance.now() - t0;
  sampling = false;
  await sampler;
  return { ms, peakHeapMb: +(peak / 2 ** 20).toFixed(1), baseHeapMb: +(baseHeap / 2 ** 20).toFixed(1) };
}

async function pagesOnly(livingid: string, withNames: boolean): Promise<number> {
  const t0 = performance.now();
  for await (const page of api.allWatchStats(livingid)) {
    if (!withNames) continue;
    const pending = page.users.map((u) => u.userid);
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) await api.getUser(id);
    }));
  }
  return performance.now() - t0;
}

const rows = [];
for (const size of SIZES) {
  const anchor = `anchor${size}`;
  const livingid = liveWith(size, anchor);
  await exportOnce(liveWith(100, anchor), anchor); // warm-up: token, JIT, exceljs
  const floor = await pagesOnly(livingid, false);
  const floorNames = await pagesOnly(livingid, true);
  const run = await exportOnce(livingid, anchor);
  rows.push({
    viewers: size,
    exportMs: Math.round(run.ms),
    pagesOnlyMs: Math.round(floor),
    pagesAndNamesMs: Math.round(floorNames),
    'export/pages': +(run.ms / floor).toFixed(1),
    'export/pages+names': +(run.ms / floorNames).toFixed(2),
    heapBeforeMb: run.baseHeapMb,
    peakHeapMb: run.peakHeapMb,
    peakGrowthMb: +(run.peakHeapMb - run.baseHeapMb).toFixed(1),
  });
}
console.table(rows);

/** The most heap the streaming sheet keeps (after a GC) while `n` rows go to a file. */
async function sheetRetainedMb(n: number): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const before = process.memoryUsage().heapUsed;
  const sheet = new AttendanceSheet(`/tmp/bench-sheet-${n}.xlsx`);
  let peak = 0;
  for (let p = 0; p < n / 100; p++) {
    sheet.add(Array.from({ length: 100 }, (_, i) => ({ name: `成员${p}_${i}`, who: `u${p}_${i}`, watchSeconds: 60 + i, commented: i % 2 === 0, mic: false })));
    if (p % 10 === 0) {
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - before);
    }
  }
  await sheet.finish({ theme: 't', livingid: 'l', start: Date.now(), anchor: 'a', members: n, externals: 0, totalWatchSeconds: 1, commenters: 0, micUsers: 0 }, 'Asia/Shanghai');
  return +(peak / 2 ** 20).toFixed(2);
}
const retained = [];
for (const n of [1000, 10_000, 50_000]) retained.push({ rows: n, retainedPeakMb: await sheetRetainedMb(n) });
console.table(retained);
saveResults('export', { rows, sheetRetained: retained });
child.kill('SIGTERM');
await emulator.close();
process.exit(0);
