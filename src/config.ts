/**
 * Configuration: environment variables over the documented defaults in config/defaults.json, validated once at
 * start. Every missing or invalid value is reported on its own line, naming the variable and what it expects.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const defaultsSchema = z.object({
  timezone: z.string(),
  live: z.object({
    defaultType: z.number().int().min(0).max(4),
    defaultDurationSeconds: z.number().int().positive(),
    defaultRemindMinutes: z.number().int().min(0).max(1440),
  }),
  audience: z.object({ completionPercent: z.number().int().min(1).max(100), dailySendQuota: z.number().int().positive() }),
  http: z.object({ timeoutMs: z.number().int().positive() }),
  retry: z.object({
    maxRetries: z.number().int().min(0),
    baseDelayMs: z.number().int().min(0),
    maxDelayMs: z.number().int().min(0),
    budgetMs: z.number().int().min(0),
  }),
  token: z.object({ refreshAheadSeconds: z.number().int().min(0), failureCooldownSeconds: z.number().int().min(0) }),
  callback: z.object({
    path: z.string(),
    bodyLimitBytes: z.number().int().positive(),
    replayWindowSeconds: z.number().int().positive(),
    dedupeTtlSeconds: z.number().int().min(600),
    /** Refused callbacks: the first of a reason is logged at once, then a count per this interval. */
    refusalLogIntervalMs: z.number().int().positive(),
    /** Accepted callbacks are counted in one info line per this interval. */
    acceptedSummaryIntervalMs: z.number().int().positive(),
    /** A member over the message limit is told to slow down at most once per this interval. */
    slowDownNoticeMs: z.number().int().positive(),
  }),
  queue: z.object({
    capacity: z.number().int().positive(),
    perMember: z.number().int().positive(),
    drainTimeoutMs: z.number().int().positive(),
    lockMs: z.number().int().positive(),
    stalledIntervalMs: z.number().int().positive(),
  }),
  server: z.object({
    requestTimeoutMs: z.number().int().positive(),
    headersTimeoutMs: z.number().int().positive(),
    keepAliveTimeoutMs: z.number().int().positive(),
    maxConnections: z.number().int().positive(),
  }),
  replies: z.object({
    waitingPerMember: z.number().int().positive(),
    waitingTotal: z.number().int().positive(),
    /** Replies WeCom would not take: one warn line per this interval with how many. */
    unsentLogIntervalMs: z.number().int().positive(),
  }),
  /** /readyz: how long a WeCom check is reused, and how long it may take. */
  health: z.object({ readyCacheMs: z.number().int().positive(), readyTimeoutMs: z.number().int().positive() }),
  redis: z.object({ commandTimeoutMs: z.number().int().positive() }),
  limits: z.object({ memberMessagesPerMinute: z.number().int().positive() }),
});
export type Defaults = z.infer<typeof defaultsSchema>;

/** The documented defaults shipped in config/defaults.json. */
export const DEFAULTS: Defaults = defaultsSchema.parse(
  JSON.parse(readFileSync(new URL('../config/defaults.json', import.meta.url), 'utf8')),
);

/** The 智能机器人's path and name when its settings leave them out (the sandbox's too). */
export const AIBOT_DEFAULTS = { path: '/wecom/aibot', name: '直播助手' } as const;

const WECOM_KEYS = ['WECOM_CORP_ID', 'WECOM_CORP_SECRET', 'WECOM_AGENT_ID', 'WECOM_TOKEN', 'WECOM_ENCODING_AES_KEY'] as const;

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const int = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

