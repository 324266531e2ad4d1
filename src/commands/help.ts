/** 帮助, and the fixed texts members see. */
import { text } from '../replies/reply.js';
import type { CommandHandler } from './context.js';

/** The help text: every command with an example. */
export const HELP_TEXT = [
  '直播助手可用命令：',
  '• 创建直播 主题 时间 [时长] [描述]',
  '　例：创建直播 周会 明天15:00 1小时 本周进展同步',
  '　时间可写：明天下午3点、下周一 10:00、2026-12-01 15:00；主题含空格时请加引号',
  '• 直播详情 直播ID',
  '• 我的直播',
  '• 观看统计 直播ID（主播或管理员）',
  '• 取消直播 直播ID（主播或管理员，仅限未开始的直播）',
  '• 统计、测试连接（管理员）',
  '• 帮助',
  '英文别名：create、info、list、watch、cancel、stats、ping、help',
].join('\n');

/** What a member sees when the bot's queue is full. */
export const BUSY_TEXT = '机器人正忙，请稍后再发一次。';

/** What a member sees when handling their message failed unexpectedly. */
export const FAILED_TEXT = '处理消息时出错，请稍后再试。';

export const help: CommandHandler = async () => [text(HELP_TEXT)];
