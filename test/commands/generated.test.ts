// Generated phrasings: create requests assembled from the parts members combine — days, parts of the day, clocks,
// ranges, lengths, reminders, themes, descriptions — in any order, with any separator, half- or full-width. Each
// case carries its meaning, computed here from the fixed clock by rules written for this test (not by the reader),
// so a wrong live fails the run; a question is allowed and counted. Seeded: the same cases every run.
process.env.TZ = 'America/Los_Angeles';

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReadResult } from '../../src/commands/command.js';
import type { CreateArgs, CreateState } from '../../src/commands/create-draft.js';
import { recognize } from '../../src/commands/recognize.js';
import { formatTime } from '../../src/zone.js';

const TZ = 'Asia/Shanghai';
/** Wednesday 2026-11-25 14:00 in Shanghai. */
const NOW = Date.parse('2026-11-25T14:00:00+08:00');
const DAY_MS = 86_400_000;

/** A small deterministic generator (mulberry32): the same seed, the same cases. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const shuffle = <T>(items: T[]): T[] => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  };
  return { pick, chance, shuffle };
}
type Random = ReturnType<typeof random>;

/** Days as written, with the date they mean on Wednesday 2026-11-25 (days after today). */
const DAYS: Array<[written: string, offset: number]> = [
  ['明天', 1], ['后天', 2], ['大后天', 3], ['周五', 2], ['星期五', 2], ['礼拜六', 3], ['这周五', 2], ['下周一', 5], ['下周三', 7],
  ['下星期二', 6], ['下下周三', 14], ['12月3日', 8], ['12月3号', 8], ['十二月三日', 8], ['2026-12-03', 8], ['2026/12/03', 8],
  ['2026年12月3日', 8], ['12/3', 8], ['12.3', 8], ['下个月3号', 8], ['月底', 5], ['3天后', 3], ['过两天', 2], ['一周后', 7],
  ['元旦', 37], ['圣诞节', 30], ['双12', 17], ['平安夜', 29], ['周四', 1], ['12月1日（周二）', 6],
  // Hong Kong colleagues: 聽日 is tomorrow, 後日 the day after.
  ['聽日', 1], ['後日', 2], ['周三(12月2日)', 7],
];

const CN = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const CN_MINUTE: Record<number, string> = { 15: '一刻', 30: '半', 45: '三刻' };

/** A part of the day with the hours (as written) it is used with, and the 24-hour clock each means. */
const PERIODS: Array<{ words: string[]; hours: number[]; to24: (h: number) => number }> = [
  { words: ['上午', '早上', '朝早'], hours: [8, 9, 10, 11], to24: (h) => h },
  { words: ['下午', '下晝'], hours: [1, 2, 3, 4, 5], to24: (h) => h + 12 },
  { words: ['中午'], hours: [12, 1], to24: (h) => (h === 12 ? 12 : h + 12) },
  { words: ['晚上', '晚'], hours: [7, 8, 9], to24: (h) => h + 12 },
  { words: ['凌晨'], hours: [5, 6], to24: (h) => h },
];

/** A clock for hour `h` (as written, 1–12, or 13–23 with no part of the day) and minute `m`. */
function clock(r: Random, h: number, m: number, colonAllowed: boolean): string {
  const forms = [
    () => `${h}点${m === 0 ? '' : m === 30 && r.chance(0.5) ? '半' : `${m}分`}`,
    () => `${CN[h] ?? String(h)}点${m === 0 ? '' : CN_MINUTE[m] ?? `${m}分`}`,
    ...(colonAllowed ? [() => `${h}:${String(m).padStart(2, '0')}`] : []),
  ];
  return r.pick(forms)();
}

interface Case {
  text: string;
  /** What it means: the live, or that the bot must ask. */
  live?: { theme: string; start: number; duration: number | null; description: string; remind?: number };
}

