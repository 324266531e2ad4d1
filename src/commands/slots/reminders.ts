/**
 * Reminders in a create message (WeCom's remind_time, seconds before the start): `提前15分钟提醒`, `提前1小时通知大家`,
 * `15分钟前提醒`, `提醒：提前10分钟`, `提前1天提醒`, `不提醒`.
 */
import { findDurations } from './durations.js';
import { NUMBER, readNumber } from './numbers.js';
import type { Span } from './reading.js';

export interface FoundReminder extends Span {
  /** Seconds before the start; 0 for 不提醒. */
  seconds: number;
}

const NO_REMINDER = /(?:不(?:用|要|需要)?|无需|别)(?:提醒|通知)/g;
const AMOUNT = String.raw`(\S{1,12}?)`;
const WORD = String.raw`(?:提醒|通知)(?:一下)?(?:大家|我)?`;
const FORMS = [
  new RegExp(String.raw`(?:提前|开始前|开播前)\s*${AMOUNT}\s*${WORD}`, 'g'),
  new RegExp(String.raw`(?:提醒|通知)(?:时间)?\s*[:：]?\s*(?:提前|开始前)\s*${AMOUNT}(?=$|[\s,，。;；、!！])`, 'g'),
  new RegExp(String.raw`(?<![\p{L}\p{N}])${AMOUNT}\s*(?:前|之前)\s*${WORD}`, 'gu'),
];
const DAYS = new RegExp(String.raw`^(${NUMBER})\s*(?:天|日)$`);

/** Seconds in `amount` (15分钟, 1小时, 1天), or null. */
function amountSeconds(amount: string): number | null {
  const days = DAYS.exec(amount);
  if (days) {
    const n = readNumber(days[1]!);
    return Number.isFinite(n) ? Math.round(n * 86_400) : null;
  }
  const [duration] = findDurations(amount);
  return duration && duration.start === 0 && duration.end === amount.length ? duration.seconds : null;
}

/** Every reminder phrase in `text`, in order. */
export function findReminders(text: string): FoundReminder[] {
  const found: FoundReminder[] = [];
  for (const m of text.matchAll(NO_REMINDER)) found.push({ start: m.index, end: m.index + m[0].length, seconds: 0 });
  for (const form of FORMS) {
    for (const m of text.matchAll(form)) {
      const seconds = amountSeconds(m[1]!);
      const overlaps = found.some((f) => f.start < m.index + m[0].length && m.index < f.end);
      if (seconds !== null && !overlaps) found.push({ start: m.index, end: m.index + m[0].length, seconds });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
