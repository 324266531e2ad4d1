import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { failureReply } from '../../src/commands/failure.js';
import { WeComValidationError } from '../../src/wecom/errors.js';

describe('what a failed command reads like', () => {
  it('a value the client refuses before calling WeCom is said in Chinese, never with the client’s English reason', () => {
    for (const [field, reason, says] of [
      ['living_duration', 'must be a whole number of seconds > 0', /^直播时长需要在1分钟到24小时之间，请修改后再试。$/],
      ['theme', 'is over 60 bytes', /^直播主题不能为空，最多20个字、60个字节/],
      ['living_start', 'is in the past', /^开始时间需要是将来的时间/],
      ['remind_time', 'must be whole seconds ≥ 0', /^提醒时间/],
      ['something_new', 'must be x', /^直播信息不符合企业微信的要求/],
    ] as const) {
      const reply = failureReply(new WeComValidationError('living/create', field, reason), 'create');
      assert.ok(reply.kind === 'text');
      assert.match(reply.content, says, field);
      assert.doesNotMatch(reply.content, /[a-z]{3,}/i, `${field}: no English reaches the member`);
    }
  });
});
