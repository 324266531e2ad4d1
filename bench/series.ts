/**
 * A training series with an audience (issue 22): `创建直播 … 每周三下午3点 共N次 邀请 公司` for 10,000 members over 200
 * departments, from 是 to the answer at the emulator — N living/create, one invitation for every session, and every
 * session on every member's calendar (oa/schedule/add + add_attendees, 1,000 a call). Baseline measured in the same
 * run against the same emulator: the same N lives created one message at a time (`创建直播 … 邀请 公司` each: N
 * invitations). Besides the time, what matters to an admin is printed: member-messages of the daily quota used.
 * The bot runs in a child process pinned to core 0. Run: npm run bench:series
 */
import { performance } from 'node:perf_hooks';
import { WeComEmulator } from '../src/emulator/server.js';
import { emulatorEnv, startBotProcess } from '../test/support/process.js';
import { saveResults } from './results.js';
import { replyTimer } from './timed-reply.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 8);
const DEPARTMENTS = 200;
const emulator = await WeComEmulator.start();
emulator.messages.perMemberPerMinute = Number.MAX_SAFE_INTEGER;
const { child, port } = await startBotProcess({ ...emulatorEnv(emulator), LOG_LEVEL: 'info', WECOM_ADMIN_USERIDS: 'hr' }, ['taskset', '-c', '0']);
emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;
for (let d = 0; d < DEPARTMENTS; d++) emulator.directory.addDepartment(100 + d, `销售${d}组`, 1);
emulator.directory.add('hr', '人事', [1]);
for (let i = 0; i < MEMBERS; i++) emulator.directory.add(`m${i}`, `成员${i}`, [100 + (i % DEPARTMENTS)]);

const hr = replyTimer(emulator, 'hr');
const timed = hr.timed.bind(hr);
const quotaUsed = () => emulator.messages.sends.reduce((n, s) => n + (s.recipients > 1 ? s.recipients : 0), 0);

// Warm-up: the token, the directory's names, the JIT of the create path.
await timed('创建直播 预热 明天15:00 邀请 销售0组', (m) => m.content.startsWith('已邀请'));
const before = { quota: quotaUsed(), schedules: emulator.schedules.all().length };

await timed(`创建直播 新人培训 每周三下午3点 共${SESSIONS}次 1小时 邀请 公司`, (m) => m.content.startsWith('要创建系列直播'));
const seriesMs = await timed('是', (m) => m.content.startsWith('已创建系列直播'));
const series = { quota: quotaUsed() - before.quota, schedules: emulator.schedules.all().length - before.schedules };

// Baseline: the same sessions, one message each (the week after the series' last, so no two lives collide).
const singlesBefore = { quota: quotaUsed(), schedules: emulator.schedules.all().length };
const t0 = performance.now();
for (let i = 0; i < SESSIONS; i++) {
  await timed(`创建直播 新人培训${i + 1} ${SESSIONS + i + 1}周后下午3点 1小时 邀请 公司`, (m) => m.content.startsWith('已邀请'));
}
const singlesMs = performance.now() - t0;
const singles = { quota: quotaUsed() - singlesBefore.quota, schedules: emulator.schedules.all().length - singlesBefore.schedules };

const rows = [
  { way: `系列 (${SESSIONS} sessions, ${MEMBERS} members)`, ms: Math.round(seriesMs), quotaUsed: series.quota, schedules: series.schedules },
  { way: `${SESSIONS} × 创建直播 … 邀请 (baseline)`, ms: Math.round(singlesMs), quotaUsed: singles.quota, schedules: singles.schedules },
];
console.table(rows);
const ratio = +(seriesMs / singlesMs).toFixed(2);
console.log(`series / one by one: ${ratio}× the time, ${(series.quota / singles.quota).toFixed(3)}× the message quota`);
saveResults('series', { members: MEMBERS, sessions: SESSIONS, rows, ratio });
child.kill('SIGTERM');
await emulator.close();
process.exit(0);
