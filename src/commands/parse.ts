/**
 * The command parser: a member's text → an Intent, or a ParseError that says what was wrong and shows a correct
 * example. Pure: no I/O, the time and the zone are passed in. Full-width spaces and punctuation work like ASCII.
 */
import { charLength, DESCRIPTION_MAX_CHARS, THEME_MAX_BYTES, THEME_MAX_CHARS } from '../wecom/validate.js';
import { parseDuration, readLeadingTime } from './time.js';

export type CommandName = 'create' | 'info' | 'list' | 'watch' | 'cancel' | 'apistats' | 'ping' | 'help';

/** A command about one live. */
interface LiveIntent<C extends 'info' | 'watch' | 'cancel'> {
  command: C;
  livingid: string;
}

export type Intent =
  | { command: 'create'; theme: string; start: number; durationSeconds: number | null; description: string }
  | LiveIntent<'info'>
  | LiveIntent<'watch'>
  | LiveIntent<'cancel'>
  | { command: 'list' | 'apistats' | 'ping' | 'help' };

export type ParseErrorCode =
  | 'unknown-command'
  | 'no-theme'
  | 'theme-too-long'
  | 'no-time'
  | 'bad-time'
  | 'no-hour'
  | 'past-time'
  | 'description-too-long'
  | 'no-id'
  | 'bad-id';

export interface ParseError {
  error: ParseErrorCode;
  /** What to tell the member: what was wrong, and a correct example. */
  message: string;
}

/** Keywords of each command: Chinese first, then the English aliases. Longest match wins. */
export const COMMAND_WORDS: Record<CommandName, string[]> = {
  create: ['创建直播', '新建直播', '预约直播', '创建', 'create'],
  info: ['直播详情', '详情', 'info'],
  list: ['我的直播', '直播列表', 'list', 'my'],
  watch: ['观看统计', '观看数据', 'watch'],
  cancel: ['取消直播', '取消', 'cancel'],
  apistats: ['统计', 'api统计', 'apistats', 'stats'],
  ping: ['测试连接', 'ping'],
  help: ['帮助', '菜单', 'help', '?'],
};

export const EXAMPLES: Record<CommandName, string> = {
  create: '创建直播 周会 明天15:00 1小时 本周进展同步',
  info: '直播详情 lvXXXXXXXX',
  list: '我的直播',
  watch: '观看统计 lvXXXXXXXX',
  cancel: '取消直播 lvXXXXXXXX',
  apistats: '统计',
  ping: '测试连接',
  help: '帮助',
};

const KEYWORDS = Object.entries(COMMAND_WORDS)
  .flatMap(([command, words]) => words.map((word) => ({ command: command as CommandName, word })))
  .sort((a, b) => b.word.length - a.word.length);

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', "'": "'", '‘': '’', '《': '》' };
const LIVINGID = /^[A-Za-z0-9_\-@.]{1,128}$/;

const fail = (error: ParseErrorCode, message: string): ParseError => ({ error, message });
const example = (command: CommandName): string => `例：${EXAMPLES[command]}`;

/** True when `result` is a ParseError. */
export const isParseError = (result: Intent | ParseError): result is ParseError => 'error' in result;

/** Reads `text` sent at `nowMs`, with times in `timezone`. Never throws. */
export function parse(text: string, nowMs: number, timezone: string): Intent | ParseError {
  // NFKC folds full-width letters, digits, spaces and ：，（） into ASCII; 「」 and “” are kept for quoting.
  const normalized = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const lower = normalized.toLowerCase();
  const match = KEYWORDS.find(({ word }) => {
    if (!lower.startsWith(word)) return false;
    // An English alias must be a whole word ("listing" is not "list"); Chinese keywords may run into the text.
    return !/^[a-z?]/.test(word) || lower.length === word.length || lower[word.length] === ' ';
  });
  if (!match) return fail('unknown-command', `没看懂这条消息。发送「帮助」查看可用命令，${example('create')}`);
  const rest = normalized.slice(match.word.length).trim();
  switch (match.command) {
    case 'create':
      return parseCreate(rest, nowMs, timezone);
    case 'info':
    case 'watch':
    case 'cancel':
      return parseId(match.command, rest);
    default:
      return { command: match.command };
  }
}

function parseId(command: 'info' | 'watch' | 'cancel', rest: string): Intent | ParseError {
  const id = rest.split(' ')[0] ?? '';
  if (id === '') return fail('no-id', `请附上直播ID。${example(command)}（直播ID可在「我的直播」中查看）`);
  if (!LIVINGID.test(id)) return fail('bad-id', `「${id.slice(0, 40)}」不是有效的直播ID。${example(command)}`);
  return { command, livingid: id };
}

function parseCreate(rest: string, nowMs: number, timezone: string): Intent | ParseError {
  if (rest === '') return fail('no-theme', `请写上直播主题和开始时间。${example('create')}`);
  const { theme, after } = readTheme(rest);
  if (theme === '') return fail('no-theme', `直播主题不能为空。${example('create')}`);
  if (charLength(theme) > THEME_MAX_CHARS || Buffer.byteLength(theme) > THEME_MAX_BYTES) {
    return fail('theme-too-long', `直播主题最多${THEME_MAX_CHARS}个字（当前${charLength(theme)}个字），请缩短后再试。${example('create')}`);
  }
  const tokens = after === '' ? [] : after.split(' ');
  if (tokens.length === 0) return fail('no-time', `请写上开始时间。${example('create')}`);
  const time = readLeadingTime(tokens, nowMs, timezone);
  if (!time) {
    return fail('bad-time', `看不懂时间「${tokens[0]}」。可以写：明天15:00、明天下午3点、下周一 10:00、2026-12-01 15:00。${example('create')}`);
  }
  if (!time.hourKnown) return fail('no-hour', `请写明几点开始，例如「${time.text}15:00」。${example('create')}`);
  if (time.at <= nowMs) return fail('past-time', `开始时间「${time.text}」已经过去了，请选择将来的时间。${example('create')}`);
  let remaining = tokens.slice(time.used);
  const duration = remaining.length > 0 ? parseDuration(remaining[0]!) : null;
  if (duration !== null) remaining = remaining.slice(1);
  const description = remaining.join(' ');
  if (charLength(description) > DESCRIPTION_MAX_CHARS) {
    return fail('description-too-long', `直播描述最多${DESCRIPTION_MAX_CHARS}个字（当前${charLength(description)}个字）。`);
  }
  return { command: 'create', theme, start: time.at, durationSeconds: duration, description };
}

/** The theme: a quoted phrase (may hold spaces), else the first word. */
function readTheme(rest: string): { theme: string; after: string } {
  const close = QUOTES[rest[0]!];
  if (close) {
    const end = rest.indexOf(close, 1);
    if (end > 0) return { theme: rest.slice(1, end).trim(), after: rest.slice(end + 1).trim() };
  }
  const space = rest.indexOf(' ');
  return space < 0 ? { theme: rest, after: '' } : { theme: rest.slice(0, space), after: rest.slice(space + 1).trim() };
}

/** The intent of a card button's key (`info:ID`, `watch:ID`, `cancel:ID`, `apistats`), or null. */
export function parseButtonKey(key: string): Intent | null {
  const [command, id] = key.split(':', 2) as [string, string | undefined];
  if ((command === 'info' || command === 'watch' || command === 'cancel') && id && LIVINGID.test(id)) {
    return { command, livingid: id };
  }
  if (command === 'apistats' || command === 'list' || command === 'help' || command === 'ping') return { command };
  return null;
}
