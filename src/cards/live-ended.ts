/**
 * The card an anchor gets when their live ends: which live, how many watched and for how long, and buttons to the
 * watch stats and the attendance sheet (no ID to copy).
 */
import type { LivingInfo, TemplateCard } from '../wecom/types.js';
import { formatDuration, formatTime } from '../zone.js';
import { buttonKey } from './button-key.js';
import { checkCard, clip, SOURCE, TITLE_MAX } from './limits.js';
import { audience, type WatchSummary } from './watch.js';

/** Builds the 已结束 notice. */
export function buildLiveEndedCard(info: Pick<LivingInfo, 'theme' | 'living_start'>, s: WatchSummary, timezone: string, taskId: string): TemplateCard {
  const { viewers, averageSeconds } = audience(s);
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: { title: clip(info.theme, TITLE_MAX), desc: '⏹ 你的直播已结束' },
    emphasis_content: { title: String(viewers), desc: '观看人数' },
    horizontal_content_list: [
      { keyname: '开始', value: formatTime(info.living_start * 1000, timezone) },
      { keyname: '总观看时长', value: formatDuration(s.totalWatchSeconds) },
      { keyname: '平均时长', value: formatDuration(averageSeconds) },
      { keyname: '评论人数', value: `${s.commenters}人` },
      { keyname: '直播ID', value: s.livingid },
    ],
    task_id: taskId,
    button_list: [
      { text: '观看统计', style: 1, key: buttonKey('watch', s.livingid) },
      { text: '导出名单', style: 1, key: buttonKey('export', s.livingid) },
    ],
  });
}
