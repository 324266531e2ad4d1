/** The card of 观看统计: the headline is the number of viewers. */
import type { TemplateCard } from '../wecom/types.js';
import { formatDuration } from '../zone.js';
import { buttonKey } from './button-key.js';
import { checkCard, clip, SOURCE, TITLE_MAX } from './limits.js';

export interface WatchSummary {
  livingid: string;
  theme: string;
  members: number;
  externals: number;
  totalWatchSeconds: number;
  commenters: number;
  micUsers: number;
}

/** Viewers (members and external) and their average watch time in seconds. */
export function audience(s: WatchSummary): { viewers: number; averageSeconds: number } {
  const viewers = s.members + s.externals;
  return { viewers, averageSeconds: viewers === 0 ? 0 : Math.round(s.totalWatchSeconds / viewers) };
}

/** Builds the watch-stats card. */
export function buildWatchCard(s: WatchSummary, taskId: string): TemplateCard {
  const { viewers, averageSeconds: average } = audience(s);
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: { title: clip(s.theme, TITLE_MAX), desc: '观看统计' },
    emphasis_content: { title: String(viewers), desc: '观看人数' },
    horizontal_content_list: [
      { keyname: '成员', value: `${s.members}人` },
      { keyname: '外部观众', value: `${s.externals}人` },
      { keyname: '总观看时长', value: formatDuration(s.totalWatchSeconds) },
      { keyname: '平均时长', value: formatDuration(average) },
      { keyname: '评论人数', value: `${s.commenters}人` },
      { keyname: '连麦人数', value: `${s.micUsers}人` },
    ],
    task_id: taskId,
    button_list: [{ text: '查看详情', style: 1, key: buttonKey('info', s.livingid) }],
  });
}
