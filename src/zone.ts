/**
 * Wall clocks in the company's time zone, whatever the server's TZ: reading one at an instant, the instant of one,
 * and the way times are shown to members.
 */

export interface WallClock {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The wall clock in `tz` at `ms`. */
export function wallClock(ms: number, tz: string): WallClock {
  const parts = Object.fromEntries(formatter(tz).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ''),
  };
}

/** The instant at which the wall clock in `tz` reads the given fields. */
export function fromWallClock(w: Omit<WallClock, 'weekday'>, tz: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  // Offset of tz at that moment; a second pass settles times next to a DST change.
  let ms = asUtc - offsetMs(asUtc, tz);
  ms = asUtc - offsetMs(ms, tz);
  return ms;
}

function offsetMs(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** The day WeCom's daily limits count in (2026-11-25): they reset at midnight Beijing time, whatever the company's zone. */
export function wecomDay(ms: number): string {
  const w = wallClock(ms, 'Asia/Shanghai');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `2026-11-26 15:00 (周四)` in the company zone. */
export function formatTime(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)} (${WEEKDAY_ZH[w.weekday]})`;
}

/** `1小时30分钟`, `45分钟`, `2小时`. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${h}小时` : `${h}小时${m}分钟`;
}

