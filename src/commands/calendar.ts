/**
 * 加入日程 ID (or the card's button): puts a live on the sender's calendar (issue 22). The anchor or an admin puts it on
 * the whole invited audience's calendars; anyone else adds themselves to the live's entry (made when none exists).
 */
import { calendarLive } from '../calendar/live-calendar.js';
import { text } from '../replies/reply.js';
import { formatTime } from '../zone.js';
import { defineCommand } from './command.js';
import { canManage } from './context.js';
import { readLivingId } from './livingid.js';

const EXAMPLE = '加入日程 lvXXXXXXXX';

export const calendar = defineCommand<{ livingid: string }>({
  name: 'calendar',
  words: ['加入日程', '添加到日程', '加到日程', '加日程', '放到日历', 'calendar'],
  example: EXAMPLE,
  help: ['加入日程 直播ID：把直播加到自己的日程（主播或管理员：加到所有受邀人的日程）'],
  read: (input) => readLivingId(input.args, EXAMPLE),
  async run({ livingid }, ctx) {
    const { living_info: live } = await ctx.api.getLivingInfo(livingid);
    if (live.status !== 0 && live.status !== 1) return [text(`直播「${live.theme}」${live.status === 2 ? '已结束' : live.status === 3 ? '已过期' : '已取消'}，不用再加入日程。`)];
    const manages = canManage(ctx, live.anchor_userid);
    const audience = manages ? ((await ctx.audiences.get(livingid))?.members.map((m) => m.userid) ?? []) : [];
    const attendees = [ctx.user, ...audience];
    const entry = await ctx.calendar.add(calendarLive(livingid, live, await ctx.names.nameOf(live.anchor_userid)), attendees);
    if ('problem' in entry) return [text(entry.problem)];
    const when = formatTime(live.living_start * 1000, ctx.settings.timezone);
    return [text(audience.length > 0 ? `已把直播「${live.theme}」（${when}）加入 ${entry.ok.attendees.length} 人的日程。` : `已把直播「${live.theme}」（${when}）加入你的日程。`)];
  },
});
