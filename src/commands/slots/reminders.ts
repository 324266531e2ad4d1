/** Reminders in a create message: `提前15分钟提醒`, `提前1小时提醒`, `不提醒` (WeCom's remind_time, seconds before start). */
import { findDurations } from './durations.js';
import type { Span } from './reading.js';

export interface FoundReminder extends Span {
  /** Seconds before the start; 0 for 不提醒. */
  seconds: number;
}

const NO_REMINDER = /(?:不(?:用|要|需要)?|无需|别)提醒/g;
const AHEAD = /(?:提前|开始前|开播前)\s*(\S{1,12}?)\s*(?:提醒(?:大家|我)?|通知(?:大家)?)/g;

/** Every reminder phrase in `text`. */
export function findReminders(text: string): FoundReminder[] {
  const found: FoundReminder[] = [];
  for (const m of text.matchAll(NO_REMINDER)) found.push({ start: m.index, end: m.index + m[0].length, seconds: 0 });
  for (const m of text.matchAll(AHEAD)) {
    const [duration] = findDurations(m[1]!);
    if (duration && duration.start === 0 && duration.end === m[1]!.length) {
      found.push({ start: m.index, end: m.index + m[0].length, seconds: duration.seconds });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
