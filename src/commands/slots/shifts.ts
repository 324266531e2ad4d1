/**
 * A move by an amount: 往后推一天, 推迟半小时, 提前1小时, 延后两天. The new start depends on the live's own start,
 * so the reader gives seconds and the command adds them when it knows the live.
 */
import { findDurations } from './durations.js';
import { numberAt } from './numbers.js';
import { alternation, WORDS } from './words.js';

const VERB = new RegExp(`^(?:(${alternation(WORDS.shifts.later)})|(${alternation(WORDS.shifts.earlier)}))\\s*(?:了)?\\s*`);
const DAY_UNITS: Record<string, number> = { 天: 86_400, 日: 86_400, 周: 604_800, 星期: 604_800, 礼拜: 604_800 };

/** Seconds `text` moves a live by (negative: earlier), or undefined when it is not a move by an amount. */
export function readShift(text: string): number | undefined {
  const written = text.normalize('NFKC').trim().replace(/[。.!！]+$/, '');
  // 提前15分钟提醒 changes the reminder, not the start.
  if (/提醒|通知/.test(written)) return undefined;
  const verb = VERB.exec(written);
  if (!verb) return undefined;
  const amount = written.slice(verb[0].length).replace(/(?:吧|一下|左右)$/, '').trim();
  const sign = verb[1] ? 1 : -1;
  const n = numberAt(amount, 0);
  const unit = n && /^\s*(?:个)?\s*(天|日|周|星期|礼拜)$/.exec(amount.slice(n.end));
  if (n && unit && n.value > 0) return sign * n.value * DAY_UNITS[unit[1]!]!;
  const [duration, second] = findDurations(amount);
  if (!duration || second || duration.start !== 0 || duration.end !== amount.length || duration.seconds === 0) return undefined;
  return sign * duration.seconds;
}
