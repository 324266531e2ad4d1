// The adversarial review set (review-set.ts) as table tests: every message and dialog, through the recognizer and
// the reader, with what a member would get. A request written without 创建 is confirmed first: the test answers
// 是 and checks the live that would be created.
process.env.TZ = 'America/Los_Angeles';

import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Command, ReadResult } from '../../src/commands/command.js';
import type { CreateArgs, CreateState } from '../../src/commands/create-draft.js';
import { recognize } from '../../src/commands/recognize.js';
import { formatTime } from '../../src/zone.js';
import { SET_C } from './fresh-set.js';
import { DIALOGS_B, SET_B } from './fresh-set-b.js';
import { SET_D } from './fresh-set-d.js';
import { DIALOGS_E, SET_E } from './fresh-set-e.js';
import { DIALOGS_F, SET_F } from './fresh-set-f.js';
import { DIALOGS_G, SET_G } from './fresh-set-g.js';
import { DIALOGS_H, SET_H } from './fresh-set-h.js';
import { DIALOGS_I, SET_I } from './fresh-set-i.js';
import { DIALOGS_J, SET_J } from './fresh-set-j.js';
import { DIALOGS_K, SET_K } from './fresh-set-k.js';
import { DIALOGS_L, SET_L } from './fresh-set-l.js';
import { DIALOGS_M, SET_M } from './fresh-set-m.js';
import { DIALOGS_N, SET_N } from './fresh-set-n.js';
import { DIALOGS_O, SET_O } from './fresh-set-o.js';
import { DIALOGS_P, SET_P } from './fresh-set-p.js';
import { DIALOGS_Q, SET_Q } from './fresh-set-q.js';
import { DIALOGS_R, SET_R } from './fresh-set-r.js';
import { DIALOGS_S, SET_S } from './fresh-set-s.js';
import { DIALOGS_T, SET_T } from './fresh-set-t.js';
import { DIALOGS_U, SET_U } from './fresh-set-u.js';
import { DIALOGS_V, SET_V } from './fresh-set-v.js';
import { DIALOGS_W, SET_W } from './fresh-set-w.js';
import { DIALOGS_X, SET_X } from './fresh-set-x.js';
import { DIALOGS_Y, SET_Y } from './fresh-set-y.js';
import { DIALOGS_Z, SET_Z } from './fresh-set-z.js';
import { DIALOGS_AA, SET_AA } from './fresh-set-aa.js';
import { abandons, answersQuestion } from '../../src/commands/dispatch.js';
import { DIALOGS_A, SET_A, type Expect } from './review-set.js';

const TZ = 'Asia/Shanghai';
const NOW = Date.parse('2026-11-25T14:00:00+08:00');
const env = { now: NOW, timezone: TZ };
const shanghai = (local: string) => formatTime(Date.parse(`${local}:00+08:00`), TZ);

/** The result of `text`, and of 是 when the bot asked to confirm a live. */
function outcome(command: Command<any>, result: ReadResult<unknown>): { result: ReadResult<unknown>; confirmed: boolean } {
  // A series' dates are a question of their own (policy: a repeating live is asked about), not a step to answer for.
  const state = 'ask' in result ? (result.ask.state as CreateState) : undefined;
  if (state?.asked === 'confirm' && !state.slots.series) return { result: command.resume!(state, '是', env), confirmed: true };
  return { result, confirmed: false };
}

