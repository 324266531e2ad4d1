/** The card of 我的直播: up to 6 lives, newest first, each with a 详情 button, and a hint when there are more. */
import type { TemplateCard } from '../wecom/types.js';
import { formatTime } from '../zone.js';
import { checkCard, clip, MAX_ROWS, SOURCE } from './limits.js';
import { STATUS_NAMES } from './status.js';

export interface ListedLive {
  livingid: string;
  theme: string;
  living_start: number;
  status: number;
}

/** Builds the list card; `lives` newest first, `total` how many the member has. */
export function buildListCard(lives: ListedLive[], total: number, timezone: string, taskId: string): TemplateCard {
  const shown = lives.slice(0, MAX_ROWS);
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: { title: '我的直播', desc: total > shown.length ? `共${total}场，显示最近${shown.length}场` : `共${total}场` },
    horizontal_content_list: shown.map((l, i) => ({
      keyname: `${i + 1}.${STATUS_NAMES[l.status] ?? ''}`,
      value: clip(`${formatTime(l.living_start * 1000, timezone).slice(5)} ${l.theme}`, 30),
    })),
    ...(total > shown.length ? { sub_title_text: '更早的直播可发送「直播详情 直播ID」查看' } : {}),
    task_id: taskId,
    button_list: shown.map((l, i) => ({ text: clip(`${i + 1}.${l.theme}`, 10), style: 4 as const, key: `info:${l.livingid}` })),
  });
}
