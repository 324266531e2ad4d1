/**
 * A training of 10,000 invited members over 200 departments (issue 21), from the callback to the answer at the
 * emulator: 邀请 (names read, the audience resolved, 10 message/send calls), 完成情况 (every page of watch stats,
 * completion by department), the workbook with 完成情况 and 部门汇总, and 催看. Baselines measured in the same run
 * against the same emulator: 观看统计 of the same live (the same pages, no audience), and 导出观看统计 of a live with
 * the same viewers and no audience (the sheet without the two new ones).
 * The bot runs in a child process pinned to core 0. Run: npm run bench:training
 */
import { WeComEmulator } from '../src/emulator/server.js';
import { emulatorEnv, startBotProcess } from '../test/support/process.js';
import { saveResults } from './results.js';
import { replyTimer } from './timed-reply.js';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 10_000);
const DEPARTMENTS = 200;
const emulator = await WeComEmulator.start();
emulator.messages.perMemberPerMinute = Number.MAX_SAFE_INTEGER;
const { child, port } = await startBotProcess({ ...emulatorEnv(emulator), LOG_LEVEL: 'info', WECOM_ADMIN_USERIDS: 'hr' }, ['taskset', '-c', '0']);
emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;

for (let d = 0; d < DEPARTMENTS; d++) emulator.directory.addDepartment(100 + d, `部门${d}`, 1);
emulator.directory.add('hr', '人事', [1]);
const members = Array.from({ length: MEMBERS }, (_, i) => `m${i}`);
members.forEach((m, i) => emulator.directory.add(m, `成员${i}`, [100 + (i % DEPARTMENTS)]));

const start = Math.floor(emulator.clock.now() / 1000) + 3600;
const viewers = members.filter((_, i) => i % 10 < 7).map((userid, i) => ({ userid, watch_time: 300 + ((i * 37) % 3600), is_comment: 0, is_mic: 0 }));
const trained = emulator.lives.create({ anchor_userid: 'hr', theme: '全员培训', living_start: start, living_duration: 3600 });
const plain = emulator.lives.create({ anchor_userid: 'hr', theme: '全员培训对照', living_start: start, living_duration: 3600 });

const hr = replyTimer(emulator, 'hr');
const timed = hr.timed.bind(hr);

const inviteMs = await timed(`邀请 ${trained.livingid} 公司`, (m) => m.content.startsWith('已邀请'));
const invitationCalls = emulator.messages.sends.filter((s) => s.recipients > 1).length;
emulator.lives.addViewers(trained.livingid, viewers);
emulator.lives.addViewers(plain.livingid, viewers);
// Ended an hour ago (moved, as the sandbox's seed does: the emulator's clock must stay with the bot's, which checks
// each callback's timestamp).
for (const live of [trained, plain]) live.living_start = Math.floor(emulator.clock.now() / 1000) - 7200;
// Warm-up: the token and the JIT of both paths.
await timed(`观看统计 ${plain.livingid}`, (m) => m.card?.main_title.desc === '观看统计');
await timed(`完成情况 ${trained.livingid}`, (m) => m.card?.main_title.desc === '完成情况');

const rounds = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const watch: number[] = [];
const completion: number[] = [];
const plainExport: number[] = [];
const trainedExport: number[] = [];
for (let r = 0; r < rounds; r++) {
  watch.push(await timed(`观看统计 ${trained.livingid}`, (m) => m.card?.main_title.desc === '观看统计'));
  completion.push(await timed(`完成情况 ${trained.livingid}`, (m) => m.card?.main_title.desc === '完成情况'));
  plainExport.push(await timed(`导出观看统计 ${plain.livingid}`, (m) => m.msgtype === 'file'));
  trainedExport.push(await timed(`导出观看统计 ${trained.livingid}`, (m) => m.msgtype === 'file'));
}
const nudgeMs = await timed(`催看 ${trained.livingid}`, (m) => m.content.startsWith('已提醒'));
const nudged = /已提醒 (\d+) 位/.exec(hr.last?.content ?? '')?.[1];

const rows = [
  { step: `邀请 (${MEMBERS} members, ${DEPARTMENTS} departments)`, ms: Math.round(inviteMs), baselineMs: '', ratio: '', calls: `${invitationCalls} message/send` },
  { step: '完成情况 card', ms: Math.round(median(completion)), baselineMs: Math.round(median(watch)), ratio: +(median(completion) / median(watch)).toFixed(2), calls: 'baseline: 观看统计 (same pages)' },
  { step: 'workbook with 完成情况 + 部门汇总', ms: Math.round(median(trainedExport)), baselineMs: Math.round(median(plainExport)), ratio: +(median(trainedExport) / median(plainExport)).toFixed(2), calls: 'baseline: the same viewers, no audience' },
  { step: `催看 (${nudged} not completed)`, ms: Math.round(nudgeMs), baselineMs: '', ratio: '', calls: '' },
];
console.table(rows);
saveResults('training', { members: MEMBERS, departments: DEPARTMENTS, viewers: viewers.length, rows });
child.kill('SIGTERM');
await emulator.close();
process.exit(0);
