/** 测试连接: admins only; testConnection with the time it took. */
import { performance } from 'node:perf_hooks';
import { text } from '../replies/reply.js';
import { describeErrcode } from '../wecom/error-handler.js';
import { isAdmin, type CommandHandler } from './context.js';

export const ping: CommandHandler = async (_intent, ctx) => {
  if (!isAdmin(ctx)) return [text('「测试连接」仅限管理员使用。')];
  const started = performance.now();
  const ok = await ctx.api.testConnection();
  const ms = Math.round(performance.now() - started);
  if (ok) return [text(`✅ 企业微信连接正常，耗时 ${ms} ms。`)];
  const last = ctx.api.getApiStats().lastError;
  const why = last?.errcode != null ? `${describeErrcode(last.errcode, last.errmsg).hint}（错误码 ${last.errcode}）` : (last?.errmsg ?? '无法访问');
  return [text(`❌ 企业微信连接失败，耗时 ${ms} ms：${why}`)];
};
