/**
 * Reminders in a create message (WeCom's remind_time, seconds before the start): `提前15分钟提醒`, `提前1小时通知大家`,
 * `15分钟前提醒`, `前一天提醒`, `提醒：提前10分钟`, `提前半天提醒`, `提前 20 min 叫我`, `不提醒`. Two at once
 * (`提前15分钟和5分钟各提醒一次`) are found as such: WeCom keeps one.
 */
import { findDurations } from './durations.js';
import { NUMBER, readNumber } from './numbers.js';
import type { Span } from './reading.js';
import { alternation, WORDS } from './words.js';

export interface FoundReminder extends Span {
  /** Seconds before the start; 0 for 不提醒; undefined when several were asked for. */
  seconds: number | undefined;
  /** As written: 提前15分钟和5分钟. */
  text: string;
}

const REMIND = alternation(WORDS.reminders.verbs);
const BEFORE = alternation(WORDS.reminders.before);
const NO_REMINDER = new RegExp(`(?:${alternation(WORDS.reminders.not)})(?:${REMIND})`, 'g');
const AMOUNT = String.raw`([^,，。;；\n]{1,16}?)`;
const WORD = String.raw`(?:发|再)?(?:${REMIND})(?:一下)?(?:大家|我|一次)?`;
const FORMS = [
  new RegExp(String.raw`(?:${BEFORE})\s*${AMOUNT}\s*${WORD}`, 'g'),
  // 前一天提醒
  new RegExp(String.raw`(?<![\p{L}\p{N}])前\s*([^\s,，。;；\n]{1,6}?)\s*${WORD}`, 'gu'),
  new RegExp(String.raw`(?:${REMIND})(?:时间)?\s*[:：]?\s*(?:${BEFORE})\s*${AMOUNT}(?=$|[\s,，。;；、!！])`, 'g'),
  new RegExp(String.raw`(?<![\p{L}\p{N}])([^\s,，。;；、\n]{1,12}?)\s*(?:前|之前)\s*${WORD}`, 'gu'),
  // remind 10 mins before, reminder 1h before
  new RegExp(String.raw`\bremind(?:er)?(?:\s+(?:me|us|everyone|all))?\s+(\d+(?:\.\d+)?\s*(?:mins?|minutes?|h|hrs?|hours?))\s+(?:before|earlier|ahead)\b`, 'gi'),
];
const DAYS = new RegExp(String.raw`^(${NUMBER}|半)\s*(?:个)?\s*(?:天|日)$`);
const SEVERAL = /和|、|及|跟|或|还有/;

/** Seconds in `amount` (15分钟, 1小时, 1天, 半天), or null. */
function amountSeconds(written: string): number | null {
  const amount = written.trim();
  const days = DAYS.exec(amount);
  if (days) {
    const n = days[1] === '半' ? 0.5 : readNumber(days[1]!);
    return Number.isFinite(n) ? Math.round(n * 86_400) : null;
  }
  const [duration] = findDurations(amount);
  return duration && duration.start === 0 && duration.end === amount.length ? duration.seconds : null;
}

/** Every reminder phrase in `text`, in order. */
export function findReminders(text: string): FoundReminder[] {
  const found: FoundReminder[] = [];
  const add = (m: RegExpMatchArray, seconds: number | undefined) => found.push({ start: m.index!, end: m.index! + m[0].length, seconds, text: m[0] });
  for (const m of text.matchAll(NO_REMINDER)) add(m, 0);
  for (const form of FORMS) {
    form.lastIndex = 0;
    for (let m = form.exec(text); m; m = form.exec(text)) {
      const seconds = amountSeconds(m[1]!);
      const several = m[1]!.replace(/[各都分别]+$/, '').split(SEVERAL).filter((part) => amountSeconds(part) !== null).length > 1;
      const overlaps = found.some((f) => f.start < m!.index + m![0].length && m!.index < f.end);
      if (!overlaps && (seconds !== null || several)) add(m, several ? undefined : seconds!);
      // 周会、15分钟前提醒: a match that starts too early is tried again one character on.
      else form.lastIndex = m.index + 1;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
