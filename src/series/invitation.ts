/**
 * The one message a series' audience gets (issue 22): every session's date, so a five-day course is one invitation,
 * not five. Plain text, because a card holds at most a few rows and a series may have 52 sessions.
 */
import type { MessageBody } from '../wecom/types.js';
import { formatTime } from '../zone.js';
import type { SeriesLive } from './store.js';

/** message/send's text content is at most 2,048 bytes: the sessions listed before "…" stay well inside it. */
const LISTED = 30;

/** The invitation to every session of the series `theme`, led by `anchorName`. */
export function seriesInvitation(theme: string, anchorName: string, lives: readonly SeriesLive[], timezone: string): MessageBody {
  const when = (l: SeriesLive) => formatTime(l.start * 1000, timezone).slice(5);
  const listed = lives.slice(0, LISTED).map((l, i) => `${i + 1}. ${when(l)}`);
  const more = lives.length > LISTED ? [`…（共${lives.length}场）`] : [];
  const content = [
    `直播邀请：${anchorName}邀请你观看系列直播「${theme}」，共${lives.length}场：`,
    ...listed,
    ...more,
    '每场开始前企业微信会提醒；在「工作台 → 直播」中观看，错过的场次可看回放。',
  ].join('\n');
  return { msgtype: 'text', text: { content } };
}
