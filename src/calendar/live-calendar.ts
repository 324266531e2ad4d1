/**
 * A live on everyone's calendar (issue 22): a WeCom schedule (日程) per live, organized by its anchor, with its
 * audience as attendees and the live's details as its description; moved when the live is modified, cancelled when
 * it is. A calendar failure never costs the live: the member is told once, in the reply, why the entry is missing.
 */
import type { ExpiringStore } from '../expiring.js';
import type { Logger } from '../log.js';
import type { WeComApi } from '../wecom/client.js';
import { SCHEDULE_ATTENDEES_MAX, SCHEDULES_PER_DAY } from '../wecom/client.js';
import type { SendQuota } from '../audience/quota.js';
import { WeComApiError } from '../wecom/errors.js';
import { problemZh } from '../wecom/problems.js';
import { SCHEDULE_REMINDERS, type LivingInfo, type ScheduleFields, type ScheduleReminder } from '../wecom/types.js';
import { userKey } from '../userid.js';

/** What the calendar keeps per live: its schedule and who attends. */
export interface LiveSchedule {
  scheduleId: string;
  attendees: string[];
}

/** A live as its calendar entry shows it. */
export interface CalendarLive {
  livingid: string;
  theme: string;
  /** Unix seconds. */
  start: number;
  durationSeconds: number;
  description: string;
  anchor: string;
  anchorName: string;
  /** Seconds before the start the live reminds (the entry: the nearest offset WeCom allows, not later); kept when unknown. */
  remindSeconds?: number;
}

/** The calendar's view of a live WeCom describes. */
export function calendarLive(livingid: string, info: Pick<LivingInfo, 'theme' | 'living_start' | 'living_duration' | 'description' | 'anchor_userid'>, anchorName: string, remindSeconds?: number): CalendarLive {
  return {
    livingid,
    theme: info.theme,
    start: info.living_start,
    durationSeconds: info.living_duration,
    description: info.description ?? '',
    anchor: info.anchor_userid,
    anchorName,
    ...(remindSeconds !== undefined ? { remindSeconds } : {}),
  };
}

export interface CalendarSettings {
  /** WECOM_CALENDAR_ID: the app's calendar to put entries on; the organizer's default calendar when absent. */
  calendarId?: string;
}

/** The app's schedules a day (WeCom: 20,000), counted across instances, and the company's day they count in. */
export interface ScheduleLimit {
  quota: SendQuota;
  day: () => string;
}

/** How long a live's schedule id is kept: past any live's end. */
const KEEP_MS = 400 * 24 * 3_600_000;

export type CalendarOutcome = { ok: LiveSchedule } | { problem: string };

export class LiveCalendar {
  constructor(
    private readonly api: WeComApi,
    private readonly store: ExpiringStore<LiveSchedule>,
    private readonly settings: CalendarSettings,
    private readonly log: Logger,
    private readonly limit: ScheduleLimit,
  ) {}

  /** The live's calendar entry, if it has one. */
  get(livingid: string): Promise<LiveSchedule | undefined> {
    return this.store.get(livingid);
  }

