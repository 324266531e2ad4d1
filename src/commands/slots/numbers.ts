/** Chinese numerals as people write them in times and durations: 三, 十五, 二十三, 两, 三十一. */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A run of Chinese numeral characters (or ASCII digits) in a pattern. */
export const NUMBER = String.raw`(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]+)`;

/** The value of `text` (ASCII digits or a Chinese numeral below 100), or NaN. */
export function readNumber(text: string): number {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([零〇一二两三四五六七八九])?$/.exec(text);
  if (!m || text === '') return Number.NaN;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS[tens]! : Number.NaN;
  return (tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0);
}
