/** 测试连接: admins only; testConnection with the time it took. */
import { performance } from 'node:perf_hooks';
import { text } from '../replies/reply.js';
import { describeErrcode } from '../wecom/error-handler.js';
import { defineCommand } from './command.js';
import { isAdmin } from './context.js';

export const ping = defineCommand<null>({
  name: 'ping',
  words: ['测试连接', 'ping'],
  example: '测试连接',
  help: ['测试连接（管理员）'],
  read: () => ({ args: null }),
  async run(_args, ctx) {
    if (!isAdmin(ctx)) return [text('「测试连接」仅限管理员使用。')];
    const started = performance.now();
    const ok = await ctx.api.testConnection();
    const ms = Math.round(performance.now() - started);
    if (ok) return [text(`✅ 企业微信连接正常，耗时 ${ms} ms。`)];
    const last = ctx.api.getApiStats().lastError;
    const why = last?.errcode != null ? `${describeErrcode(last.errcode, last.errmsg).hint}（错误码 ${last.errcode}）` : (last?.errmsg ?? '无法访问');
    return [text(`❌ 企业微信连接失败，耗时 ${ms} ms：${why}`)];
  },
});
