/** 测试连接: admins only; testConnection with the time it took. */
import { text } from '../replies/reply.js';
import { problemZh } from '../wecom/problems.js';
import { defineCommand, spanOf, takesNothingMore } from './command.js';
import { isAdmin } from './context.js';

/** 帮我测下机器人连接是否正常, 连接正常吗 (测试连接稳定性专项 is a theme). */
const SENTENCE = /连接(?:是否|正不正常|还)?正常|机器人[^,，。]{0,4}连接|(?:测|检查|试)[^,，。]{0,2}(?:一下|下)?机器人|(?:接口|连接|企业微信)[^,，。]{0,4}(?:通不通|连不连得上|能不能连上|是否正常|正常吗)/;

export const ping = defineCommand<null>({
  name: 'ping',
  words: ['测试连接', '测试一下连接', '测一下连接', '连接测试', '检查连接', 'ping'],
  example: '测试连接',
  help: ['测试连接（管理员）'],
  notMine: takesNothingMore,
  sentence: (text) => spanOf(SENTENCE, text),
  read: () => ({ args: null }),
  async run(_args, ctx) {
    if (!isAdmin(ctx)) return [text('「测试连接」仅限管理员使用。')];
    const result = await ctx.api.checkConnection();
    if (result.ok) return [text(`✅ 企业微信连接正常，耗时 ${result.ms} ms。`)];
    return [text(`❌ 企业微信连接失败，耗时 ${result.ms} ms：${problemZh(result.error)}`)];
  },
});
