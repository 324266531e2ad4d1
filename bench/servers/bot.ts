/**
 * The bot's real callback endpoint (createBot, production settings, info-level JSON logs to stdout) with a
 * dispatcher that replies nothing, so the benchmark measures the endpoint and not WeCom's message/send.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';

const config = loadConfig();
const bot = createBot({ config, wecom: config.wecom!, logger: createLogger(config.logLevel), dispatch: async () => [] });
const server = createServer(bot.listener).listen(0, '127.0.0.1', () => console.error(`listening on port ${(server.address() as AddressInfo).port}`));
// Exit cleanly on SIGTERM so a --cpu-prof run writes its profile.
process.on('SIGTERM', () => process.exit(0));
