/** Live IDs as members paste them: `：ID`, `ID。`, `「ID」`, the card's own row `直播ID：ID`, across line breaks. */
import { refuse, type ReadResult } from './command.js';

const LIVINGID = /^[A-Za-z0-9_\-@.]{1,128}$/;
const LABEL = /^(?:直播\s*ID|直播id|livingid|ID|直播(?=\s*[A-Za-z0-9]{6}))\s*(?:是|为)?\s*[:：=]?/i;
/** Punctuation and quotes around an ID that are not part of it. */
const AROUND = String.raw`[\s:：,，、;；。.!！?？"'“”‘’「」『』《》【】()（）[\]\x60]+`;
/** cancel live lvABC123, export viewers of lvABC123: English words that only point at the ID after them. */
const ENGLISH_POINTING = /^(?:(?:the|a|my|this|live|stream|livestream|viewers?|list|stats|details|info|of|for)\s+)+(?=[A-Za-z0-9_\-@.]*\d)/i;
const LEADING = new RegExp(`^${AROUND}`);
const TRAILING = new RegExp(`${AROUND}$`);

/** True for text shaped like a WeCom livingid. */
export const isLivingId = (text: string): boolean => LIVINGID.test(text);

/** The ID at the start of `args` as pasted (label, quotes and punctuation around it taken off), and what follows. */
export function takeLivingId(args: string): { id: string; rest: string } {
  const text = args.replace(LEADING, '').replace(LABEL, '').replace(LEADING, '').replace(ENGLISH_POINTING, '');
  // lvQz7Xc3Vb9Nm1的主题改成…: an ID written against Chinese ends where the Chinese starts.
  const glued = livingIdIn(text);
  if (glued?.start === 0 && /^[\u4e00-\u9fff]/.test(text.slice(glued.end))) return { id: text.slice(0, glued.end), rest: text.slice(glued.end) };
  const token = /^[^\s,，;；、。！!？?]*/.exec(text)![0];
  return { id: token.replace(TRAILING, ''), rest: text.slice(token.length) };
}

/** True for a token pasted as an ID rather than typed as a word: ID characters, letters and at least one digit. */
export const looksPasted = (token: string): boolean => isLivingId(token) && /\d/.test(token) && /[A-Za-z]/.test(token);

/** An ID-shaped token anywhere in `text` (麻烦取消一下直播 lvABC123). */
export function findLivingId(text: string): string | undefined {
  const found = livingIdIn(text);
  return found && text.slice(found.start, found.end);
}

/**
 * Where an ID stands in `text`: a token of its own (lvABC123 这个直播), or one written against Chinese (直播lvK9mZp2QrT7的信息)
 * when it starts with lv or is long, as WeCom's are — iPhone17发布会 is a theme, not an ID.
 */
export function livingIdIn(text: string): { start: number; end: number } | undefined {
  for (const m of text.matchAll(/(?<![A-Za-z0-9_\-@.])[A-Za-z0-9_\-@.]{6,128}(?![A-Za-z0-9_\-@.])/g)) {
    const token = m[0].replace(/[.@]+$/, '');
    // WeCom's own IDs are long and mixed-case, with or without a digit (lvvfpnbHMkzabdlUgvGsZtWudfPlSCog).
    const wecomShaped = token.length >= 20 && /[a-z]/.test(token) && /[A-Z]/.test(token);
    if (!looksPasted(token) && !wecomShaped) continue;
    const alone = /^$|[\s:：,，、;；。!！?？"'“”‘’「」『』《》【】()（）[\]]/;
    const standsAlone = alone.test(text[m.index - 1] ?? '') && alone.test(text[m.index + token.length] ?? '');
    if (standsAlone || /^lv/i.test(token) || token.length >= 20) return { start: m.index, end: m.index + token.length };
  }
  return undefined;
}

/** Reads the live ID out of `args`; `example` is shown when there is none or it is malformed. */
export function readLivingId(args: string, example: string): ReadResult<{ livingid: string }> {
  const { id } = takeLivingId(args);
  if (id === '') return refuse('no-id', `请附上直播ID。例：${example}（直播ID可在「我的直播」中查看）`);
  if (!isLivingId(id)) return refuse('bad-id', `「${[...id].slice(0, 40).join('')}」不是有效的直播ID。例：${example}`);
  // The example's placeholder copied as is: no need to ask WeCom (nor to count a failed call) to say so.
  if (/^lvX{4,}$/i.test(id)) return refuse('placeholder-id', `「${id}」是示例里的占位ID，请换成真实的直播ID（直播ID可在「我的直播」中查看）。`);
  return { args: { livingid: id } };
}