  /** Puts `live` on the calendars of `attendees` (and its anchor's): a new entry, or the live's entry with them added. */
  async add(live: CalendarLive, attendees: readonly string[]): Promise<CalendarOutcome> {
    try {
      const known = await this.store.get(live.livingid);
      const wanted = [...new Set(attendees.map(userKey))];
      if (known) {
        const added = wanted.filter((a) => !known.attendees.includes(a));
        for (let i = 0; i < added.length; i += SCHEDULE_ATTENDEES_MAX) await this.api.addScheduleAttendees(known.scheduleId, added.slice(i, i + SCHEDULE_ATTENDEES_MAX));
        const kept = { scheduleId: known.scheduleId, attendees: [...known.attendees, ...added] };
        await this.store.set(live.livingid, kept, KEEP_MS);
        return { ok: kept };
      }
      // Past the day's schedules WeCom would refuse every entry: said before calling, and 加入日程 adds it tomorrow.
      if ((await this.limit.quota.take(1, this.limit.day())) === 0) {
        this.log.warn({ livingid: live.livingid }, 'daily schedule limit reached');
        return { problem: `应用今天创建的日程已达企业微信的上限（每天${SCHEDULES_PER_DAY}个），没有加入日程；直播不受影响，明天可以发送「加入日程 ${live.livingid}」补上。` };
      }
      const first = wanted.slice(0, SCHEDULE_ATTENDEES_MAX);
      const { schedule_id: scheduleId } = await this.api
        .addSchedule({
          organizer: live.anchor,
          ...this.fields(live),
          attendees: first.map((userid) => ({ userid })),
          ...(this.settings.calendarId ? { cal_id: this.settings.calendarId } : {}),
        })
        .catch(async (error: unknown) => {
          // Refused (no 日程 permission, …): the day's count gets its schedule back.
          await this.limit.quota.giveBack(1, this.limit.day());
          throw error;
        });
      // Stored at once: a failure adding the rest must not lead to a second entry.
      await this.store.set(live.livingid, { scheduleId, attendees: first }, KEEP_MS);
      for (let i = SCHEDULE_ATTENDEES_MAX; i < wanted.length; i += SCHEDULE_ATTENDEES_MAX) {
        await this.api.addScheduleAttendees(scheduleId, wanted.slice(i, i + SCHEDULE_ATTENDEES_MAX));
        await this.store.set(live.livingid, { scheduleId, attendees: wanted.slice(0, i + SCHEDULE_ATTENDEES_MAX) }, KEEP_MS);
      }
      this.log.info({ livingid: live.livingid, scheduleId, attendees: wanted.length }, 'live put on the calendar');
      return { ok: { scheduleId, attendees: wanted } };
    } catch (error) {
      return { problem: this.explain(error, 'add') };
    }
  }

  /** Moves the live's entry to what the live now is; undefined when there is none or it went well. */
  async update(live: CalendarLive): Promise<string | undefined> {
    const known = await this.store.get(live.livingid);
    if (!known) return undefined;
    try {
      await this.api.updateSchedule(known.scheduleId, this.fields(live));
      return undefined;
    } catch (error) {
      return this.explain(error, 'update');
    }
  }

  /** Cancels the live's entry; undefined when there is none or it went well. */
  async remove(livingid: string): Promise<string | undefined> {
    const known = await this.store.get(livingid);
    if (!known) return undefined;
    try {
      await this.api.deleteSchedule(known.scheduleId);
      await this.store.delete(livingid);
      return undefined;
    } catch (error) {
      return this.explain(error, 'remove');
    }
  }

  /** The entry's time, title, details and reminder, from the live. */
  private fields(live: CalendarLive): Omit<ScheduleFields, 'organizer' | 'attendees' | 'cal_id'> {
    const details = [`直播ID：${live.livingid}`, `主播：${live.anchorName}`, live.description, '在企业微信「工作台 → 直播」中观看；直播开始前企业微信会提醒。'].filter(Boolean).join('\n');
    const remind = live.remindSeconds === undefined ? null : nearestReminder(live.remindSeconds);
    return {
      start_time: live.start,
      end_time: live.start + live.durationSeconds,
      summary: `【直播】${live.theme}`,
      description: [...details].slice(0, 512).join(''),
      ...(remind === null ? {} : { reminders: remind === undefined ? { is_remind: 0 as const } : { is_remind: 1 as const, remind_before_event_secs: remind } }),
    };
  }

  /** Why the calendar entry was not added, moved or cancelled, in the member's words; the live is as the reply says. */
  private explain(error: unknown, what: 'add' | 'update' | 'remove'): string {
    this.log.warn({ err: String(error), what }, 'calendar entry failed');
    const failed = { add: '没有加入日程', update: '日程没有跟着修改', remove: '日程没有取消' }[what];
    const live = { add: '直播不受影响', update: '直播已修改', remove: '直播已取消' }[what];
    if (error instanceof WeComApiError && error.errcode === 48002) return `应用没有日程接口权限（管理后台 → 应用管理 → 日程 → 可调用接口的应用），${failed}；${live}。`;
    if (error instanceof WeComApiError && error.errcode === 60011) return `主播或参与者不在应用的可见范围内，${failed}；${live}。`;
    return `${failed}（${problemZh(error)}）；${live}。`;
  }
}

/** The largest reminder offset WeCom allows that is not later than `seconds` before the start; none for 0. */
export function nearestReminder(seconds: number): ScheduleReminder | undefined {
  if (seconds <= 0) return undefined;
  return [...SCHEDULE_REMINDERS].reverse().find((r) => r <= seconds) ?? 0;
}
