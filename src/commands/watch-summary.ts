/** The figures of a live's audience, summed over every page of get_watch_stat (观看统计, the 已结束 card, the sheet). */
import type { WatchSummary } from '../cards/watch.js';
import type { WeComApi } from '../wecom/client.js';
import type { WatchStatResponse } from '../wecom/types.js';

/** Adds one page of get_watch_stat to `summary`. */
export function tally(summary: WatchSummary, page: WatchStatResponse['stat_info']): void {
  for (const viewer of [...page.users, ...page.external_users]) {
    summary.totalWatchSeconds += viewer.watch_time;
    if (viewer.is_comment) summary.commenters++;
    if (viewer.is_mic) summary.micUsers++;
  }
  summary.members += page.users.length;
  summary.externals += page.external_users.length;
}

/** A summary of no viewers yet. */
export const emptySummary = (livingid: string, theme: string): WatchSummary => ({ livingid, theme, members: 0, externals: 0, totalWatchSeconds: 0, commenters: 0, micUsers: 0 });

/** Reads every page of `livingid`'s watch stats into one summary. */
export async function summarizeWatch(api: WeComApi, livingid: string, theme: string): Promise<WatchSummary> {
  const summary = emptySummary(livingid, theme);
  for await (const page of api.allWatchStats(livingid)) tally(summary, page);
  return summary;
}
