/**
 * A command that needs a live's ID, written with the live described instead (取消明天的周会, 把周会改到后天下午):
 * the bot does nothing to any live, it lists the sender's upcoming lives that match — by theme, and by day when one
 * is written — each with the exact message that does it. Acting on a guessed live is the thing never to do.
 */
import { text, type Reply } from '../replies/reply.js';
import { formatTime, wallClock } from '../zone.js';
import type { CommandContext } from './context.js';
import { findLivingId } from './livingid.js';
import { fetchLives } from './list.js';
import { readSlots, sameDay } from './slots/read.js';

const SHOWN = 5;

/** A message that names a live rather than its ID: Chinese words, not an ID-shaped token. */
export const describesLive = (written: string): boolean => /\p{Script=Han}/u.test(written);

/** The live words name: an ID after them after all (麻烦取消一下直播 lvABC123), else their description. */
export function liveNamedIn(words: string): { livingid: string } | { described: string } {
  const livingid = findLivingId(words);
  return livingid ? { livingid } : { described: words.trim() };
}

/** The sender's upcoming lives `described` may mean, each with the message `commandFor` writes for it. */
export async function suggestLives(ctx: CommandContext, described: string, commandFor: (livingid: string) => string): Promise<Reply[]> {
  const { lives } = await fetchLives(ctx);
  const upcoming = lives.filter((l) => l.status === 0);
  if (upcoming.length === 0) return [text('你没有预约中的直播。发送「我的直播」可查看全部。')];
  const { timezone } = ctx.settings;
  const slots = readSlots(described, ctx.now(), timezone);
  const wanted = described.normalize('NFKC').toLowerCase();
  const day = slots.day ?? (slots.start !== undefined ? wallClock(slots.start, timezone) : undefined);
  const matching = upcoming.filter((l) => {
    const theme = l.theme.normalize('NFKC').toLowerCase();
    const themeSaid = wanted.includes(theme) || (slots.theme !== undefined && theme.includes(slots.theme.normalize('NFKC').toLowerCase()));
    return themeSaid && (!day || sameDay(wallClock(l.living_start * 1000, timezone), day));
  });
  const shown = (matching.length > 0 ? matching : upcoming).slice(0, SHOWN);
  const lines = shown.map((l, i) => `${i + 1}.「${l.theme}」${formatTime(l.living_start * 1000, timezone).slice(5)} · 发送「${commandFor(l.livingid)}」`);
  const head = matching.length === 1 ? '是这场吗？确认请发送：' : matching.length > 1 ? `找到${matching.length}场，请发送要操作那一场的命令：` : `没找到「${[...described].slice(0, 20).join('')}」，你预约中的直播：`;
  return [text([head, ...lines].join('\n'))];
}
