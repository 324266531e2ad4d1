/**
 * Checks WeCom would make, made before sending: a refused live costs the user a round trip and counts against
 * the corp's API quota, so what we can see is wrong never leaves. Limits from docs/wecom-protocol.md §3.
 */
import { WeComValidationError } from './errors.js';

export const THEME_MAX_CHARS = 20;
export const THEME_MAX_BYTES = 60;
export const DESCRIPTION_MAX_CHARS = 100;

interface LivingFields {
  livingid?: string;
  anchor_userid?: string;
  theme?: string;
  living_start?: number;
  living_duration?: number;
  type?: number;
  description?: string;
  remind_time?: number;
}

/** Length in characters as WeCom counts them (code points, so an emoji is one). */
export const charLength = (s: string): number => [...s].length;

/** Unix seconds from a Date or a number of seconds. */
export function toUnixSeconds(value: number | Date): number {
  return value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
}

/** Throws WeComValidationError for the first field WeCom would refuse. `nowMs` 0 skips the "in the past" check. */
export function checkLivingFields(endpoint: string, nowMs: number, f: LivingFields): void {
  const refuse = (field: string, reason: string): never => {
    throw new WeComValidationError(endpoint, field, reason);
  };
  if (f.livingid !== undefined && f.livingid.trim() === '') refuse('livingid', 'is empty');
  if (f.anchor_userid !== undefined && f.anchor_userid.trim() === '') refuse('anchor_userid', 'is empty');
  if (f.theme !== undefined) {
    if (f.theme.trim() === '') refuse('theme', 'is empty');
    if (charLength(f.theme) > THEME_MAX_CHARS) refuse('theme', `is over ${THEME_MAX_CHARS} characters`);
    if (Buffer.byteLength(f.theme) > THEME_MAX_BYTES) refuse('theme', `is over ${THEME_MAX_BYTES} bytes`);
  }
  if (f.living_start !== undefined) {
    if (!Number.isInteger(f.living_start) || f.living_start <= 0) refuse('living_start', 'must be unix seconds');
    if (nowMs > 0 && f.living_start * 1000 <= nowMs) refuse('living_start', 'is in the past');
  }
  if (f.living_duration !== undefined && (!Number.isInteger(f.living_duration) || f.living_duration <= 0)) {
    refuse('living_duration', 'must be a whole number of seconds > 0');
  }
  if (f.type !== undefined && (!Number.isInteger(f.type) || f.type < 0 || f.type > 4)) {
    refuse('type', 'must be 0–4 (0 通用直播, 1 小班课, 2 大班课, 3 企业培训, 4 活动直播)');
  }
  if (f.description !== undefined && charLength(f.description) > DESCRIPTION_MAX_CHARS) {
    refuse('description', `is over ${DESCRIPTION_MAX_CHARS} characters`);
  }
  if (f.remind_time !== undefined && (!Number.isInteger(f.remind_time) || f.remind_time < 0)) {
    refuse('remind_time', 'must be whole seconds ≥ 0');
  }
}
