/**
 * The Redis connection of a scaled-out bot (ioredis). Commands fail fast while Redis is down (no offline queue),
 * so every user of it can fall back to its in-process twin and the bot keeps answering WeCom; ioredis reconnects
 * by itself and the stores go back to Redis when it returns.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

export interface RedisConnection {
  /** The REDIS_URL it was opened with (other Redis users, e.g. the durable queue, open their own connections). */
  url: string;
  client: Redis;
  /** True while connected. */
  isUp(): boolean;
  close(): Promise<void>;
}

/** Connects to `url`; `onChange` hears when Redis goes down or comes back. */
export function connectRedis(url: string, logger: Logger, onChange?: (up: boolean) => void): RedisConnection {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // Reconnect quickly at first, then every 2 s at most.
    retryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
  });
  let up = false;
  const set = (next: boolean) => {
    if (next === up) return;
    up = next;
    logger[up ? 'info' : 'error']({ redis: up ? 'up' : 'down' }, up ? 'Redis connected' : 'Redis unreachable: falling back to in-process stores');
    onChange?.(up);
  };
  client.on('ready', () => set(true));
  client.on('end', () => set(false));
  client.on('close', () => set(false));
  // ioredis emits an error per failed reconnect; the state change above is the one line worth logging.
  client.on('error', () => undefined);
  return {
    url,
    client,
    isUp: () => up,
    async close() {
      client.disconnect();
    },
  };
}