const THEMES = [
  '周会', '产品评审会', '新人培训', 'Q4 复盘', 'AI分享会', '季度OKR对齐', '销售冲刺动员会', '客户答谢会', 'Python入门', '安全培训第2期',
  '年终总结', '英语角English Corner', '设计走查', '读书会', '技术沙龙', '供应链优化分享', '直播带货培训', '数据看板讲解', 'TeamSync', '春季招聘宣讲',
];
const DESCRIPTIONS = ['本周进展同步', '面向全员', '请提前进入', '主讲人张三', '会后答疑'];
const LENGTHS: Array<[string, number]> = [
  ['1小时', 3600], ['90分钟', 5400], ['两个小时', 7200], ['半小时', 1800], ['1.5小时', 5400], ['一个半小时', 5400], ['45分钟', 2700], ['2h', 7200], ['时长1小时', 3600],
];
const REMINDERS: Array<[string, number]> = [['提前15分钟提醒', 900], ['提前1小时通知大家', 3600], ['不提醒', 0], ['15分钟前提醒', 900], ['提前半小时提醒', 1800]];
const VERBS = ['创建直播', '帮我创建直播', '开直播', '预约直播', '请帮我创建一个直播', '新建直播：'];
const SEPARATORS = [' ', '，', ',', '、', '　', '  ', ' , '];

const at = (offsetDays: number, hour: number, minute: number) =>
  Date.parse(`2026-11-25T00:00:00+08:00`) + offsetDays * DAY_MS + hour * 3_600_000 + minute * 60_000;

const FULL_WIDTH: Record<string, string> = Object.fromEntries([...'0123456789:'].map((c) => [c, String.fromCharCode(c.charCodeAt(0) + 0xfee0)]));
const fullWidth = (text: string) => text.replace(/[0-9:]/g, (c) => FULL_WIDTH[c]!);

/** The time part of a request and what it means: start, a range's length, or that the bot must ask. */
function timePart(r: Random): { written: string; start?: number; range?: number; ask?: true } {
  const [dayWritten, offset] = r.pick(DAYS);
  const minute = r.pick([0, 0, 0, 30, 15, 45]);
  const shape = r.pick(['period', 'period', 'period', '24h', 'bare-ask']);
  if (shape === 'bare-ask') {
    // 3点 with no part of the day: 凌晨 or 下午? The bot must ask.
    const h = r.pick([1, 2, 3, 4, 5, 6, 7]);
    const written = clock(r, h, minute, true);
    // 双12 1点15分 needs its space: 双121点15分 is unreadable to people too.
    return { written: `${dayWritten}${/\d$/.test(dayWritten) && /^\d/.test(written) ? ' ' : r.pick(['', ' '])}${written}`, ask: true };
  }
  let written: string;
  let hour24: number;
  let endWritten = '';
  let range: number | undefined;
  if (shape === '24h') {
    // As rosters write them: 0730, 1930, 0900-1100; a zero-padded hour (07:00, 0700) is the hour written.
    const compact = r.chance(0.35);
    const padded = compact || r.chance(0.2);
    hour24 = r.pick([...(padded ? [6, 7] : []), 8, 9, 10, 11, 13, 14, 15, 16, 19, 20]);
    const hhmm = (h: number) => (compact ? `${String(h).padStart(2, '0')}${String(minute).padStart(2, '0')}` : `${padded ? String(h).padStart(2, '0') : h}:${String(minute).padStart(2, '0')}`);
    // 12.3 15:00 needs its space: 12.315:00 is unreadable to people too.
    written = `${dayWritten}${/[\d)）]$/.test(dayWritten) ? ' ' : r.pick(['', ' '])}${hhmm(hour24)}`;
    if (r.chance(0.3)) {
      const hours = r.pick([1, 2]);
      endWritten = `${r.pick(compact ? ['-', '到', '至', '~'] : ['-', '到', '至', '~', '—', ' - '])}${hhmm(hour24 + hours)}`;
      range = hours * 3600;
    }
  } else {
    const period = r.pick(PERIODS);
    const h = r.pick(period.hours);
    hour24 = period.to24(h);
    const word = r.pick(period.words);
    written = `${dayWritten}${r.pick(['', ' '])}${word}${clock(r, h, minute, word.length > 1)}`;
    if (r.chance(0.3) && h + 2 <= 12 && period.to24(h + 2) < 24 && period.hours.length > 1) {
      // The end keeps the start's part of the day: 晚上7点到9点 is 21:00.
      const hours = r.pick([1, 2]);
      endWritten = `${r.pick(['到', '-', '至', '~', '—'])}${clock(r, h + hours, minute, false)}`;
      range = hours * 3600;
    }
  }
  const start = at(offset, hour24, minute);
  if (start <= NOW) return { written: written + endWritten, ask: true };
  return { written: written + endWritten, start, ...(range !== undefined ? { range } : {}) };
}

