/**
 * The deploying admin's first check: each WeCom setting, gettoken, the 直播 API permission, and a URL check sent to
 * the running bot's public callback URL the way WeCom sends it, each failure explained in WeCom's terms.
 * "回调地址请求不通过" (the URL check failed) is the problem users of WeCom SDKs report most.
 */
import { randomInt } from 'node:crypto';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Config, WeComSettings } from '../config.js';
import { createLogger } from '../log.js';
import { WeComApi } from '../wecom/client.js';
import { WeComCrypto } from '../wecom/crypto.js';
import { WeComApiError, WeComHttpError, WeComProxyError } from '../wecom/errors.js';
import { proxyDisplay, proxyFromEnvironment } from '../wecom/http.js';
import { problemEn } from '../wecom/problems.js';

export interface Check {
  name: string;
  ok: boolean;
  /** What was found, and when not ok, what to do. */
  detail: string;
}

/** Runs every check; `callbackUrl` is the full public URL entered in the admin console. */
export async function runChecks(config: Config, callbackUrl: string | undefined): Promise<Check[]> {
  const wecom = config.wecom;
  if (!wecom) {
    return [{ name: 'settings', ok: false, detail: 'no WeCom settings: set the five WECOM_* variables (config/.env.example)' }];
  }
  const checks: Check[] = [settingsCheck(wecom)];
  const api = new WeComApi(wecom.corpId, wecom.corpSecret, {
    baseURL: config.apiBaseURL,
    agentid: wecom.agentId,
    timeoutMs: config.httpTimeoutMs,
    retry: { maxRetries: 0 },
    logger: createLogger('silent'),
    ...(config.proxyUrl ? { proxyUrl: config.proxyUrl } : {}),
  });
  const proxy = config.proxyUrl ?? proxyFromEnvironment(config.apiBaseURL);
  if (proxy) checks.push(await proxyCheck(proxy));
  checks.push(await tokenCheck(api));
  if (checks.at(-1)!.ok) checks.push(await livingPermissionCheck(api, config.adminUserids[0]));
  checks.push(
    callbackUrl
      ? await urlCheck(new WeComCrypto(wecom.token, wecom.encodingAESKey, wecom.corpId), callbackUrl, 'callback URL')
      : { name: 'callback URL', ok: false, detail: 'not checked: run `npm run doctor -- https://your.host/wecom/callback`' },
  );
  // The 智能机器人's URL sits beside the app's, on the same host: checked the same way, with its own Token and key.
  if (config.aibot && callbackUrl) {
    const aibotUrl = new URL(config.aibot.path, callbackUrl).toString();
    checks.push(await urlCheck(new WeComCrypto(config.aibot.token, config.aibot.encodingAESKey, ''), aibotUrl, '智能机器人 URL', 'WECOM_AIBOT_'));
  }
  return checks;
}

function settingsCheck(wecom: WeComSettings): Check {
  const notes: string[] = [];
  if (!/^w[wx][0-9a-f]{16}$/i.test(wecom.corpId)) notes.push(`corpid "${wecom.corpId}" does not look like 企业ID (ww + 16 hex)`);
  if (!/^\d{7}$/.test(String(wecom.agentId))) notes.push(`AgentId ${wecom.agentId} is unusual (self-built apps have 7 digits, 100000x)`);
  return {
    name: 'settings',
    ok: notes.length === 0,
    detail: notes.length === 0 ? 'all five WeCom settings are present and well formed' : notes.join('; '),
  };
}

async function tokenCheck(api: WeComApi): Promise<Check> {
  try {
    await api.getApiDomainIp();
    return { name: 'gettoken', ok: true, detail: 'WeCom accepted the corpid and Secret and answered from this server' };
  } catch (error) {
    return { name: 'gettoken', ok: false, detail: explain(error) };
  }
}

