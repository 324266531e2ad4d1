/**
 * config/.env.example, generated from the configuration schema: every setting, its default, and one line of help.
 * The help table is typed by the schema's keys, so a setting added without help does not compile, and a test keeps
 * the committed file equal to what this renders (`npm run env:example` writes it).
 */
import { ENV_SCHEMA, type EnvKey } from './config.js';

/** What each setting is for, as an admin reads it, in the order the file lists them. */
export const SETTINGS_HELP: Record<EnvKey, string> = {
  WECOM_CORP_ID: '企业ID: admin console → 我的企业 → 企业信息 → 企业ID',
  WECOM_CORP_SECRET: '应用Secret: admin console → 应用管理 → your self-built app → Secret',
  WECOM_AGENT_ID: '应用ID (AgentId): same page as the Secret',
  WECOM_TOKEN: '接收消息 → API接收 → Token',
  WECOM_ENCODING_AES_KEY: '接收消息 → API接收 → EncodingAESKey (43 characters)',
  WECOM_AIBOT_TOKEN: '智能机器人 (group chats): 智能机器人 → API 模式 → Token; with its EncodingAESKey, or neither',
  WECOM_AIBOT_ENCODING_AES_KEY: '智能机器人: API 模式 → EncodingAESKey (43 characters)',
  WECOM_AIBOT_CALLBACK_PATH: '智能机器人: path of its callback URL',
  WECOM_AIBOT_NAME: '智能机器人: its name as members @-mention it in a group',
  WECOM_API_BASE_URL: 'WeCom’s server API; point it elsewhere only for tests or a relay',
  PORT: 'HTTP port of the bot',
  WECOM_CALLBACK_PATH: 'Path of the callback URL you enter in the admin console',
  WECOM_ADMIN_USERIDS: 'userids allowed to run 统计 and 测试连接, comma separated',
  WECOM_TIMEZONE: 'Company time zone used to read and show times',
  WECOM_DEFAULT_LIVE_DURATION: 'Default length of a live when the message gives none, in seconds',
  WECOM_DEFAULT_LIVE_TYPE: 'Default live type: 0 通用直播, 1 小班课, 2 大班课, 3 企业培训, 4 活动直播',
  WECOM_DEFAULT_REMIND_MINUTES: 'Minutes before a live starts that WeCom reminds its audience, when the message names no reminder (0: none)',
  WECOM_CALENDAR_ID: 'Calendar entries of lives go on this calendar of the app (cal_id); empty: each anchor’s default calendar',
  WECOM_COMPLETION_PERCENT: 'Training completion: an invited member has completed a live after watching this % of its actual length',
  WECOM_DAILY_SEND_QUOTA: 'Member-messages a day invitations and nudges may use (WeCom allows 账号上限数 × 200 per app; 500 accounts → 100000)',
  WECOM_HTTP_TIMEOUT_MS: 'Timeout of one WeCom HTTP call, in milliseconds',
  WECOM_RETRY_MAX: 'How many times a retryable WeCom failure is retried',
  LOG_LEVEL: 'pino level: fatal, error, warn, info, debug, trace, silent',
  HOST: 'Interface to listen on (default: all interfaces in production, 127.0.0.1 in the sandbox)',
  WECOM_QUEUE_LOCK_MS: 'Scale-out: how long a command’s lock lasts; a command whose instance died runs again elsewhere after about this long',
  WECOM_QUEUE_PER_MEMBER: 'Commands one member may have waiting; more are answered 请稍后再试',
  REDIS_COMMAND_TIMEOUT_MS: 'Scale-out: how long one Redis command may take before the instance treats Redis as down',
  HTTP_REQUEST_TIMEOUT_MS: 'How long a client may take to send a whole request',
  HTTP_MAX_CONNECTIONS: 'Open connections the HTTP server accepts at once',
  SANDBOX_ALLOW_REMOTE: 'Sandbox only: 1 lets it listen beyond 127.0.0.1, and then only with SANDBOX_TOKEN',
  SANDBOX_TOKEN: 'Sandbox only: the token its page must present (at least 16 characters); the start line prints the link',
  WECOM_PROXY_URL: 'Egress proxy for every WeCom call (the address on the app’s 企业可信IP list): http://[user:password@]host:port',
  REDIS_URL: 'Scale-out: with it, instances share the token, de-duplication, questions, limits and a durable queue',
  SANDBOX_SEED: 'Sandbox only: "demo" pre-fills the embedded WeCom emulator with a few lives and watch stats',
};

/** The default of `key` as the file writes it (empty when there is none). */
function defaultOf(key: EnvKey): string {
  const parsed = ENV_SCHEMA.shape[key].safeParse(undefined);
  if (!parsed.success || parsed.data === undefined || parsed.data === false) return '';
  return Array.isArray(parsed.data) ? parsed.data.join(',') : String(parsed.data);
}

/** The text of config/.env.example. */
export function renderEnvExample(): string {
  const header = [
    '# wecom-live-bot configuration, generated from the configuration schema (npm run env:example).',
    '# Copy to .env (never commit it) or set these in the environment.',
    '# Leave all WECOM_* unset to run the sandbox (embedded WeCom emulator). Tuning numbers live in config/defaults.json.',
  ];
  const lines = (Object.keys(SETTINGS_HELP) as EnvKey[]).flatMap((key) => ['', `# ${SETTINGS_HELP[key]}`, `${key}=${defaultOf(key)}`]);
  return `${[...header, ...lines].join('\n')}\n`;
}