/** One create request and its meaning. */
function createCase(r: Random): Case {
  const theme = r.pick(THEMES);
  const time = timePart(r);
  const length = r.chance(0.4) ? r.pick(LENGTHS) : undefined;
  const reminder = r.chance(0.3) ? r.pick(REMINDERS) : undefined;
  const description = r.chance(0.3) ? r.pick(DESCRIPTIONS) : undefined;
  const labelled = description !== undefined && r.chance(0.5);
  const sep = () => r.pick(SEPARATORS);
  // A theme with a space stands after a separator and before one; an unlabelled description right after the theme.
  const themePart = description && !labelled ? `${theme}${r.pick([' ', '，'])}${description}` : theme;
  // Times, lengths and reminders typed with a full-width keyboard (the theme is kept as typed, so it stays as it is).
  const wide = r.chance(0.25) ? fullWidth : (t: string) => t;
  const parts = r.shuffle([themePart, wide(time.written), ...(length ? [wide(length[0])] : []), ...(reminder ? [wide(reminder[0])] : [])]);
  if (labelled) parts.push(`${r.pick(['备注：', '描述：', '说明：'])}${description}`);
  const text = `${r.pick(VERBS)}${sep()}${parts.map((p, i) => (i === 0 ? p : `${sep()}${p}`)).join('')}`;
  const conflicting = length !== undefined && time.range !== undefined && length[1] !== time.range;
  if (time.ask || conflicting) return { text };
  return {
    text,
    live: {
      theme,
      start: time.start!,
      duration: length?.[1] ?? time.range ?? null,
      description: description ?? '',
      ...(reminder ? { remind: reminder[1] } : {}),
    },
  };
}

/** Traditional forms of the words requests are made of, as Hong Kong and Taipei colleagues type them. */
const TRADITIONAL: Record<string, string> = Object.fromEntries([...'点點周週时時长長两兩钟鐘个個后後会會创創开開预預约約帮幫请請题題间間礼禮'.matchAll(/(.)(.)/g)].map((m) => [m[1]!, m[2]!]));
const traditional = (text: string) => text.replace(/./g, (c) => TRADITIONAL[c] ?? c);

/** A create request typed in Traditional characters: the theme and description keep them (週會). */
function traditionalCase(r: Random): Case {
  const c = createCase(r);
  const text = traditional(c.text);
  return c.live ? { text, live: { ...c.live, theme: traditional(c.live.theme), description: traditional(c.live.description) } } : { text };
}

/** Spoken forms: no command word, 直播 glued between the time and the theme, fillers of voice input. */
const FILLERS = ['', '', '', '嗯', '那个', '嗯那个', '就是说'];
const GLUES = ['直播', '直播一下', '直播个', '开始直播', '直播，', ' 直播 ', '直播一场', '，直播一下'];
const TAILS = ['', '', '吧', '，谢谢', '。', '哈'];

/** One request as spoken (明天下午三点就是说直播一下产品评审会 两个小时吧) and its meaning. */
function spokenCase(r: Random): Case {
  const theme = r.pick(THEMES);
  const time = timePart(r);
  const length = r.chance(0.3) ? r.pick(LENGTHS.filter(([w]) => !w.startsWith('时长'))) : undefined;
  const text = `${r.pick(FILLERS)}${time.written}${r.pick(FILLERS)}${r.pick(GLUES)}${theme}${length ? ` ${length[0]}` : ''}${r.pick(TAILS)}`;
  const conflicting = length !== undefined && time.range !== undefined && length[1] !== time.range;
  if (time.ask || conflicting) return { text };
  return { text, live: { theme, start: time.start!, duration: length?.[1] ?? time.range ?? null, description: '' } };
}

