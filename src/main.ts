/** Process entry: configuration, listen, signals, graceful shutdown. */
import type { Server } from 'node:http';
import { createBot } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger(config.logLevel);

if (!config.wecom) {
  console.error(
    'No WeCom settings: set WECOM_CORP_ID, WECOM_CORP_SECRET, WECOM_AGENT_ID, WECOM_TOKEN and WECOM_ENCODING_AES_KEY (see config/.env.example).',
  );
  process.exit(1);
}

const bot = createBot({ config, wecom: config.wecom, logger });
const server: Server = bot.app.listen(config.port);
server.once('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, callbackPath: config.callbackPath, mode: 'production' }, `listening on port ${port}`);
});
server.once('error', (error) => {
  logger.fatal({ err: error }, 'cannot listen');
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal, queueDepth: bot.queue.depth }, 'stopping: no new callbacks, finishing acknowledged commands');
  server.close();
  server.closeIdleConnections();
  const drained = await bot.drain(config!.queue.drainTimeoutMs);
  logger.info({ drained, left: bot.queue.depth + bot.outbox.backlog }, drained ? 'stopped cleanly' : 'stopped with work left');
  process.exit(drained ? 0 : 1);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
