/**
 * The Redis connection of a scaled-out bot (ioredis). Every user of it falls back to its in-process twin while Redis
 * is down, so the bot keeps answering WeCom. "Down" is more than a closed socket: a Redis that hangs (stopped,
 * swapping, a full network buffer) keeps its socket open and answers nothing, and a Redis out of memory refuses
 * writes. So commands time out after `commandTimeoutMs`, and a probe writes a key every second: a probe that times
 * out or is refused marks Redis down until one succeeds again. While it is down the stores skip it at once instead of
 * waiting out a timeout on every callback.
 */
import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

export interface RedisConnection {
  /** The REDIS_URL it was opened with (other Redis users, e.g. the durable queue, open their own connections). */
  url: string;
  client: Redis;
  /** The command timeout every connection to this Redis should use. */
  commandTimeoutMs: number;
  /** True while connected and answering writes in time. */
  isUp(): boolean;
  close(): Promise<void>;
}

export interface RedisOptions {
  /** A command unanswered this long fails (and counts as Redis down); default 300 ms. */
  commandTimeoutMs?: number;
  /** How often the write probe runs; default 1,000 ms. */
  probeIntervalMs?: number;
}

/** Connects to `url`; `onChange` hears when Redis goes down or comes back. */
export function connectRedis(url: string, logger: Logger, onChange?: (up: boolean) => void, options: RedisOptions = {}): RedisConnection {
  const commandTimeoutMs = options.commandTimeoutMs ?? 300;
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: commandTimeoutMs,
    // Reconnect quickly at first, then every 2 s at most.
    retryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
  });
  let connected = false;
  let answering = true;
  let up = false;
  const update = (why: string) => {
    const next = connected && answering;
    if (next === up) return;
    up = next;
    if (up) logger.info({ redis: 'up' }, 'Redis connected');
    else logger.error({ redis: 'down', why }, 'Redis unreachable: falling back to in-process stores');
    onChange?.(up);
  };
  client.on('ready', () => {
    connected = true;
    update('ready');
  });
  const lost = () => {
    connected = false;
    update('connection closed');
  };
  client.on('end', lost);
  client.on('close', lost);
  // ioredis emits an error per failed reconnect; the state change above is the one line worth logging.
  client.on('error', () => undefined);

  const probeKey = `wecom:health:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  // The probe uses the raw client, not the guarded one: it is what tells that Redis answers again.
  const probe = setInterval(() => {
    if (!connected) return;
    // A write, not a PING: a Redis out of memory (maxmemory + noeviction) answers PING but refuses SET.
    client.set(probeKey, '1', 'PX', 5000).then(
      () => {
        answering = true;
        update('probe answered');
      },
      (error: Error) => {
        answering = false;
        update(/OOM/.test(error.message) ? 'writes refused (out of memory)' : /timed out/i.test(error.message) ? 'not answering (timed out)' : error.message);
      },
    );
  }, options.probeIntervalMs ?? 1000);
  probe.unref();

  // What the stores get: the client, except that while Redis is down its commands fail at once, so each store falls
  // back to memory without waiting out a timeout per call (one place, instead of a check in every store).
  // (multi and pipeline only build a batch: its exec fails like any command, bounded by the timeout.)
  const commands = new Set([...client.getBuiltinCommands(), 'eval', 'evalsha'].filter((c) => c !== 'multi' && c !== 'pipeline'));
  const guarded = new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop === 'string' && commands.has(prop) && typeof value === 'function' && !up) {
        return () => Promise.reject(new Error('Redis is down: using the in-process store'));
      }
      return value;
    },
  });

  return {
    url,
    client: guarded,
    commandTimeoutMs,
    isUp: () => up,
    async close() {
      clearInterval(probe);
      client.disconnect();
    },
  };
}
