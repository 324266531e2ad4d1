/**
 * The card of 我的直播: one page of the member's lives in the order that matters (on air, then upcoming soonest
 * first, then the most recent past), each with a button to its details, and 更多 when there are further pages.
 */
import type { TemplateCard } from '../wecom/types.js';
import { formatTime } from '../zone.js';
import { buttonKey } from './button-key.js';
import { checkCard, clip, SOURCE, VALUE_MAX } from './limits.js';
import { STATUS_NAMES } from './status.js';

export interface ListedLive {
  livingid: string;
  theme: string;
  living_start: number;
  status: number;
  /** A session of a series: which of how many (系列2/8), and how many sessions to come this row stands for. */
  series?: { seriesId: string; index: number; of: number; later?: number };
}

/** 周会 · 系列3/8，还有5场: a session's place, and the sessions its row stands for. */
const seriesLabel = ({ series }: ListedLive): string =>
  series ? ` · 系列${series.index}/${series.of}${series.later ? `，还有${series.later}场` : ''}` : '';

/** Lives on one page: five rows and buttons, leaving the sixth button for 更多. */
export const LIST_PAGE_SIZE = 5;

/** Builds page `page` (1-based) of the list card; `lives` are every listed row, already in order. */
export function buildListCard(lives: ListedLive[], total: number, page: number, timezone: string, taskId: string, fetched = lives.length): TemplateCard {
  const pages = Math.max(1, Math.ceil(lives.length / LIST_PAGE_SIZE));
  const shown = lives.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE);
  // `fetched`: lives whose details were read (a series' sessions count each, though one row stands for them).
  const counted = total > fetched ? `共${total}场（列出${fetched}场）` : `共${total}场`;
  return checkCard({
    card_type: 'button_interaction',
    source: SOURCE,
    main_title: { title: '我的直播', desc: pages > 1 ? `${counted} · 第${page}/${pages}页` : counted },
    horizontal_content_list: shown.map((l, i) => ({
      keyname: `${i + 1}.${STATUS_NAMES[l.status] ?? ''}`,
      // The series' label stays whole (a row may pass the recommended 30 characters, never the hard limit).
      value: `${clip(`${formatTime(l.living_start * 1000, timezone).slice(5)} ${l.theme}`, VALUE_MAX)}${seriesLabel(l)}`,
    })),
    task_id: taskId,
    button_list: [
      ...shown.map((l, i) => ({ text: clip(`${i + 1}.${l.theme}`, 10), style: 4 as const, key: buttonKey('info', l.livingid) })),
      ...(page < pages ? [{ text: '更多', style: 1 as const, key: buttonKey('list', String(page + 1), 'page') }] : []),
    ],
  });
}