/** Fails unless what the bot did is what `expect` says. */
function assertDoes(label: string, command: Command<any> | undefined, result: ReadResult<unknown> | undefined, expect: Expect): void {
  if ('none' in expect) {
    // No live and no question about one: the help text, or an answer about something else.
    // A refusal (表格里有3行…) tells why and makes nothing: no live, no question.
    assert.ok(!command || command.name !== 'create' || (result !== undefined && 'error' in result), `${label}: read as create`);
    return;
  }
  assert.ok(command && result, `${label}: not understood`);
  if ('command' in expect) {
    assert.equal(command.name, expect.command, label);
    if (expect.livingid) assert.equal('args' in result && (result.args as { livingid?: string }).livingid, expect.livingid, `${label}: ${JSON.stringify(result)}`);
    if (expect.described) assert.ok('args' in result && 'described' in (result.args as object), `${label}: ${JSON.stringify(result)}`);
    return;
  }
  assert.equal(command.name, 'create', label);
  if ('ask' in expect) return assert.ok('ask' in result, `${label}: did not ask (${expect.ask}): ${JSON.stringify(result)}`);
  assert.ok('args' in result, `${label}: ${JSON.stringify(result)}`);
  const got = result.args as CreateArgs;
  const want = expect.live;
  assert.equal(got.theme, want.theme, `${label}: theme`);
  assert.equal(formatTime(got.start, TZ), shanghai(want.start), `${label}: start`);
  if (want.duration !== undefined) assert.equal(got.durationSeconds, want.duration, `${label}: duration`);
  if (want.description !== undefined) assert.equal(got.description, want.description, `${label}: description`);
  if (want.remind !== undefined) assert.equal(got.remindSeconds, want.remind, `${label}: reminder`);
}

describe('the adversarial review set', () => {
  const confirmedCount = { asked: 0 };
  const fresh = [...SET_C, ...SET_B, ...SET_D, ...SET_E, ...SET_F, ...SET_G, ...SET_H, ...SET_I, ...SET_J, ...SET_K, ...SET_L, ...SET_M, ...SET_N, ...SET_O, ...SET_P, ...SET_Q, ...SET_R, ...SET_S, ...SET_T, ...SET_U, ...SET_V, ...SET_W, ...SET_X, ...SET_Y, ...SET_Z, ...SET_AA] as Array<{ text: string; expect: Expect; cls: string }>;
  const dialogs = [...DIALOGS_A, ...DIALOGS_B, ...DIALOGS_E, ...DIALOGS_F, ...DIALOGS_G, ...DIALOGS_H, ...DIALOGS_I, ...DIALOGS_J, ...DIALOGS_K, ...DIALOGS_L, ...DIALOGS_M, ...DIALOGS_N, ...DIALOGS_O, ...DIALOGS_P, ...DIALOGS_Q, ...DIALOGS_R, ...DIALOGS_S, ...DIALOGS_T, ...DIALOGS_U, ...DIALOGS_V, ...DIALOGS_W, ...DIALOGS_X, ...DIALOGS_Y, ...DIALOGS_Z, ...DIALOGS_AA] as typeof DIALOGS_A;
  for (const { text, expect, cls } of [...SET_A, ...fresh]) {
    it(`[${cls}] ${JSON.stringify(text).slice(0, 50)}`, () => {
      const recognized = recognize(text, NOW, TZ);
      const read = recognized?.command.read(recognized.input, env);
      const { result, confirmed } = recognized && read ? outcome(recognized.command, read) : { result: undefined, confirmed: false };
      if (confirmed) confirmedCount.asked++;
      assertDoes(text, recognized?.command, result, expect);
    });
  }
  for (const { turns: [first, second], expect } of dialogs) {
    it(`[dialog] ${first} ⇒ ${second}`, () => {
      const opened = recognize(first, NOW, TZ);
      const again = recognize(second, NOW, TZ);
      const reread = again?.command.read(again.input, env);
      // 你好 ⇒ 帮我建个直播…: a first message that asks for nothing opens no question; the second is read alone.
      if (!opened) return assertDoes(`${first} ⇒ ${second}`, again?.command, reread && again ? outcome(again.command, reread).result : undefined, expect);
      const asked = opened.command.read(opened.input, env);
      // 取消, 算了不建了: the dispatcher drops the question; nothing is created.
      if ('ask' in asked && abandons(second)) return assertDoes(`${first} ⇒ ${second}`, undefined, undefined, expect);
      // A command of its own replaces the question, as the dispatcher decides (answersQuestion).
      const answers = 'ask' in asked && answersQuestion(opened.command, again, reread, asked.ask.state);
      const [command, result] = answers ? [opened.command, opened.command.resume!(asked.ask.state, second, env)] : [again?.command, reread];
      assertDoes(`${first} ⇒ ${second}`, command, command && result ? outcome(command, result).result : undefined, expect);
    });
  }
  after(() => console.log(`review sets: ${SET_A.length + fresh.length} messages and ${dialogs.length} dialogs, ${confirmedCount.asked} confirmed before creating`));
});
