/**
 * Answers to messages that are not commands: a greeting, thanks, or a request for something the bot does not do
 * (订会议室). Each gets a reply that says what the bot can do, never 没看懂 to 你好 (docs/reader.md).
 */
import { alternation, WORDS } from '../commands/slots/words.js';

const END = String.raw`[\s!！。.~～,，?？呀啊呢吧哈]*$`;
const GREETING = new RegExp(`^(?:${alternation(WORDS.greetings)})${END}`, 'i');
const THANKS = new RegExp(`^(?:${alternation(WORDS.thanks)})${END}`, 'i');
const OTHER_TASK = new RegExp(alternation(WORDS.otherTasks));
const ACKNOWLEDGED = new RegExp(`^(?:${alternation(WORDS.acknowledgements)})${END}`, 'i');

/** The reply to `text` when it is small talk; undefined when it is not (the caller answers 没看懂). */
export function smallTalk(text: string, examples: readonly string[]): string | undefined {
  const folded = text.normalize('NFKC').trim();
  const canDo = `我是直播助手，可以创建、修改、取消企业微信直播，查看详情和观看统计。例如：\n${examples.map((e) => `• ${e}`).join('\n')}\n发送「帮助」查看全部命令。`;
  if (GREETING.test(folded)) return `你好！${canDo}`;
  if (THANKS.test(folded)) return '不客气！需要创建或查看直播时随时找我。';
  if (ACKNOWLEDGED.test(folded)) return '好的。需要创建或查看直播时随时找我。';
  const task = OTHER_TASK.exec(folded)?.[0];
  if (task && !/直播/.test(folded)) return `「${task}」这件事我帮不上忙。${canDo}`;
  return undefined;
}