async function livingPermissionCheck(api: WeComApi, userid = 'wecom-live-bot-doctor'): Promise<Check> {
  try {
    await api.getUserAllLivingid(userid, '', 1);
    return { name: '直播 API', ok: true, detail: 'the app may call the 直播 APIs' };
  } catch (error) {
    // Refusing the member but not the app still proves the permission.
    if (error instanceof WeComApiError && error.errcode !== 48002 && error.errcode !== 60020) {
      return { name: '直播 API', ok: true, detail: `the app may call the 直播 APIs (WeCom answered ${error.errcode} for the test member)` };
    }
    return { name: '直播 API', ok: false, detail: explain(error) };
  }
}

async function urlCheck(crypto: WeComCrypto, url: string, name: string, prefix = 'WECOM_'): Promise<Check> {
  const echo = String(randomInt(1e9, 2 ** 47));
  const query = crypto.urlCheckQuery(echo, String(Math.floor(Date.now() / 1000)), String(randomInt(1e9)));
  const started = performance.now();
  let status: number;
  let body: string;
  try {
    const res = await fetch(`${url}${url.includes('?') ? '&' : '?'}${query}`, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
    status = res.status;
    body = (await res.text()).slice(0, 200);
  } catch (error) {
    return {
      name,
      ok: false,
      detail: `回调地址请求不通过: ${url} cannot be reached (${(error as Error).cause ?? (error as Error).message}). WeCom must reach it from the internet over http(s): check DNS, the firewall and the reverse proxy.`,
    };
  }
  const ms = Math.round(performance.now() - started);
  if (status === 200 && body === echo) {
    const slow = ms > 1000 ? ` but took ${ms} ms: WeCom wants the answer within 1 s` : ` in ${ms} ms`;
    return { name, ok: ms <= 1000, detail: `the bot answered the URL check as WeCom expects${slow}` };
  }
  const reasons: Record<string, string> = {
    'bad-signature': `the running bot has another Token: copy the Token into ${prefix}TOKEN on both`,
    'bad-padding': `the running bot has another EncodingAESKey: copy it into ${prefix}ENCODING_AES_KEY on both`,
    'bad-ciphertext': `the running bot has another EncodingAESKey: copy it into ${prefix}ENCODING_AES_KEY on both`,
    'wrong-receiver': 'the running bot has another corpid: check WECOM_CORP_ID on both',
    'stale-timestamp': "this server's clock and the bot's differ by more than 5 minutes: fix NTP",
  };
  const why =
    reasons[body] ??
    (status === 404
      ? 'nothing serves that path: check WECOM_CALLBACK_PATH and the reverse proxy'
      : status >= 300 && status < 400
        ? 'the URL redirects; WeCom does not follow redirects: enter the final URL'
        : `the answer was HTTP ${status} "${body}", not the plaintext echo: is it the bot that answers there?`);
  return { name, ok: false, detail: `回调地址请求不通过: ${why}` };
}

/** Whether the egress proxy accepts a connection at all (named by host:port; its password is never printed). */
async function proxyCheck(proxyUrl: string): Promise<Check> {
  const name = 'proxy';
  const display = proxyDisplay(proxyUrl);
  const u = new URL(proxyUrl);
  const port = Number(u.port || (u.protocol === 'https:' ? 443 : 80));
  const reached = await new Promise<true | string>((resolve) => {
    const socket = connect({ host: u.hostname, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timed out');
    });
    socket.once('error', (error: Error & { code?: string }) => resolve(error.code ?? error.message));
  });
  if (reached === true) return { name, ok: true, detail: `WeCom calls go through the proxy ${display}, which accepts connections` };
  return { name, ok: false, detail: `代理 ${display} 无法连接 (${reached}): WeCom calls go through it (WECOM_PROXY_URL or HTTPS_PROXY): start it or fix the setting` };
}

function explain(error: unknown): string {
  if (error instanceof WeComProxyError || (error instanceof WeComApiError && error.errcode === 60020)) return problemEn(error);
  if (error instanceof WeComApiError) return `WeCom answered ${error.errcode} (${error.errmsg}): ${error.hint}`;
  if (error instanceof WeComHttpError) {
    return `WeCom could not be reached (${error.message}): this server needs outbound HTTPS to qyapi.weixin.qq.com`;
  }
  return String(error);
}
