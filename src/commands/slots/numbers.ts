/** Numbers as people write them in times and lengths: 3, 15, 1.5, 三, 十五, 二十三, 两, 三十一, 零五. */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A run of Chinese numeral characters (or ASCII digits) in a pattern. */
export const NUMBER = String.raw`(?:\d+(?:\.\d+)?|[零〇一二两俩三四五六七八九十]+)`;

/** The value of `text` (ASCII digits or a Chinese numeral below 100), or NaN. */
export function readNumber(text: string): number {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  // 零五 (in 三点零五): a leading zero before one digit.
  const m = /^零?([一二两俩三四五六七八九])?(十)?([零〇一二两三四五六七八九])?$/.exec(text);
  if (!m || text === '' || text === '零') return text === '零' || text === '〇' ? 0 : Number.NaN;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? DIGITS[tens]! : Number.NaN;
  return (tens ? DIGITS[tens]! : 1) * 10 + (ones ? DIGITS[ones]! : 0);
}

const AT = new RegExp(`${NUMBER}`, 'y');

/** The number written at `text[at]` (whole ASCII digits, or a Chinese numeral below 100), with where it ends. */
export function numberAt(text: string, at: number, options: { decimals?: boolean } = {}): { value: number; end: number; arabic: boolean } | undefined {
  AT.lastIndex = at;
  const m = AT.exec(text);
  if (!m) return undefined;
  let written = m[0];
  if (!options.decimals && /^\d/.test(written)) written = /^\d+/.exec(written)![0];
  const value = readNumber(written);
  return Number.isNaN(value) ? undefined : { value, end: at + written.length, arabic: /^\d/.test(written) };
}