const env = { now: NOW, timezone: TZ };

/** What the bot makes of `text`, answering 是 to a confirmation. */
function outcome(text: string): ReadResult<CreateArgs> | null {
  const recognized = recognize(text, NOW, TZ);
  if (!recognized || recognized.command.name !== 'create') return null;
  return recognized.command.read(recognized.input, env) as ReadResult<CreateArgs>;
}

/** Fails on a live that is not the one meant; true when the bot asked. */
function check(c: Case, result: ReadResult<CreateArgs> | null, label = c.text): boolean {
  assert.ok(result, `${label}: not read as a create request`);
  if ('ask' in result) return true;
  assert.ok('args' in result, `${label}: ${JSON.stringify(result)}`);
  assert.ok(c.live, `${label}: created a live where the bot must ask: ${JSON.stringify(result.args)}`);
  const got = result.args;
  const want = c.live;
  const show = (a: { start: number }) => formatTime(a.start, TZ);
  assert.deepEqual(
    { theme: got.theme, start: show(got), duration: got.durationSeconds, description: got.description, remind: got.remindSeconds },
    { theme: want.theme, start: show(want), duration: want.duration, description: want.description, remind: want.remind },
    label,
  );
  return false;
}

describe('reading generated phrasings (seeded)', () => {
  it('creates exactly the live meant, or asks, on 4,000 generated create requests', () => {
    const r = random(20261205);
    let created = 0;
    let asked = 0;
    let askedWhenClear = 0;
    const wrong: string[] = [];
    for (let i = 0; i < 4000; i++) {
      // One in four is spoken: no command word, 直播 glued to the time, fillers; one in ten is in Traditional characters.
      const c = r.chance(0.25) ? spokenCase(r) : r.chance(0.13) ? traditionalCase(r) : createCase(r);
      try {
        if (check(c, outcome(c.text))) {
          asked++;
          if (c.live) askedWhenClear++;
        } else created++;
      } catch (error) {
        wrong.push((error as Error).message.split('\n')[0]!);
      }
    }
    console.log(`generated: ${created} created exactly as meant, ${asked} asked (${askedWhenClear} of them clear requests), ${wrong.length} wrong, of 4000`);
    assert.deepEqual(wrong, [], `wrong lives:\n${wrong.slice(0, 30).join('\n')}`);
    // Asking is allowed, but a reader that asks about most clear requests is not reading them.
    assert.ok(askedWhenClear < 200, `${askedWhenClear} clear requests were asked about`);
  });

  it('takes the answer to its question: a day then its hour, a theme then its time (1,000 two-turn cases)', () => {
    const r = random(7);
    let created = 0;
    for (let i = 0; i < 1000; i++) {
      const theme = r.pick(THEMES);
      const [dayWritten, offset] = r.pick(DAYS);
      const period = r.pick(PERIODS);
      const h = r.pick(period.hours);
      const minute = r.pick([0, 30]);
      const periodWord = r.pick(period.words.filter((w) => w.length > 1).concat(period.words[0]!));
      const withPeriod = r.chance(0.5);
      // First turn: the day (and maybe its part of the day) without the hour; second: the hour.
      const first = `${r.pick(VERBS)} ${theme} ${dayWritten}${withPeriod ? periodWord : ''}`;
      const second = withPeriod ? clock(r, h, minute, false) : `${periodWord}${clock(r, h, minute, periodWord.length > 1)}`;
      const start = at(offset, period.to24(h), minute);
      const opened = outcome(first);
      assert.ok(opened && 'ask' in opened, `${first}: did not ask for the hour`);
      const state = opened.ask.state as CreateState;
      const answered = recognize(first, NOW, TZ)!.command.resume!(state, second, env) as ReadResult<CreateArgs>;
      const c: Case = { text: `${first} ⇒ ${second}`, live: { theme, start, duration: null, description: '' } };
      if (!check(c, answered, c.text)) created++;
    }
    console.log(`two-turn: ${created} of 1000 created exactly as meant after one answer, the rest asked again, 0 wrong`);
    assert.ok(created > 900, `only ${created} answers were taken`);
  });
});
