/**
 * What an admin must know when WeCom cannot be used, in one line, in English (logs, /healthz, doctor) or Chinese
 * (测试连接): a proxy named by host:port, the address 60020 says is missing from 企业可信IP, a refused secret.
 */
import { describeErrcode } from './error-handler.js';
import { WeComApiError, WeComHttpError, WeComProxyError, WeComTimeoutError } from './errors.js';

/** The address in a 60020 errmsg ("not allow to access from your ip, hint: …, from ip: 1.2.3.4, more info …"). */
export function trustedIpFrom(errmsg: string): string | undefined {
  return /from ip:\s*([0-9a-f.:]+)/i.exec(errmsg)?.[1];
}

/** The problem in Chinese, for members and admins in chat. */
export function problemZh(error: unknown): string {
  if (error instanceof WeComProxyError) return `代理 ${error.proxy} 无法连接（${error.cause.code ?? error.message}），请检查 WECOM_PROXY_URL 或代理服务`;
  if (error instanceof WeComApiError) {
    if (error.errcode === 60020) {
      const ip = trustedIpFrom(error.errmsg);
      return `服务器IP${ip ? ` ${ip} ` : ''}不在企业可信IP中：请在应用管理 → 本应用 → 企业可信IP 中添加（错误码 60020）`;
    }
    return `${describeErrcode(error.errcode, error.errmsg).userMessage}（错误码 ${error.errcode}）`;
  }
  if (error instanceof WeComTimeoutError) return '企业微信在超时时间内没有回应';
  if (error instanceof WeComHttpError) return `无法访问企业微信（${error.cause.code ?? error.message}）`;
  return '无法访问';
}

/** The problem in English, for /healthz, the log and doctor. */
export function problemEn(error: unknown): string {
  if (error instanceof WeComProxyError) return `proxy ${error.proxy} unreachable (${error.cause.code ?? error.message}): check WECOM_PROXY_URL and the proxy`;
  if (error instanceof WeComApiError) {
    if (error.errcode === 60020) {
      const ip = trustedIpFrom(error.errmsg);
      return `60020: WeCom refuses calls from ${ip ?? 'this server'}: add ${ip ?? 'its address'} to the app's 企业可信IP`;
    }
    return `${error.errcode} ${error.errmsg}: ${error.hint}`;
  }
  if (error instanceof WeComHttpError) return `WeCom could not be reached (${error.message})`;
  return String(error);
}
