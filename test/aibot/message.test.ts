import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAibotMessage, stripMention } from '../../src/aibot/message.js';
import { conversationKey } from '../../src/commands/conversation.js';
import { isUserid, sameUser } from '../../src/userid.js';

/** The bot's @mention as members type it in a group (the rest is what the commands read). */
describe('stripMention', () => {
  const table: Array<[string, string, string?]> = [
    ['@直播助手 我的直播', '我的直播'],
    ['@直播助手我的直播', '我的直播'],
    ['＠直播助手　我的直播', '我的直播'],
    ['@直播助手\u2005创建直播 周会 明天15:00', '创建直播 周会 明天15:00'],
    ['我的直播 @直播助手', '我的直播'],
    ['麻烦 @直播助手 我的直播', '麻烦 我的直播'],
    ['@李四 @直播助手 创建直播 周会 明天15:00', '创建直播 周会 明天15:00'],
    ['@直播小助手 帮助', '帮助', '直播助手'],
    ['@Live Bot 帮助', '帮助', 'Live Bot'],
    ['@直播助手', ''],
    ['@直播助手，我的直播', '，我的直播'],
    ['创建直播 周会 明天15:00', '创建直播 周会 明天15:00'],
  ];
  for (const [typed, read, name = '直播助手'] of table) {
    it(`${JSON.stringify(typed)} → ${JSON.stringify(read)}`, () => assert.equal(stripMention(typed, name), read));
  }
});

describe('userids as WeCom defines them', () => {
  it('compares in ASCII only: the Kelvin sign is not k, and case does not matter', () => {
    assert.equal(sameUser('ZhangSan', 'zhangsan'), true);
    assert.equal(sameUser('\u212Aim', 'kim'), false);
    assert.notEqual(conversationKey('\u212Aim'), conversationKey('kim'));
    for (const ok of ['zhangsan', 'Zhang.San@corp', 'a', '1-2_3']) assert.equal(isUserid(ok), true, ok);
    for (const bad of ['\u212Aim', '张三', '', ' zhangsan', '_x', 'a'.repeat(65), 'a b']) assert.equal(isUserid(bad), false, bad);
  });

  it('a 智能机器人 callback from a sender that is no userid is malformed', () => {
    const raw = JSON.stringify({ msgid: 'm1', msgtype: 'text', from: { userid: '\u212Aim' }, text: { content: 'hi' } });
    assert.throws(() => parseAibotMessage(raw, '直播助手'), /malformed-message/);
  });
});
