/**
 * The member's own text that no slot took, as the theme and the description: split at separators, at clause
 * breaks (然后) and at taken spans, fillers trimmed (words.ts). A quoted or labelled part is the theme (or the
 * description); otherwise the first part is the theme and the rest the description, kept as written.
 */
import type { Span } from './reading.js';
import { foldTraditional } from './traditional.js';
import { alternation, WORDS } from './words.js';

/** What took a span of the original: a slot, the command's words, a label, or a quote's inside. */
export type TakenKind = 'slot' | 'cue' | 'theme-label' | 'description-label' | 'quoted';
export interface Taken extends Span {
  kind: TakenKind;
}

/** A run of the member's text; `text` without fillers (the theme's form), `start`–`end` as written. */
export interface Part extends Span {
  text: string;
  after: TakenKind | undefined;
  quoted: boolean;
}

export const SEPARATOR = /[\s,，:：、;；。!！?？~～\/|｜…·・]/;
const EDGE_DASHES = /^[—–\-－/]+|[—–\-－/]+$/g;
const CLAUSE_BREAK = new RegExp(`^(?:${alternation(WORDS.clauseBreaks)})`);
const LEADING_FILLER = new RegExp(`^(?:${alternation(WORDS.leadingFillers)})+`);
const LEADING_QUOTE = /^[“"「『《【]([^”"」』》】]+)[”"」』》】]/;
/** What a member adds after the name, asking the bot: 你帮我建一下哈, 麻烦了. */
const ASKING_TAIL = /^\s*(?:你|您)?(?:帮我|帮忙|麻烦|辛苦)|^\s*(?:建一下|建个|弄一下)/;
const EN_VERB_BEFORE_NAME = /^(?:do|have|hold|run|host) (?:the|a|an) (?=[A-Z0-9])/i;
/** 开展冬季供暖保障部署会直播: a notice's verb, the event, then 直播 — the event is the name. */
const HELD_LIVE = /^(?:开展|举办|举行|召开)(\S{2,20}?)(?:的)?直播$/u;
const VERB_BEFORE_NAME = /^(?:开|搞|办|做)(?:个|一个|场|一场)?(?=[A-Za-z「“"《【])|^开(?=\p{Script=Han}会$)/u;
/** 关于举办研究生学术论坛的通知: a notice's title names its event. */
const NOTICE_OF = /^关于(?:举办|召开|开展|举行|组织)(\S{2,24}?)的?(?:通知|安排)$/u;
/** 在化学楼A201开展危险化学品安全培训: where it is held, then the verb — the event is the name. */
const HELD_AT = /^在[^\s,，。]{1,12}?(?:开展|举办|举行|召开|进行)/;
/** 组会（时长两小时）: the bracket a taken length leaves behind. */
const OPEN_AT_END = /[（(【「《“]$/;
const CLOSE_AT_START = /^[）)】」》”]/;
const TRAILING_FILLER = new RegExp(`(?:${alternation(WORDS.trailingFillers)})+$`);
// A range mark left alone (12月15日到12月17日 asked about) is not a theme either.
const FILLER_ALONE = new RegExp(`^(?:${alternation([...WORDS.aloneFillers, ...WORDS.rangeMarks, ...WORDS.sameHour, ...WORDS.onceWords])})+$`, 'i');
/** 明天15:00开始: a description part that ends in such a word keeps the rest. */
const TRAILING_START_WORD = new RegExp(`(?:${alternation(WORDS.startWords)})$`);
/** A theme's most characters (WeCom's limit): a longer run is not one name. */
const THEME_CHARS = 20;
const LATIN_EDGE = /[A-Za-z0-9]/;
/** Quote marks that mark a name (not 《》, a work's title). */
const NAME_MARKS = /[【「“"『`*]/;
const PURE_LATIN = /^[A-Za-z0-9][\x20-\x7e]*$/;
const DESCRIPTION_START = new RegExp(`^(?:${alternation(WORDS.descriptionStarts)})`);
const LATIN_WORD = /^[A-Za-z0-9][\w.&+'-]*$/;
/** Q4, H1, AI, V2, 2026: too short to be a theme by itself. */
const SHORT_CODE = /^(?:[A-Za-z]{1,3}[+#]{0,2}\d{0,2}|\d{4})$/;
/** What goes on a theme rather than starting a description: 第3期, 2.0, （上）, 下篇, Part 2. */
const CONTINUATION = /^(?:第|[（(]|[上中下](?:篇|集|期|半场)|part|vol|ep)/i;

const UNDECIDED = new RegExp(`^(?:${alternation(WORDS.labels.theme)})?\\s*(?:还|也|都|暂时|目前)?(?:${alternation(WORDS.undecided)})|^(?:${alternation(WORDS.delegations)})`);
const DELEGATED = new RegExp(alternation(WORDS.delegations));

/** 主题还没想好, 待定, 你先随便起一个: text that says the member has not decided, never a theme or a description. */
const QUOTES = /^[“"「『‘'《【](.*)[”"」』’'》】]$/s;

/** What a member wrote inside one pair of quotes (「产品 发布会」), trimmed unless `trim` is false; else the text. */
export const unquote = (written: string, trim = true): string => {
  const inner = QUOTES.exec(written)?.[1];
  return inner === undefined ? written : trim ? inner.trim() : inner;
};

export const undecided = (text: string): boolean => UNDECIDED.test(text.trim()) || DELEGATED.test(text);

/** The theme and description in what `taken` leaves of `original`. */
export function leftovers(original: string, taken: readonly Taken[]): { theme?: string; description?: string; themeSpan?: Span; parts: Part[]; preamble: string; labelled?: true } {
  const owner = new Array<TakenKind | undefined>(original.length);
  for (const t of taken) for (let i = t.start; i < t.end; i++) owner[i] = t.kind;
  const all = splitParts(original, owner, taken);
  const parts = dropPreamble(all, original, taken);
  const preamble = all.filter((p) => !parts.includes(p)).map((p) => p.text).join(' ');
  joinPhrases(parts, original, owner);
  // A labelled theme, else the first part that is not a labelled description.
  // 主题还没想好，你先随便起一个, 周六周日都行: what says nothing is decided is neither theme nor description; a
  // labelled theme left undecided leaves the live without one (asked), never the next part.
  const labelled = parts.find((p) => p.after === 'theme-label');
  const decided = parts.filter((p) => !undecided(p.text));
  // 年前找个下午搞个【年终总结】直播: a name in 【】「」“” is the theme wherever it stands (《》 may be a work a
  // description names, so it counts by its place).
  const named = decided.find((p) => p.quoted && p.after !== 'description-label' && NAME_MARKS.test(original[p.start] ?? ''));
  const themePart = labelled ? decided.find((p) => p === labelled) : (named ?? decided.find((p) => p.after !== 'description-label'));
  // …我们团队下礼拜三晚上七点要搞个【客户答谢茶话会】: before a name found by its quote marks is the story around it.
  // (主讲人：张三 教授 before it is the description all the same.)
  const opensDescription = (p: Part) => DESCRIPTION_START.test(foldTraditional(p.text));
  // (主讲人：张三 教授 before it is the description all the same, the name after its colon too.)
  const inDescription = (p: Part) => decided.some((q) => q.end <= p.start && opensDescription(q) && !/[,，。;；\n]/.test(original.slice(q.start, p.start)));
  const rest = decided.filter((p) => p !== themePart && !(themePart === named && named && p.end <= named.start && p.after !== 'description-label' && !opensDescription(p) && !inDescription(p)));
  const out: { theme?: string; description?: string; themeSpan?: Span; parts: Part[]; preamble: string; labelled?: true } = { parts, preamble };
  if (labelled && themePart === labelled) out.labelled = true;
  if (themePart) {
    // 8点半「升旗仪式」提前10分钟提醒: a name in one pair of quote marks, whatever the quotes pass made of its neighbours;
    // 主题《年货节囤货攻略》你帮我建一下哈: a labelled name in quote marks ends at its closing mark.
    const quotedLabel = themePart === labelled ? LEADING_QUOTE.exec(themePart.text) : null;
    out.theme = quotedLabel && ASKING_TAIL.test(themePart.text.slice(quotedLabel[0].length)) ? quotedLabel[1]!.trim() : unquote(themePart.text).replace(EN_VERB_BEFORE_NAME, '');
    out.themeSpan = { start: themePart.start, end: themePart.end };
  }
  // 举办研究生学术论坛。 after the title named it, 特此通知。: the name said again, or a notice's formula, describes nothing.
  const said = (p: Part) => (out.theme !== undefined && p.text.includes(out.theme) && p.text.length <= out.theme.length + 4) || FILLER_ALONE.test(foldTraditional(p.text.replace(/[。.!！]+$/, '')));
  const describing = rest.filter((p) => !said(p));
  rest.splice(0, rest.length, ...describing);
  if (rest.length > 0) {
    // The description is the member's own text; parts written next to each other keep what stood between them.
    // (「…」预热直播: the closing mark a quoted name leaves is not the description's.)
    const own = (p: Part) => original.slice(p.start, p.end).replace(p.quoted ? '' : TRAILING_START_WORD, '').replace(CLOSE_AT_START, '');
    let description = own(rest[0]!);
    for (let k = 1; k < rest.length; k++) {
      const untouched = owner.slice(rest[k - 1]!.end, rest[k]!.start).every((o) => o === undefined);
      description += (untouched ? original.slice(rest[k - 1]!.end, rest[k]!.start) : ' ') + own(rest[k]!);
    }
    // A closing full stop ends the member's sentence, not the description.
    out.description = description.trim().replace(/[。.]+$/, '');
  }
  return out;
}

/**
 * 人力资源部申请创建直播…主题为“…”, 为做好年终总结工作，请创建直播：年终述职答辩: what stands before the command's words is
 * a preamble when the request names its theme after them (a label, a quote, or a part after 创建直播：).
 */
function dropPreamble(parts: Part[], original: string, taken: readonly Taken[]): Part[] {
  const cues = taken.filter((t) => t.kind === 'cue' && t.start > 0);
  const first = Math.min(...cues.map((c) => c.start));
  if (!Number.isFinite(first)) return parts;
  const before = parts.filter((p) => p.end <= first);
  const after = parts.filter((p) => p.end > first);
  const colon = cues.some((c) => /^\s*[:：]/.test(original.slice(c.end)));
  const named = after.some((p) => p.after === 'theme-label' || p.quoted) || (colon && after.some((p) => p.after !== 'description-label'));
  return before.length > 0 && named ? after : parts;
}

/** Runs of untaken text between separators, taken spans and clause breaks. */
function splitParts(original: string, owner: Array<TakenKind | undefined>, taken: readonly Taken[]): Part[] {
  const parts: Part[] = [];
  let lastKind: TakenKind | undefined;
  /** After 描述：, every part is description until a theme label. */
  let inDescription = false;
  const firstCue = Math.min(...taken.filter((t) => t.kind === 'cue').map((t) => t.start), original.length);
  const saw = (kind: TakenKind | undefined) => {
    lastKind = kind;
    if (kind === 'description-label') inDescription = true;
    if (kind === 'theme-label' || kind === 'cue') inDescription = false;
  };
  for (let i = 0; i < original.length; ) {
    const after = inDescription ? 'description-label' : lastKind;
    if (owner[i] === 'quoted') {
      let j = i;
      while (j < original.length && owner[j] === 'quoted') j++;
      // The part spans its quote marks, so a description keeps them (书目：《三体》); the theme is what they hold.
      parts.push({ start: i - 1, end: j + 1, text: original.slice(i, j).trim(), after, quoted: true });
      saw('quoted');
      i = j;
      continue;
    }
    const clauseBreak = CLAUSE_BREAK.exec(original.slice(i))?.[0];
    if (owner[i] !== undefined || separates(original, i) || clauseBreak) {
      if (owner[i] !== undefined) saw(owner[i]);
      i += clauseBreak && owner[i] === undefined ? clauseBreak.length : 1;
      continue;
    }
    let j = i;
    // A quote's opening mark belongs to the quoted part after it (举办“新年第一课”).
    while (j < original.length && owner[j] === undefined && owner[j + 1] !== 'quoted' && !separates(original, j) && !(j > i && CLAUSE_BREAK.test(original.slice(j)))) j++;
    if (j === i) j++;
    const raw = original.slice(i, j);
    const text = trimFillers(raw);
    // Closing punctuation belongs to what it closes (进入！, 冲刺!); a theme keeps ! and ? but not a full stop.
    const rawEnd = j;
    while (j < original.length && owner[j] === undefined && /[!！?？。.~～…]/.test(original[j]!)) j++;
    // 学区房专场！！: a run of them is emphasis, not the name's.
    const closing = original.slice(rawEnd, j).replace(/[。.~～…]/g, '').replace(/^[!！]{2,}$/, '');
    const closed = raw.endsWith(text) ? text + closing : text;
    // 🎉创建直播 …: symbols before the command's words decorate the message, they are not its theme.
    // 主题👉 “…”, 按这个开直播👇: a part of symbols alone decorates wherever it stands.
    const decoration = j <= firstCue ? /^[\p{S}\p{P}]+$/u.test(text) : /^\p{Extended_Pictographic}[\u{FE0F}\u{200D}]?$/u.test(text);
    // 一、主题：… 二、时间：…: the numbers of a list are not text.
    const numbering =
      (/^(?:[一二三四五六七八九十]{1,2}|\d{1,2})$/.test(text) && /^[、.．)）]/.test(original.slice(j).trimStart())) ||
      // 1.主题：… on a line of its own.
      (/^\d{1,2}[.．)）]$/.test(text) && /(?:^|\n)\s*$/.test(original.slice(0, i)));
    // 紧急 sync: a filler word in front of an English name is the name's first word.
    const leadsLatin = /^\p{Script=Han}+$/u.test(text) && /^ [A-Za-z]/.test(original.slice(j));
    if (text !== '' && !decoration && !numbering && (leadsLatin || (!FILLER_ALONE.test(foldTraditional(text)) && !FILLER_ALONE.test(foldTraditional(raw.trim())))) && !/^[\p{P}`]+$/u.test(text) && !/^@\S+$/.test(text) && !(/[^\p{Extended_Pictographic}\s]/u.test(text) && (trimFillers(text.replace(/\p{Extended_Pictographic}/gu, '')) === '' || (/\p{Extended_Pictographic}/u.test(text) && FILLER_ALONE.test(foldTraditional(text.replace(/\p{Extended_Pictographic}/gu, ''))))))) parts.push({ start: i, end: j, text: closed, after, quoted: false });
    i = j;
  }
  return parts;
}

/** A separator at `text[i]`; a slash only with a space beside it (CI/CD, 9/10 are words). */
const separates = (text: string, i: number): boolean =>
  text[i] === '/' ? /\s/.test(text[i - 1] ?? ' ') || /\s/.test(text[i + 1] ?? ' ')
  // 1:1 培训: a colon between digits is part of the word.
  : text[i] === ':' && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '') ? false
  : SEPARATOR.test(text[i]!);

/** `raw` without the fillers at its edges, trimmed again until nothing more comes off. */
export function trimFillers(raw: string): string {
  let text = raw;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    // 營業稅申報然後: the fillers are matched on the simplified forms (one to one), the member's characters are kept.
    const folded = foldTraditional(text);
    const lead = LEADING_FILLER.exec(folded)?.[0].length ?? 0;
    const trail = TRAILING_FILLER.exec(folded.slice(lead))?.[0].length ?? 0;
    const kept = [...text].slice([...folded.slice(0, lead)].length, [...folded].length - [...folded.slice(folded.length - trail)].length).join('');
    // 后天—上午10点—会员活动说明: a dash left at an edge joined the part to a time, it is not the theme's.
    // 开CPA考试辅导: a verb before a Latin or quoted name arranges it (开学典礼 keeps its 开).
    text = kept.replace(EDGE_DASHES, '').replace(VERB_BEFORE_NAME, '').replace(HELD_LIVE, '$1').replace(HELD_AT, '').replace(NOTICE_OF, '$1').replace(OPEN_AT_END, '').replace(CLOSE_AT_START, '').trim();
  }
  return text;
}

/**
 * One phrase written with a space: Weekly Sync, 英语角English Corner (Latin runs on into Latin), Q4 复盘 (a short
 * code starts the theme), 新人培训 第3期 (a continuation), and whatever follows 主题：up to the next comma or time.
 */
function joinPhrases(parts: Part[], original: string, owner: Array<TakenKind | undefined>): void {
  for (let k = parts.length - 1; k > 0; k--) {
    const [a, b] = [parts[k - 1]!, parts[k]!];
    const gap = original.slice(a.end, b.start);
    if (a.quoted || b.quoted || owner.slice(a.end, b.start).some((o) => o !== undefined)) continue;
    // Tech Talk - Rust入门: a dash with spaces after a Latin name joins its subtitle.
    if (/^[ \u3000]+[-–—&+][ \u3000]+$/.test(gap) && /[A-Za-z]$/.test(a.text)) {
      parts.splice(k - 1, 2, { ...a, end: b.end, text: `${a.text}${gap}${b.text}` });
      continue;
    }
    // 非遗手作·扎染体验: a middle dot between two words of Chinese is inside one name.
    if (/^[·・]$/.test(gap) && /\p{Script=Han}$/u.test(a.text) && /^\p{Script=Han}/u.test(b.text)) {
      parts.splice(k - 1, 2, { ...a, end: b.end, text: `${a.text}${gap}${b.text}` });
      continue;
    }
    // 主题：从甲骨文、简帛到纸张的演变: a labelled name runs on over its 、 (too long a name is then asked about).
    if (gap === '、' && a.after === 'theme-label') {
      parts.splice(k - 1, 2, { ...a, end: b.end, text: `${a.text}${gap}${b.text}` });
      continue;
    }
    if (!/^[ \u3000]+$/.test(gap)) continue;
    // iPhone 17发布会: a Latin word runs on into what follows; 英语角English Corner: Latin at the end runs on into Latin.
    const latin = (LATIN_WORD.test(a.text) && /^[A-Za-z0-9]/.test(b.text)) || (/[A-Za-z]$/.test(a.text) && /^[A-Za-z]/.test(b.text));
    const prefix = k - 1 === 0 && SHORT_CODE.test(a.text) && /^\p{Script=Han}/u.test(b.text);
    // 数据平台 demo, Rust 入门 brown bag, HRBP 答疑: Chinese and English words of one name, a single space apart, while
    // the name stays a theme's length — English after Chinese only when it is English alone (周会 Q&A环节 is a theme
    // and its description), Chinese after English unless it opens a description (TeamSync 主讲人张三, 面向全员).
    const fits = [...`${a.text} ${b.text}`].length <= THEME_CHARS && gap === ' ';
    const mixed =
      fits &&
      ((/\p{Script=Han}$/u.test(a.text) && PURE_LATIN.test(b.text)) ||
        (LATIN_EDGE.test(a.text.slice(-1)) && /^\p{Script=Han}/u.test(b.text) && !/\p{Script=Han}/u.test(a.text) && !DESCRIPTION_START.test(foldTraditional(original.slice(b.start, b.end)))));
    // 讲座：深度学习中的优化方法 主讲人：…: a labelled name stops where the speaker's line starts.
    const opens = DESCRIPTION_START.test(foldTraditional(original.slice(b.start, b.end)));
    if (!((a.after === 'theme-label' && !opens) || latin || prefix || mixed || CONTINUATION.test(b.text))) continue;
    parts.splice(k - 1, 2, { ...a, end: b.end, text: `${a.text}${gap}${b.text}` });
  }
}
