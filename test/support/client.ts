/** Test fixture: an emulator on a free port and a WeComApi pointed at it, with its log lines captured. */
import { WeComEmulator, type EmulatorOptions } from '../../src/emulator/server.js';
import { createLogger } from '../../src/log.js';
import { WeComApi } from '../../src/wecom/client.js';
import type { WeComApiOptions } from '../../src/wecom/options.js';

export interface ClientFixture {
  emulator: WeComEmulator;
  api: WeComApi;
  /** Every log line the client wrote, as raw JSON text. */
  logs: string[];
  close(): Promise<void>;
}

/** Starts an emulator and a client for it; fast retries so tests do not sleep for real backoffs. */
export async function startClient(
  apiOptions: WeComApiOptions = {},
  emulatorOptions: EmulatorOptions = {},
  secret?: string,
): Promise<ClientFixture> {
  const emulator = await WeComEmulator.start(emulatorOptions);
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const api = new WeComApi(emulator.corpid, secret ?? emulator.corpsecret, {
    baseURL: emulator.url,
    agentid: emulator.agentid,
    clock: emulator.clock,
    logger,
    retry: { baseDelayMs: 2, maxDelayMs: 20 },
    timeoutMs: 2000,
    ...apiOptions,
  });
  return { emulator, api, logs, close: () => emulator.close() };
}

/** Unix seconds `hours` from the emulator's now. */
export const hoursFromNow = (emulator: WeComEmulator, hours: number): number =>
  Math.floor(emulator.clock.now() / 1000) + Math.round(hours * 3600);
