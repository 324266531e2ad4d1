/** Test fixture: the emulator and a whole bot wired to it, listening on a free port, logs captured. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot, type Bot, type BotOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { WeComEmulator } from '../../src/emulator/server.js';
import type { SentMessage } from '../../src/emulator/messages.js';
import { createLogger } from '../../src/log.js';

export interface BotFixture {
  emulator: WeComEmulator;
  bot: Bot;
  config: Config;
  /** Base URL of the bot, e.g. http://127.0.0.1:41234 */
  url: string;
  logs: string[];
  close(): Promise<void>;
}

export async function startBot(
  options: Partial<Omit<BotOptions, 'config' | 'wecom' | 'logger'>> & {
    env?: Record<string, string>;
    tweak?: (c: Config) => void;
    /** Share an emulator with another bot (scale-out tests); it is then not closed with this bot. */
    emulator?: WeComEmulator;
  } = {},
): Promise<BotFixture> {
  const shared = options.emulator;
  const emulator = shared ?? (await WeComEmulator.start());
  const config = loadConfig({ WECOM_API_BASE_URL: emulator.url, LOG_LEVEL: 'debug', ...options.env });
  config.retry = { ...config.retry, baseDelayMs: 5, maxDelayMs: 50 };
  options.tweak?.(config);
  const wecom = {
    corpId: emulator.corpid,
    corpSecret: emulator.corpsecret,
    agentId: emulator.agentid,
    token: emulator.callbacks.token,
    encodingAESKey: emulator.callbacks.encodingAESKey,
  };
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const { env: _env, tweak: _tweak, emulator: _emulator, ...botOptions } = options;
  const bot = createBot({ config, wecom, logger, clock: emulator.clock, ...botOptions });
  const server = createServer(bot.listener).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (!shared) emulator.callbacks.url = `${url}${config.callbackPath}`;
  return {
    emulator,
    bot,
    config,
    url,
    logs,
    async close() {
      await bot.drain(2000);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (!shared) await emulator.close();
      assertNoSecrets(emulator, logs.join('\n'));
    },
  };
}

/** Waits until `userid` has received `count` messages at the emulator; returns them. */
export async function waitForMessages(emulator: WeComEmulator, userid: string, count: number, timeoutMs = 5000): Promise<SentMessage[]> {
  const deadline = Date.now() + timeoutMs;
  while (emulator.messages.forUser(userid).length < count) {
    if (Date.now() > deadline) {
      throw new Error(`${userid} got ${emulator.messages.forUser(userid).length} of ${count} messages in ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return emulator.messages.forUser(userid);
}

/** Resolves after `ms`. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `condition` holds (checked every 10 ms); fails after `timeoutMs` with what it waited for. */
export async function until(condition: () => boolean, timeoutMs = 5000, what = condition.toString()): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await sleep(10);
  }
}

/** Fails if `text` holds the app's secret, callback Token, EncodingAESKey or any access_token handed out. */
export function assertNoSecrets(emulator: WeComEmulator, text: string): void {
  const secrets = {
    corpsecret: emulator.corpsecret,
    Token: emulator.callbacks.token,
    EncodingAESKey: emulator.callbacks.encodingAESKey,
    ...Object.fromEntries(emulator.tokens.handedOut().map((t, i) => [`access_token #${i}`, t])),
  };
  for (const [name, value] of Object.entries(secrets)) {
    if (text.includes(value)) throw new Error(`the logs hold the ${name}`);
  }
}
