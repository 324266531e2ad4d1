// The server's zone is set far from the company's before anything reads the clock: every answer below must still
// be in Asia/Shanghai.
process.env.TZ = 'America/Los_Angeles';

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isParseError, parse, parseButtonKey, type Intent, type ParseError } from '../../src/commands/parse.js';
import { parseDuration } from '../../src/commands/time.js';
import { formatTime } from '../../src/zone.js';

const TZ = 'Asia/Shanghai';
const WEDNESDAY_2PM = Date.parse('2026-11-25T14:00:00+08:00');
const SUNDAY_10AM = Date.parse('2026-11-29T10:00:00+08:00');
const at = (iso: string) => Date.parse(`${iso}+08:00`);

const create = (text: string, now = WEDNESDAY_2PM) => {
  const result = parse(text, now, TZ);
  assert.ok(!isParseError(result), `${text}: ${JSON.stringify(result)}`);
  assert.equal(result.command, 'create');
  return result as Extract<Intent, { command: 'create' }>;
};
const error = (text: string, now = WEDNESDAY_2PM) => {
  const result = parse(text, now, TZ);
  assert.ok(isParseError(result), `${text} was accepted: ${JSON.stringify(result)}`);
  return result as ParseError;
};

describe('parse: times in the company zone, whatever the server’s TZ', () => {
  const table: Array<[string, string, number]> = [
    ['明天15:00', '2026-11-26T15:00:00', WEDNESDAY_2PM],
    ['明天下午3点', '2026-11-26T15:00:00', WEDNESDAY_2PM],
    ['后天上午10点半', '2026-11-27T10:30:00', WEDNESDAY_2PM],
    ['12月1日 14:00', '2026-12-01T14:00:00', WEDNESDAY_2PM],
    ['2026-12-01 10:30', '2026-12-01T10:30:00', WEDNESDAY_2PM],
    ['今晚8点', '2026-11-25T20:00:00', WEDNESDAY_2PM],
    ['下周一 9点', '2026-11-30T09:00:00', WEDNESDAY_2PM],
    ['下周一 10:00', '2026-11-30T10:00:00', WEDNESDAY_2PM],
    // Chinese weeks start on Monday: on a Sunday, 下周一 is the next day.
    ['下周一 9点', '2026-11-30T09:00:00', SUNDAY_10AM],
    ['下周日 9点', '2026-12-06T09:00:00', SUNDAY_10AM],
    ['明天0点', '2026-11-26T00:00:00', WEDNESDAY_2PM],
    // 23:30 in Shanghai is still "today" there, whatever the date is in Los Angeles or UTC.
    ['明天15:00', '2026-11-26T15:00:00', at('2026-11-25T23:30:00')],
    ['明天15:00', '2026-11-27T15:00:00', at('2026-11-26T00:10:00')],
    ['tomorrow 3pm', '2026-11-26T15:00:00', WEDNESDAY_2PM],
  ];
  for (const [time, expected, now] of table) {
    it(`reads "${time}" at ${formatTime(now, TZ)} as ${expected}`, () => {
      assert.equal(formatTime(create(`创建直播 周会 ${time}`, now).start, TZ), formatTime(at(expected), TZ));
    });
  }

  it('gives the same answer under UTC and Asia/Shanghai server zones', () => {
    const expected = create('创建直播 周会 明天下午3点', at('2026-11-25T23:30:00')).start;
    for (const zone of ['UTC', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      process.env.TZ = zone;
      assert.equal(create('创建直播 周会 明天下午3点', at('2026-11-25T23:30:00')).start, expected, zone);
    }
    process.env.TZ = 'America/Los_Angeles';
  });
});

describe('parse: 创建直播', () => {
  it('reads theme, time, duration and description', () => {
    const intent = create('创建直播 周会 明天15:00 90分钟 本周进展 同步');
    assert.deepEqual(intent, { command: 'create', theme: '周会', start: at('2026-11-26T15:00:00'), durationSeconds: 5400, description: '本周进展 同步' });
  });

  it('leaves the duration to the default when none is given', () => {
    assert.equal(create('创建直播 周会 明天15:00').durationSeconds, null);
    assert.equal(create('创建直播 周会 明天15:00 讨论').description, '讨论');
  });

  it('takes quoted themes with spaces, in any quotes', () => {
    for (const text of ['创建直播 “产品 发布会” 明天15:00', '创建直播 "产品 发布会" 明天15:00', '创建直播 「产品 发布会」 明天15:00']) {
      assert.equal(create(text).theme, '产品 发布会', text);
    }
  });

  it('treats full-width spaces, digits and colons like ASCII', () => {
    const intent = create('创建直播　周会　明天１５：００　２小时');
    assert.equal(intent.start, at('2026-11-26T15:00:00'));
    assert.equal(intent.durationSeconds, 7200);
  });

  it('works with the English alias and without a space after the Chinese keyword', () => {
    assert.equal(create('create weekly 2026-12-01 15:00 2h demo').theme, 'weekly');
    assert.equal(create('创建直播周会 明天15:00').theme, '周会');
  });

  const errors: Array<[string, string, RegExp]> = [
    ['创建直播', 'no-theme', /请写上直播主题和开始时间.*例：创建直播/],
    ['创建直播 周会', 'no-time', /请写上开始时间/],
    ['创建直播 周会 某天', 'bad-time', /看不懂时间「某天」.*明天15:00/],
    ['创建直播 周会 明天', 'no-hour', /请写明几点开始/],
    ['创建直播 周会 昨天15:00', 'past-time', /已经过去了/],
    ['创建直播 周会 今天9点', 'past-time', /已经过去了/],
    ['创建直播 一二三四五六七八九十一二三四五六七八九十一 明天15:00', 'theme-too-long', /最多20个字（当前21个字）/],
    [`创建直播 周会 明天15:00 1小时 ${'长'.repeat(101)}`, 'description-too-long', /最多100个字/],
  ];
  for (const [text, code, message] of errors) {
    it(`answers "${text.slice(0, 30)}" with ${code} and an example`, () => {
      const result = error(text);
      assert.equal(result.error, code);
      assert.match(result.message, message);
    });
  }
});

describe('parse: the other commands', () => {
  const table: Array<[string, Intent]> = [
    ['直播详情 lvABC123', { command: 'info', livingid: 'lvABC123' }],
    ['info lvABC123', { command: 'info', livingid: 'lvABC123' }],
    ['我的直播', { command: 'list' }],
    ['LIST', { command: 'list' }],
    ['观看统计 lv_1-2', { command: 'watch', livingid: 'lv_1-2' }],
    ['取消直播 lvX', { command: 'cancel', livingid: 'lvX' }],
    ['cancel lvX', { command: 'cancel', livingid: 'lvX' }],
    ['统计', { command: 'apistats' }],
    ['测试连接', { command: 'ping' }],
    ['ping', { command: 'ping' }],
    ['帮助', { command: 'help' }],
    ['？', { command: 'help' }],
  ];
  for (const [text, intent] of table) {
    it(`reads "${text}"`, () => assert.deepEqual(parse(text, WEDNESDAY_2PM, TZ), intent));
  }

  it('asks for the ID, refuses a malformed one, and points unknown text to 帮助', () => {
    assert.equal(error('直播详情').error, 'no-id');
    assert.match(error('取消直播').message, /例：取消直播 lv/);
    assert.equal(error('详情 <script>').error, 'bad-id');
    assert.match(error('你好').message, /发送「帮助」/);
    assert.equal(error('listing').error, 'unknown-command', 'an English alias must be a whole word');
  });

  it('reads card button keys into the same intents', () => {
    assert.deepEqual(parseButtonKey('cancel:lvX'), { command: 'cancel', livingid: 'lvX' });
    assert.deepEqual(parseButtonKey('apistats'), { command: 'apistats' });
    assert.equal(parseButtonKey('cancel:'), null);
    assert.equal(parseButtonKey('rm -rf'), null);
  });
});

describe('parse: durations', () => {
  const table: Array<[string, number | null]> = [
    ['90分钟', 5400],
    ['1.5小时', 5400],
    ['2小时', 7200],
    ['半小时', 1800],
    ['1h30m', 5400],
    ['1小时30分钟', 5400],
    ['两小时', 7200],
    ['一个半小时', 5400],
    ['45min', 2700],
    ['0分钟', null],
    ['很久', null],
  ];
  for (const [text, seconds] of table) it(`reads "${text}" as ${seconds}`, () => assert.equal(parseDuration(text), seconds));
});

describe('parse: properties', () => {
  it('never throws: any text is an Intent or a ParseError with a message', () => {
    const words = fc.constantFrom('创建直播', '直播详情', '取消直播', '观看统计', '我的直播', '统计', 'create', '明天', '15:00', '下周一', '“', '」', '　', '90分钟', 'lv1');
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.array(words, { maxLength: 8 }).map((w) => w.join(' '))), fc.integer({ min: 0, max: 4e12 }), (text, now) => {
        const result = parse(text, now, TZ);
        if (isParseError(result)) assert.ok(result.message.length > 0);
        else assert.ok(['create', 'info', 'list', 'watch', 'cancel', 'apistats', 'ping', 'help'].includes(result.command));
      }),
      { numRuns: 2000 },
    );
  });

  it('a create it accepts is in the future, with a theme WeCom accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom('明天15:00', '下周一 9点', '后天上午10点半', '2027-01-05 08:00'), (theme, time) => {
        const result = parse(`创建直播 「${theme}」 ${time}`, WEDNESDAY_2PM, TZ);
        if (isParseError(result)) return;
        assert.equal(result.command, 'create');
        if (result.command !== 'create') return;
        assert.ok(result.start > WEDNESDAY_2PM);
        assert.ok([...result.theme].length <= 20 && Buffer.byteLength(result.theme) <= 60 && result.theme.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});
