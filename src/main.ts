/** Process entry: read the configuration and check WeCom. The callback server is wired here by the callback issue. */
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';
import { WeComApi } from './wecom/client.js';

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.wecom) {
    console.error('No WeCom settings: set WECOM_CORP_ID, WECOM_CORP_SECRET, WECOM_AGENT_ID, WECOM_TOKEN and WECOM_ENCODING_AES_KEY (see config/.env.example).');
    process.exit(1);
  }
  const api = new WeComApi(config.wecom.corpId, config.wecom.corpSecret, {
    baseURL: config.apiBaseURL,
    agentid: config.wecom.agentId,
    timeoutMs: config.httpTimeoutMs,
    retry: config.retry,
    logger,
  });
  const ok = await api.testConnection();
  logger.info({ ok }, ok ? 'WeCom accepted the credentials' : 'WeCom refused the credentials or could not be reached');
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
