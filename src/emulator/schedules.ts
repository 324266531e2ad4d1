/**
 * The emulator's 日程 (docs/wecom-protocol.md §3b): oa/schedule/add, update, del and add_attendees, with WeCom's
 * checks (start before end, summary ≤ 128 and description ≤ 512 characters, the reminder offsets WeCom allows, 1,000
 * attendees a call) and the app's permission to call them (48002 until granted, as the admin console decides).
 */
import { randomBytes } from 'node:crypto';
import { EmulatedWeComError, invalidParam } from './wecom-error.js';

export interface EmulatedSchedule {
  schedule_id: string;
  organizer: string;
  start_time: number;
  end_time: number;
  summary: string;
  description: string;
  attendees: string[];
  remind_before_event_secs?: number;
  cal_id?: string;
  cancelled: boolean;
}

const REMINDERS = new Set([0, 300, 900, 3600, 86400]);
const MAX_ATTENDEES = 1000;

export class EmulatedSchedules {
  private readonly byId = new Map<string, EmulatedSchedule>();
  /** The admin console lists the app under 日程 → 可调用接口的应用 (otherwise 48002). */
  allowed = true;

  /** oa/schedule/add. */
  add(body: Record<string, unknown>): { schedule_id: string } {
    this.checkAllowed();
    const s = (body.schedule ?? {}) as Record<string, unknown>;
    if (typeof s.organizer !== 'string' || s.organizer === '') throw invalidParam('organizer');
    const schedule: EmulatedSchedule = {
      schedule_id: randomBytes(16).toString('hex'),
      organizer: s.organizer.toLowerCase(),
      start_time: 0,
      end_time: 0,
      summary: '',
      description: '',
      attendees: [],
      cancelled: false,
      ...(typeof s.cal_id === 'string' ? { cal_id: s.cal_id } : {}),
    };
    this.apply(schedule, s);
    this.byId.set(schedule.schedule_id, schedule);
    return { schedule_id: schedule.schedule_id };
  }

  /** oa/schedule/update: the fields given. */
  update(body: Record<string, unknown>): Record<string, never> {
    this.checkAllowed();
    const s = (body.schedule ?? {}) as Record<string, unknown>;
    const schedule = this.find(s.schedule_id);
    const changed = { ...schedule };
    this.apply(changed, s);
    Object.assign(schedule, changed);
    return {};
  }

  /** oa/schedule/del. */
  del(body: Record<string, unknown>): Record<string, never> {
    this.checkAllowed();
    this.find(body.schedule_id).cancelled = true;
    return {};
  }

  /** oa/schedule/add_attendees. */
  addAttendees(body: Record<string, unknown>): Record<string, never> {
    this.checkAllowed();
    const schedule = this.find(body.schedule_id);
    const attendees = readAttendees(body.attendees);
    for (const a of attendees) if (!schedule.attendees.includes(a)) schedule.attendees.push(a);
    return {};
  }

  /** The schedules `userid` organizes or attends, not cancelled (the sandbox shows them as the member's calendar). */
  forUser(userid: string): EmulatedSchedule[] {
    const key = userid.toLowerCase();
    return [...this.byId.values()].filter((s) => !s.cancelled && (s.organizer === key || s.attendees.includes(key))).sort((a, b) => a.start_time - b.start_time);
  }

  /** Every schedule, cancelled ones included. */
  all(): EmulatedSchedule[] {
    return [...this.byId.values()];
  }

  private apply(schedule: EmulatedSchedule, s: Record<string, unknown>): void {
    if (s.start_time !== undefined) schedule.start_time = Number(s.start_time);
    if (s.end_time !== undefined) schedule.end_time = Number(s.end_time);
    if (!Number.isInteger(schedule.start_time) || !Number.isInteger(schedule.end_time) || schedule.end_time <= schedule.start_time) throw invalidParam('start_time/end_time');
    if (s.summary !== undefined) {
      if (typeof s.summary !== 'string' || [...s.summary].length > 128) throw invalidParam('summary');
      schedule.summary = s.summary;
    }
    if (s.description !== undefined) {
      if (typeof s.description !== 'string' || [...s.description].length > 512) throw invalidParam('description');
      schedule.description = s.description;
    }
    if (s.attendees !== undefined) schedule.attendees = readAttendees(s.attendees);
    const reminders = s.reminders as { is_remind?: number; remind_before_event_secs?: number } | undefined;
    if (reminders?.is_remind === 1) {
      const before = reminders.remind_before_event_secs ?? 0;
      if (!REMINDERS.has(before)) throw invalidParam('remind_before_event_secs');
      schedule.remind_before_event_secs = before;
    }
  }

  private find(id: unknown): EmulatedSchedule {
    const schedule = typeof id === 'string' ? this.byId.get(id) : undefined;
    if (!schedule) throw invalidParam('schedule_id');
    return schedule;
  }

  private checkAllowed(): void {
    if (!this.allowed) throw new EmulatedWeComError(48002, 'api forbidden');
  }
}

function readAttendees(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_ATTENDEES) throw invalidParam('attendees');
  return value.map((a) => String((a as { userid?: unknown }).userid ?? '').toLowerCase()).filter(Boolean);
}
