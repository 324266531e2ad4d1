/** WeComApi's options, normalised once in the constructor so the rest of the client reads plain values. */
import { systemClock, type Clock } from '../clock.js';
import { createLogger, type Logger } from '../log.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import type { Transport } from './http.js';
import { MemoryTokenStore, type TokenStore } from './token.js';

export const WECOM_API_BASE_URL = 'https://qyapi.weixin.qq.com';

export interface WeComApiOptions {
  /** WeCom's server API; tests and the sandbox point it at the emulator. Default https://qyapi.weixin.qq.com. */
  baseURL?: string;
  /** The app's AgentId, needed by sendMessage and updateTemplateCard. */
  agentid?: number;
  /** Timeout of one HTTP attempt, ms. Default 10,000. */
  timeoutMs?: number;
  /** Overrides of the retry policy (retries, backoff, budget). */
  retry?: Partial<RetryPolicy>;
  /** Where the access_token is cached. Default: in memory (node-cache). */
  tokenStore?: TokenStore;
  /** Fetch a new token this long before the cached one expires. Default 300 s. */
  refreshAheadMs?: number;
  /** After WeCom refuses the corpid/secret, do not call gettoken again for this long. Default 60 s. */
  failureCooldownMs?: number;
  logger?: Logger;
  clock?: Clock;
  /** Waits between retries; injected so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Called after every logical call (with its retries) — e.g. to feed Prometheus metrics. */
  onCall?: (event: CallEvent) => void;
  /** Every call to WeCom goes through this proxy (http:// or https://, optional user:password), e.g. the company's
   * egress on the 企业可信IP list. Without it, HTTPS_PROXY / HTTP_PROXY / NO_PROXY apply. */
  proxyUrl?: string;
  /** Replaces the HTTP transport entirely (timeouts and proxy are then its business). */
  transport?: Transport;
}

/** One finished WeCom call: `errcode` 0 on success, WeCom's errcode, or "http" for a transport failure. */
export interface CallEvent {
  endpoint: string;
  ms: number;
  errcode: number | 'http';
  retries: number;
  /** The error the call ended with, if it failed. */
  error?: unknown;
}

export interface NormalizedOptions {
  baseURL: string;
  agentid: number | undefined;
  timeoutMs: number;
  retry: RetryPolicy;
  tokenStore: TokenStore;
  refreshAheadMs: number;
  failureCooldownMs: number;
  logger: Logger;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  onCall: (event: CallEvent) => void;
  proxyUrl: string | undefined;
  transport: Transport | undefined;
}

const nonNegative = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value < 0) {
    throw new TypeError(`WeComApi option ${name} must be a number ≥ 0, got ${String(value)}`);
  }
  return value;
};

/** Fills defaults and rejects bad options with a message that shows the fix. */
export function normalizeOptions(corpid: string, corpsecret: string, options: WeComApiOptions): NormalizedOptions {
  if (typeof corpid !== 'string' || corpid.trim() === '') {
    throw new TypeError('WeComApi needs a corpid (企业ID), e.g. new WeComApi("ww1234567890abcdef", secret)');
  }
  if (typeof corpsecret !== 'string' || corpsecret.trim() === '') {
    throw new TypeError("WeComApi needs the app's corpsecret (应用Secret) as its second argument");
  }
  const baseURL = (options.baseURL ?? WECOM_API_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(baseURL)) {
    throw new TypeError(`WeComApi option baseURL must be an http(s) URL such as ${WECOM_API_BASE_URL}, got "${baseURL}"`);
  }
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  for (const [name, value] of Object.entries(retry)) nonNegative(`retry.${name}`, value);
  if (options.proxyUrl !== undefined && !/^https?:\/\/[^/]+/.test(options.proxyUrl)) {
    // The value is not echoed: it may hold the proxy's password.
    throw new TypeError('WeComApi option proxyUrl must be an http:// or https:// proxy URL such as http://proxy.example.com:3128');
  }
  if (options.agentid !== undefined && !Number.isInteger(options.agentid)) {
    throw new TypeError(`WeComApi option agentid must be the app's numeric AgentId, got ${String(options.agentid)}`);
  }
  return {
    baseURL,
    agentid: options.agentid,
    timeoutMs: nonNegative('timeoutMs', options.timeoutMs ?? 10_000),
    retry,
    tokenStore: options.tokenStore ?? new MemoryTokenStore(),
    refreshAheadMs: nonNegative('refreshAheadMs', options.refreshAheadMs ?? 300_000),
    failureCooldownMs: nonNegative('failureCooldownMs', options.failureCooldownMs ?? 60_000),
    logger: options.logger ?? createLogger(),
    clock: options.clock ?? systemClock,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    onCall: options.onCall ?? (() => undefined),
    proxyUrl: options.proxyUrl,
    transport: options.transport,
  };
}
