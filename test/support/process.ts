/** The bot as a real process (`npm start`'s entry), for tests and benchmarks that need signals or a crash. */
import { spawn, type ChildProcess } from 'node:child_process';
import type { WeComEmulator } from '../../src/emulator/server.js';

export interface BotProcess {
  child: ChildProcess;
  port: number;
  /** Everything it printed so far. */
  output: () => string;
}

/** The five WeCom settings that point a bot at `emulator`, and the emulator's API as WeCom's. */
export function emulatorEnv(emulator: WeComEmulator): Record<string, string> {
  return {
    WECOM_CORP_ID: emulator.corpid,
    WECOM_CORP_SECRET: emulator.corpsecret,
    WECOM_AGENT_ID: String(emulator.agentid),
    WECOM_TOKEN: emulator.callbacks.token,
    WECOM_ENCODING_AES_KEY: emulator.callbacks.encodingAESKey,
    WECOM_API_BASE_URL: emulator.url,
  };
}

/** Starts src/main.ts with `env` (and PORT=0); resolves once it logs the port it listens on. */
export async function startBotProcess(env: Record<string, string>, prefix: string[] = []): Promise<BotProcess> {
  const child = spawn(prefix[0] ?? process.execPath, [...prefix.slice(1), ...(prefix.length ? [process.execPath] : []), '--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return listening(child, 'the bot');
}

/** Collects `child`'s output and resolves once it logs the port it listens on (or throws what it printed). */
export async function listening(child: ChildProcess, what: string, timeoutMs = 30_000): Promise<BotProcess> {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = /listening on port (\d+)/.exec(out);
    if (match) return { child, port: Number(match[1]), output: () => out };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} did not start:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
