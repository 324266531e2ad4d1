/**
 * Callback de-duplication in Redis (SET NX with a TTL), so a retry that lands on another instance is still handled
 * once. While Redis is down each instance de-duplicates in memory, and a first delivery is `unverified`: a retry
 * may reach the other instance, so the dispatcher runs no command that changes a live for it (it asks the member
 * to send it again); the message is never dropped.
 */
import type { Clock } from '../clock.js';
import { MemoryDedupe, type Claim, type DedupeStore } from '../callback/dedupe.js';
import type { RedisConnection } from './connection.js';

export class RedisDedupe implements DedupeStore {
  private readonly memory: MemoryDedupe;

  constructor(
    private readonly redis: RedisConnection,
    clock: Clock,
  ) {
    this.memory = new MemoryDedupe(clock);
  }

  async claim(key: string, ttlSeconds: number): Promise<Claim> {
    try {
      return (await this.redis.client.set(`wecom:dedupe:${key}`, '1', 'EX', ttlSeconds, 'NX')) === 'OK' ? 'first' : 'repeat';
    } catch {
      // This instance still knows its own repeats; a first delivery here may be a repeat elsewhere.
      return (await this.memory.claim(key, ttlSeconds)) === 'repeat' ? 'repeat' : 'unverified';
    }
  }
}
