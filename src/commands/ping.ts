/** 测试连接: admins only; testConnection with the time it took. */
import { text } from '../replies/reply.js';
import { problemZh } from '../wecom/problems.js';
import { defineCommand } from './command.js';
import { isAdmin } from './context.js';

export const ping = defineCommand<null>({
  name: 'ping',
  words: ['测试连接', '测试一下连接', '测一下连接', '连接测试', '检查连接', 'ping'],
  example: '测试连接',
  help: ['测试连接（管理员）'],
  read: () => ({ args: null }),
  async run(_args, ctx) {
    if (!isAdmin(ctx)) return [text('「测试连接」仅限管理员使用。')];
    const result = await ctx.api.checkConnection();
    if (result.ok) return [text(`✅ 企业微信连接正常，耗时 ${result.ms} ms。`)];
    return [text(`❌ 企业微信连接失败，耗时 ${result.ms} ms：${problemZh(result.error)}`)];
  },
});
