import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripMention } from '../../src/aibot/message.js';

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
