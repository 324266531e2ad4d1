/**
 * Process entry: configuration, listen, signals, graceful shutdown. With every WeCom setting it serves WeCom; with
 * none it runs the sandbox (an embedded WeCom emulator and a chat page); with some but not all it stops.
 */
import { createServer, type Server } from 'node:http';
import { createBot, type Bot } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './log.js';
import { connectRedis, type RedisConnection } from './redis/connection.js';
import { isLoopback, startSandbox, type Sandbox } from './sandbox/sandbox.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger(config.logLevel);

let bot: Bot;
let sandbox: Sandbox | undefined;
let redis: RedisConnection | undefined;
if (config.wecom) {
  redis = config.redisUrl ? connectRedis(config.redisUrl, logger, undefined, { commandTimeoutMs: config.redis.commandTimeoutMs }) : undefined;
  bot = createBot({ config, wecom: config.wecom, logger, ...(redis ? { redis } : {}) });
} else {
  const remote = config.host !== undefined && !isLoopback(config.host);
  if (remote && !(config.sandboxAllowRemote && config.sandboxToken)) {
    // Anyone who can reach the sandbox acts as any member, the admin included.
    console.error(
      `The sandbox has no WeCom login: it will not listen on HOST=${config.host} unless SANDBOX_ALLOW_REMOTE=1 and a SANDBOX_TOKEN ` +
        '(16+ characters) are set; the page is then opened as http://host:port/#token=…',
    );
    process.exit(1);
  }
  sandbox = await startSandbox({ config, logger, seed: config.sandboxSeed, ...(remote ? { token: config.sandboxToken! } : {}) });
  bot = sandbox.bot;
}
const mode = sandbox ? 'sandbox' : 'production';
// The sandbox has no authentication: only this machine may use it unless HOST says otherwise.
const host = config.host ?? (sandbox ? '127.0.0.1' : undefined);
// Slow clients are cut off: a request must arrive whole within requestTimeoutMs (Node's defaults hold one for up
// to 5 minutes), idle keep-alive sockets close, and the connection count has a ceiling below the file limit.
const server: Server = createServer(
  { requestTimeout: config.server.requestTimeoutMs, headersTimeout: config.server.headersTimeoutMs, connectionsCheckingInterval: 1000 },
  bot.listener,
);
server.keepAliveTimeout = config.server.keepAliveTimeoutMs;
server.maxConnections = config.server.maxConnections;
if (host) server.listen(config.port, host);
else server.listen(config.port);
server.once('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, callbackPath: config.callbackPath, mode }, `listening on port ${port}`);
  if (sandbox) {
    sandbox.attach(port);
    // With a token (a sandbox reachable from elsewhere), the link carries it after # (never sent to the server).
    const link = config.sandboxToken && host && !['127.0.0.1', 'localhost', '::1'].includes(host) ? `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${port}/#token=${encodeURIComponent(config.sandboxToken)}` : `http://localhost:${port}/`;
    console.log(`Sandbox ready: open ${link}  (no WeCom settings found: an embedded WeCom emulator answers instead)`);
  }
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
  const drained = await bot.drain(config.queue.drainTimeoutMs);
  await sandbox?.close();
  await redis?.close();
  logger.info({ drained, left: bot.queue.depth + bot.outbox.backlog }, drained ? 'stopped cleanly' : 'stopped with work left');
  process.exit(drained ? 0 : 1);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
