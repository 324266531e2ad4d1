/**
 * Prints a text rendering of every card the bot sends, built by the real builders with sample data, for the README.
 * Run: npx tsx scripts/render-cards.ts
 */
import { buildApiStatsCard } from '../src/cards/api-stats.js';
import { buildCancelConfirmCard } from '../src/cards/cancel-confirm.js';
import { buildLiveEndedCard } from '../src/cards/live-ended.js';
import { buildListCard } from '../src/cards/list.js';
import { buildLiveCard } from '../src/cards/live.js';
import { buildWatchCard } from '../src/cards/watch.js';
import { PerformanceManager } from '../src/wecom/stats.js';
import type { TemplateCard } from '../src/wecom/types.js';

const TZ = 'Asia/Shanghai';
const start = Date.parse('2026-11-26T15:00:00+08:00') / 1000;
const id = 'lvOQpTDwAAcP9wNOSSxTwpbni-TMPNSg';

function render(name: string, card: TemplateCard): string {
  const lines = [`── ${name} ──`, `[${card.source?.desc}]`, `■ ${card.main_title.title}${card.main_title.desc ? `  ·  ${card.main_title.desc}` : ''}`];
  if (card.emphasis_content) lines.push(`  ${card.emphasis_content.title}  ${card.emphasis_content.desc ?? ''}`);
  if (card.sub_title_text) lines.push(`  ${card.sub_title_text}`);
  for (const row of card.horizontal_content_list ?? []) lines.push(`  ${row.keyname.padEnd(6, '　')} ${row.value ?? ''}`);
  if (card.button_list?.length) lines.push(`  ${card.button_list.map((b) => `[ ${b.text} ]`).join(' ')}`);
  return lines.join('\n');
}

const perf = new PerformanceManager();
for (let i = 0; i < 50; i++) perf.record('living/get_living_info', 40 + i);
perf.record('living/create', 120);
console.log(render('创建直播 周会 明天15:00 1小时 本周进展同步', buildLiveCard({
  livingid: id, headline: '直播已创建', timezone: TZ, taskId: 't', anchorName: '张三', remindSeconds: 900,
  info: { theme: '周会', living_start: start, living_duration: 3600, status: 0, anchor_userid: 'zhangsan', viewer_num: 0, description: '本周进展同步' },
})));
console.log(render('a tap on 取消直播 (the card becomes a question)', buildCancelConfirmCard({
  livingid: id, timezone: TZ, taskId: 't', info: { theme: '周会', living_start: start, anchor_userid: 'zhangsan' },
})));
console.log(render('我的直播', buildListCard([
  { livingid: id, theme: '周会', living_start: start, status: 0 },
  { livingid: 'lv1', theme: '新人培训', living_start: start + 86400 * 5, status: 0 },
  { livingid: 'lv2', theme: '产品发布会', living_start: start - 86400 * 2, status: 2 },
  ...Array.from({ length: 5 }, (_, i) => ({ livingid: `lv${i + 3}`, theme: `旧直播${i + 1}`, living_start: start - 86400 * (i + 3), status: 2 })),
], 7, 1, TZ, 't')));
console.log(render('when a live ends (to its anchor)', buildLiveEndedCard({ theme: '产品发布会', living_start: start }, { livingid: id, theme: '产品发布会', members: 126, externals: 14, totalWatchSeconds: 140 * 1980, commenters: 37, micUsers: 3 }, TZ, 't')));
console.log(render(`观看统计 ${id}`, buildWatchCard({ livingid: id, theme: '产品发布会', members: 126, externals: 14, totalWatchSeconds: 140 * 1980, commenters: 37, micUsers: 3 }, 't')));
console.log(render('统计 (admins)', buildApiStatsCard({
  totalCalls: 412, successCalls: 410, errorCalls: 2, successRate: 410 / 412,
  lastError: { endpoint: 'living/get_living_info', errcode: 40058, errmsg: 'invalid livingid' }, lastErrorTime: '2026-11-25T06:12:00Z',
  apiCallTimes: {}, tokenStats: { fetches: 1, cacheHits: 411, refreshes: 0, failures: 0, expiry: null }, endpoints: perf.snapshot(),
}, TZ, 't')));