/** The environment the bot reads: every setting, its check and its default (config-example.ts documents each). */
export const ENV_SCHEMA = z.object({
  WECOM_CORP_ID: optionalText,
  WECOM_CORP_SECRET: optionalText,
  WECOM_AGENT_ID: optionalText.pipe(
    z.string().regex(/^\d{1,10}$/, 'must be the app’s numeric AgentId (应用管理 → the app → AgentId)').transform(Number).optional(),
  ),
  WECOM_TOKEN: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'must be 1–32 letters or digits (接收消息 → Token)').optional(),
  ),
  WECOM_ENCODING_AES_KEY: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be exactly 43 letters or digits (接收消息 → EncodingAESKey)').optional(),
  ),
  WECOM_AIBOT_TOKEN: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9]{1,32}$/, 'must be 1–32 letters or digits (智能机器人 → API 模式 → Token)').optional(),
  ),
  WECOM_AIBOT_ENCODING_AES_KEY: optionalText.pipe(
    z.string().regex(/^[A-Za-z0-9]{43}$/, 'must be exactly 43 letters or digits (智能机器人 → API 模式 → EncodingAESKey)').optional(),
  ),
  WECOM_AIBOT_CALLBACK_PATH: z.string().regex(/^\/[\w\-./]*$/, 'must be a path starting with /').default(AIBOT_DEFAULTS.path),
  WECOM_AIBOT_NAME: z.string().trim().min(1).max(64).default(AIBOT_DEFAULTS.name),
  WECOM_API_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).default('https://qyapi.weixin.qq.com'),
  PORT: int(0, 65535).default(3000),
  WECOM_CALLBACK_PATH: z.string().regex(/^\/[\w\-./]*$/, 'must be a path starting with /').default(DEFAULTS.callback.path),
  WECOM_ADMIN_USERIDS: z
    .string()
    .default('')
    .transform((v) => v.split(/[,，\s]+/).filter(Boolean)),
  WECOM_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai').default(DEFAULTS.timezone),
  WECOM_DEFAULT_LIVE_DURATION: int(60).default(DEFAULTS.live.defaultDurationSeconds),
  WECOM_DEFAULT_LIVE_TYPE: int(0, 4).default(DEFAULTS.live.defaultType),
  WECOM_DEFAULT_REMIND_MINUTES: int(0, 1440).default(DEFAULTS.live.defaultRemindMinutes),
  WECOM_CALENDAR_ID: optionalText.pipe(z.string().max(64, 'must be at most 64 characters (a cal_id)').optional()),
  WECOM_COMPLETION_PERCENT: int(1, 100).default(DEFAULTS.audience.completionPercent),
  WECOM_DAILY_SEND_QUOTA: int(1).default(DEFAULTS.audience.dailySendQuota),
  WECOM_HTTP_TIMEOUT_MS: int(100).default(DEFAULTS.http.timeoutMs),
  WECOM_RETRY_MAX: int(0, 10).default(DEFAULTS.retry.maxRetries),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: optionalText,
  WECOM_QUEUE_LOCK_MS: int(500).default(DEFAULTS.queue.lockMs),
  WECOM_QUEUE_PER_MEMBER: int(1).default(DEFAULTS.queue.perMember),
  REDIS_COMMAND_TIMEOUT_MS: int(20, 60_000).default(DEFAULTS.redis.commandTimeoutMs),
  HTTP_REQUEST_TIMEOUT_MS: int(1000).default(DEFAULTS.server.requestTimeoutMs),
  HTTP_MAX_CONNECTIONS: int(10).default(DEFAULTS.server.maxConnections),
  SANDBOX_ALLOW_REMOTE: z.enum(['0', '1', 'true', 'false', '']).default('').transform((v) => v === '1' || v === 'true'),
  SANDBOX_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  // Never echoed in an error: it may carry the proxy's password.
  WECOM_PROXY_URL: optionalText.pipe(
    z
      .string()
      .refine((v) => /^https?:\/\/([^@/]+@)?[^/:@]+(:\d+)?\/?$/.test(v), 'must be http://[user:password@]host:port or https://…')
      .optional(),
  ),
  REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional()),
  SANDBOX_SEED: optionalText.pipe(z.enum(['demo'], { error: 'must be "demo" or empty' }).optional()),
});

/** The name of a setting. */
export type EnvKey = keyof typeof ENV_SCHEMA.shape;

/** The WeCom app's settings; all present, or the bot runs without WeCom. */
export interface WeComSettings {
  corpId: string;
  corpSecret: string;
  agentId: number;
  token: string;
  encodingAESKey: string;
}

export interface Config {
  /** null when no WECOM_* setting is given (sandbox); every setting when all are. */
  wecom: WeComSettings | null;
  /** The 智能机器人 (both Token and EncodingAESKey, or null): its key, path, and its name as members @-mention it. */
  aibot: { token: string; encodingAESKey: string; path: string; name: string } | null;
  apiBaseURL: string;
  port: number;
  callbackPath: string;
  adminUserids: string[];
  timezone: string;
  defaultLiveDurationSeconds: number;
  defaultLiveType: 0 | 1 | 2 | 3 | 4;
  /** Minutes before the start WeCom reminds the audience when a create message names no reminder; 0: none. */
  defaultRemindMinutes: number;
  /** The app's calendar (cal_id) live entries go on; the anchor's default calendar when absent. */
  calendarId?: string;
  /** An invited member has completed a live after watching this share of its actual length (%). */
  completionPercent: number;
  /** Member-messages a day the app may send to audiences (WeCom: 账号上限数 × 200). */
  dailySendQuota: number;
  httpTimeoutMs: number;
  retry: Defaults['retry'];
  token: Defaults['token'];
  /** The callback's limits; its path is `callbackPath`. */
  callback: Omit<Defaults['callback'], 'path'>;
  queue: Defaults['queue'];
  /** HTTP server limits against slow and idle clients. */
  server: Defaults['server'];
  /** Replies waiting for a member's 30/min window: bounded per member and in total. */
  replies: Defaults['replies'];
  redis: Defaults['redis'];
  limits: Defaults['limits'];
  health: Defaults['health'];
  logLevel: string;
  /** Interface to listen on; default all in production, loopback in the sandbox (it has no authentication). */
  host: string | undefined;
  /** With it, token, dedupe (and more) are shared by every instance through Redis. */
  redisUrl: string | undefined;
  /** Every WeCom call goes through this proxy (the egress on the 企业可信IP list); else HTTPS_PROXY/NO_PROXY apply. */
  proxyUrl: string | undefined;
  /** "demo" pre-fills the sandbox's emulator with lives. */
  sandboxSeed: 'demo' | undefined;
  /** The sandbox on a non-loopback HOST: refused unless allowed, and then only with the token. */
  sandboxAllowRemote: boolean;
  sandboxToken: string | undefined;
}

