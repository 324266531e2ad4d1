/** The question a first tap on 取消直播 turns the live card into: 确认取消 or 保留 (nothing is cancelled yet). */
import type { LivingInfo, TemplateCard } from '../wecom/types.js';
import { formatTime } from '../zone.js';
import { buttonKey } from './button-key.js';
import { checkCard, clip, SOURCE, TITLE_MAX, VALUE_MAX } from './limits.js';
import { memberLabel } from './live.js';

export interface CancelConfirmInput {
  livingid: string;
  info: Pick<LivingInfo, 'theme' | 'living_start' | 'anchor_userid'>;
  timezone: string;
  /** The clicked card's task_id: the question replaces that card. */
  taskId: string;
  /** The anchor's name (userid when WeCom gives none). */
  anchorName?: string;
}

/** Builds the confirmation card. */
export function buildCancelConfirmCard(input: CancelConfirmInput): TemplateCard {
  const { livingid, info } = input;
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: { title: clip(info.theme, TITLE_MAX), desc: '确认取消这场直播？' },
    sub_title_text: '取消后无法恢复，观众将无法进入直播。',
    horizontal_content_list: [
      { keyname: '直播ID', value: livingid },
      { keyname: '开始', value: formatTime(info.living_start * 1000, input.timezone) },
      { keyname: '主播', value: clip(memberLabel(input.anchorName, info.anchor_userid), VALUE_MAX) },
    ],
    task_id: input.taskId,
    button_list: [
      { text: '确认取消', style: 2, key: buttonKey('cancel', livingid, 'confirm') },
      { text: '保留', style: 1, key: buttonKey('cancel', livingid, 'keep') },
    ],
  });
}
