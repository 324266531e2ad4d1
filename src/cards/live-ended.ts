/** The card an anchor gets when their live ends: which live, and a button to its watch stats (no ID to copy). */
import type { LivingInfo, TemplateCard } from '../wecom/types.js';
import { formatDuration, formatTime } from '../zone.js';
import { buttonKey } from './button-key.js';
import { checkCard, clip, SOURCE, TITLE_MAX } from './limits.js';

/** Builds the 已结束 notice. */
export function buildLiveEndedCard(livingid: string, info: Pick<LivingInfo, 'theme' | 'living_start' | 'living_duration'>, timezone: string, taskId: string): TemplateCard {
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: { title: clip(info.theme, TITLE_MAX), desc: '⏹ 你的直播已结束' },
    horizontal_content_list: [
      { keyname: '开始', value: formatTime(info.living_start * 1000, timezone) },
      { keyname: '时长', value: formatDuration(info.living_duration) },
      { keyname: '直播ID', value: livingid },
    ],
    task_id: taskId,
    button_list: [
      { text: '观看统计', style: 1, key: buttonKey('watch', livingid) },
      { text: '查看详情', style: 4, key: buttonKey('info', livingid) },
    ],
  });
}
