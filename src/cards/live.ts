/**
 * The card of one live: after 创建直播 / 修改直播 and for 直播详情, with 查看详情 / 观看统计 buttons, and 修改 /
 * 取消直播 while it has not started.
 */
import type { CardButton, CardHorizontalItem, LivingInfo, TemplateCard } from '../wecom/types.js';
import { formatDuration, formatTime } from '../zone.js';
import { buttonKey } from './button-key.js';
import { checkCard, clip, DESC_MAX, SOURCE, TITLE_MAX, VALUE_MAX } from './limits.js';
import { STATUS_NAMES } from './status.js';

export interface LiveCardInput {
  livingid: string;
  info: Pick<LivingInfo, 'theme' | 'living_start' | 'living_duration' | 'status' | 'anchor_userid' | 'viewer_num' | 'description'>;
  /** What the card says happened: "直播已创建", "直播详情". */
  headline: string;
  timezone: string;
  taskId: string;
  /** The anchor's name (userid when WeCom gives none). */
  anchorName?: string;
  /** Seconds before the start the audience is reminded (known after create and modify; get_living_info omits it). */
  remindSeconds?: number;
  /** False when the member who sees the card is neither the anchor nor an admin: no buttons they would be refused. */
  manages?: boolean;
}

/** `提前15分钟`, `不提醒`. */
export const formatReminder = (seconds: number): string => (seconds === 0 ? '不提醒' : `提前${formatDuration(seconds)}`);

/** Builds the live card (button_interaction). */
export function buildLiveCard(input: LiveCardInput): TemplateCard {
  const { livingid, info, timezone } = input;
  // On the details themselves, the same button brings them up to date (status, viewers).
  const buttons: CardButton[] = [{ text: input.headline === '直播详情' ? '刷新' : '查看详情', style: 1, key: buttonKey('info', livingid) }];
  if (input.manages !== false) buttons.push({ text: '观看统计', style: 1, key: buttonKey('watch', livingid) });
  // Only a live that has not started can be changed or cancelled (living/modify, living/cancel).
  if (info.status === 0 && input.manages !== false) {
    buttons.push({ text: '修改', style: 1, key: buttonKey('modify', livingid, 'ask') });
    buttons.push({ text: '取消直播', style: 2, key: buttonKey('cancel', livingid) });
  }
  if (info.status === 0) buttons.push({ text: '加入日程', style: 1, key: buttonKey('calendar', livingid) });
  const anchor = memberLabel(input.anchorName, info.anchor_userid);
  // Six rows at most: before the start the reminder says more than a viewer count that is still 0.
  const last: CardHorizontalItem =
    input.remindSeconds !== undefined && info.status === 0
      ? { keyname: '提醒', value: formatReminder(input.remindSeconds) }
      : { keyname: '观看人数', value: String(info.viewer_num) };
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: { title: clip(info.theme, TITLE_MAX), desc: input.headline },
    ...(info.description ? { sub_title_text: clip(info.description, 100) } : {}),
    horizontal_content_list: [
      // Never clipped: members copy the ID into 直播详情 / 取消直播.
      { keyname: '直播ID', value: livingid },
      { keyname: '状态', value: STATUS_NAMES[info.status] },
      { keyname: '开始', value: formatTime(info.living_start * 1000, timezone) },
      { keyname: '时长', value: formatDuration(info.living_duration) },
      { keyname: '主播', value: clip(anchor, VALUE_MAX) },
      last,
    ],
    task_id: input.taskId,
    button_list: buttons,
    replace_text: clip(`${STATUS_NAMES[info.status]}`, DESC_MAX),
  });
}

/** A member as cards and notices name them: 张三（zhangsan）, or the userid when WeCom gave no other name. */
export const memberLabel = (name: string | undefined, userid: string): string => (name && name !== userid ? `${name}（${userid}）` : userid);