/** Thrown by loadConfig with one line per problem. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Reads and validates the configuration from `env` (default: process.env). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    // One line per variable, naming it; values are never echoed (they may be secrets).
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  // A fresh copy: a caller that changes its Config must not change the defaults every later load starts from.
  const d = structuredClone(DEFAULTS);
  const { path: _defaultPath, ...callbackLimits } = d.callback;
  const given = WECOM_KEYS.filter((k) => e[k] !== undefined);
  if (given.length > 0 && given.length < WECOM_KEYS.length) {
    const missing = WECOM_KEYS.filter((k) => e[k] === undefined);
    throw new ConfigError(missing.map((k) => `${k}: missing (set all WeCom settings, or none to run the sandbox)`));
  }
  const wecom =
    given.length === 0
      ? null
      : {
          corpId: e.WECOM_CORP_ID!,
          corpSecret: e.WECOM_CORP_SECRET!,
          agentId: e.WECOM_AGENT_ID!,
          token: e.WECOM_TOKEN!,
          encodingAESKey: e.WECOM_ENCODING_AES_KEY!,
        };
  if ((e.WECOM_AIBOT_TOKEN === undefined) !== (e.WECOM_AIBOT_ENCODING_AES_KEY === undefined)) {
    const missing = e.WECOM_AIBOT_TOKEN === undefined ? 'WECOM_AIBOT_TOKEN' : 'WECOM_AIBOT_ENCODING_AES_KEY';
    throw new ConfigError([`${missing}: missing (the 智能机器人 needs its Token and EncodingAESKey, or neither)`]);
  }
  const aibot = e.WECOM_AIBOT_TOKEN && e.WECOM_AIBOT_ENCODING_AES_KEY ? { token: e.WECOM_AIBOT_TOKEN, encodingAESKey: e.WECOM_AIBOT_ENCODING_AES_KEY, path: e.WECOM_AIBOT_CALLBACK_PATH, name: e.WECOM_AIBOT_NAME } : null;
  return {
    wecom,
    aibot,
    apiBaseURL: e.WECOM_API_BASE_URL,
    port: e.PORT,
    callbackPath: e.WECOM_CALLBACK_PATH,
    adminUserids: e.WECOM_ADMIN_USERIDS,
    timezone: e.WECOM_TIMEZONE,
    defaultLiveDurationSeconds: e.WECOM_DEFAULT_LIVE_DURATION,
    defaultLiveType: e.WECOM_DEFAULT_LIVE_TYPE as Config['defaultLiveType'],
    defaultRemindMinutes: e.WECOM_DEFAULT_REMIND_MINUTES,
    ...(e.WECOM_CALENDAR_ID ? { calendarId: e.WECOM_CALENDAR_ID } : {}),
    completionPercent: e.WECOM_COMPLETION_PERCENT,
    dailySendQuota: e.WECOM_DAILY_SEND_QUOTA,
    httpTimeoutMs: e.WECOM_HTTP_TIMEOUT_MS,
    retry: { ...d.retry, maxRetries: e.WECOM_RETRY_MAX },
    token: d.token,
    callback: callbackLimits,
    queue: { ...d.queue, lockMs: e.WECOM_QUEUE_LOCK_MS, perMember: e.WECOM_QUEUE_PER_MEMBER },
    server: {
      ...d.server,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: Math.min(d.server.headersTimeoutMs, e.HTTP_REQUEST_TIMEOUT_MS),
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    },
    replies: d.replies,
    redis: { commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS },
    limits: d.limits,
    health: d.health,
    logLevel: e.LOG_LEVEL,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    proxyUrl: e.WECOM_PROXY_URL,
    sandboxSeed: e.SANDBOX_SEED,
    sandboxAllowRemote: e.SANDBOX_ALLOW_REMOTE,
    sandboxToken: e.SANDBOX_TOKEN,
  };
}
