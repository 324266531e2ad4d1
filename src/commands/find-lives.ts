/**
 * A command that needs a live's ID, written with the live described instead (取消明天的周会, 把周会改到后天下午):
 * the bot does nothing to any live, it lists the sender's upcoming lives that match — by theme, and by day when one
 * is written — each with the exact message that does it. Acting on a guessed live is the thing never to do.
 */
import { text, type Reply } from '../replies/reply.js';
import { formatTime, wallClock } from '../zone.js';
import type { CommandInput, ReadResult } from './command.js';
import type { CommandContext } from './context.js';
import { findLivingId, readLivingId, takeLivingId } from './livingid.js';
import { fetchLives } from './list.js';
import { readSlots, sameDay } from './slots/read.js';

const SHOWN = 5;

/** A message that names a live rather than its ID: Chinese words, not an ID-shaped token. */
export const describesLive = (written: string): boolean => /\p{Script=Han}/u.test(written);
const ENGLISH_WORDS = /^[A-Za-z'’]+(?:\s+[A-Za-z'’]+)+$/;

/** The live words name: an ID after them after all (麻烦取消一下直播 lvABC123), else their description. */
export function liveNamedIn(words: string): { livingid: string } | { described: string } {
  const livingid = findLivingId(words);
  return livingid ? { livingid } : { described: words.trim() };
}

/** A live named by its ID, or described (观看统计 产品发布会, 昨天的新人培训有多少人看了): what a command's `read` returns. */
export type LiveNamed = { livingid: string } | { described: string };

/**
 * The live a command's input names: its ID (as typed after the command word, or anywhere in a sentence), or its
 * description — the member's words without the command's own (有多少人看, 导出, 详情).
 */
export function readLiveNamed(input: CommandInput, example: string): ReadResult<LiveNamed> {
  if (input.cues.some((c) => c.start > 0) || input.cues.every((c) => c.end === c.start)) {
    // Found inside a sentence: the description is the whole message but the command's words.
    return { args: liveNamedIn(withoutCues(input)) };
  }
  // Cancel tomorrow's group meeting: English words naming the live describe it as Chinese ones do.
  const english = ENGLISH_WORDS.test(input.args.trim()) && !findLivingId(input.args);
  if (!describesLive(takeLivingId(input.args).id) && !english) return readLivingId(input.args, example);
  return { args: liveNamedIn(input.args) };
}

/** The member's text with the spans that named the command cut out. */
function withoutCues(input: CommandInput): string {
  let out = '';
  let at = 0;
  for (const cue of [...input.cues].sort((a, b) => a.start - b.start)) {
    const { start, end } = input.reading.source(cue);
    if (start > at) out += `${input.text.slice(at, start)} `;
    at = Math.max(at, end);
  }
  return `${out}${input.text.slice(at)}`.trim();
}

/** Which of the sender's lives a command may act on: upcoming ones (取消, 修改), ones that have started (统计), or any. */
export type LivesFor = 'upcoming' | 'started' | 'any';
const WHICH: Record<LivesFor, { keep: (status: number) => boolean; none: string }> = {
  upcoming: { keep: (s) => s === 0, none: '你没有预约中的直播。' },
  started: { keep: (s) => s === 1 || s === 2, none: '你没有已开始或已结束的直播。' },
  any: { keep: () => true, none: '你还没有直播。' },
};

/** The sender's lives `described` may mean, each with the message `commandFor` writes for it. */
export async function suggestLives(ctx: CommandContext, described: string, commandFor: (livingid: string) => string, which: LivesFor = 'upcoming'): Promise<Reply[]> {
  const { lives } = await fetchLives(ctx);
  const upcoming = lives.filter((l) => WHICH[which].keep(l.status));
  if (upcoming.length === 0) return [text(`${WHICH[which].none}发送「我的直播」可查看全部。`)];
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
  const head = matching.length === 1 ? '是这场吗？确认请发送：' : matching.length > 1 ? `找到${matching.length}场，请发送要操作那一场的命令：` : `没有与「${[...described].slice(0, 20).join('')}」相符的直播。你的直播：`;
  return [text([head, ...lines].join('\n'))];
}
