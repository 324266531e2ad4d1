/** 帮助, generated from the command modules (registry.ts), and the fixed texts members see. */
import { text } from '../replies/reply.js';
import { defineCommand } from './command.js';

/** What a member sees when the bot's queue is full. */
export const BUSY_TEXT = '机器人正忙，请稍后再发一次。';

/** What a member sees who sent more than their share of messages at once (the others are served as usual). */
export const SLOW_DOWN_TEXT = '你发送得太频繁了，前面的消息还在处理中，请稍后再发。';

/** What a member sees when handling their message failed unexpectedly. */
export const FAILED_TEXT = '处理消息时出错，请稍后再试。';

export const help = defineCommand<null>({
  name: 'help',
  words: ['帮助', '使用帮助', '使用说明书', '菜单', '怎么用', '使用说明', '有哪些命令', '你能做什么', '功能列表', '命令', 'help', '?', '??'],
  example: '帮助',
  help: ['帮助'],
  read: () => ({ args: null }),
  async run() {
    // Loaded when run: the registry lists this module, so a static import would be a cycle.
    const { helpText } = await import('./registry.js');
    return [text(helpText())];
  },
});
