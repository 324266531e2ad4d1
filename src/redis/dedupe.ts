/**
 * Callback de-duplication in Redis (SET NX with a TTL), so a retry that lands on another instance is still handled
 * once. While Redis is down each instance de-duplicates in memory: a retry reaching a second instance in that
 * window would run twice, which is logged by the connection; the message is never dropped.
 */
import type { Clock } from '../clock.js';
import { MemoryDedupe, type DedupeStore } from '../callback/dedupe.js';
import type { RedisConnection } from './connection.js';

export class RedisDedupe implements DedupeStore {
  private readonly memory: MemoryDedupe;

  constructor(
    private readonly redis: RedisConnection,
    clock: Clock,
  ) {
    this.memory = new MemoryDedupe(clock);
  }

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    try {
      return (await this.redis.client.set(`wecom:dedupe:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK';
    } catch {
      return this.memory.claim(key, ttlSeconds);
    }
  }
}
