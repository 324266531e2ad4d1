/**
 * An ExpiringStore in Redis (one JSON value per key, PX TTL) under `prefix`. While Redis is down each instance
 * keeps its own: what was written there is read there, and Redis is asked again as soon as it answers.
 */
import type { Clock } from '../clock.js';
import { MemoryExpiringStore, type ExpiringStore } from '../expiring.js';
import type { RedisConnection } from './connection.js';

export class RedisExpiringStore<T> implements ExpiringStore<T> {
  private readonly memory: MemoryExpiringStore<T>;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    clock: Clock,
  ) {
    this.memory = new MemoryExpiringStore<T>(clock);
  }

  async get(key: string): Promise<T | undefined> {
    try {
      const value = await this.redis.client.get(this.prefix + key);
      if (value !== null) return JSON.parse(value) as T;
    } catch {
      // Down: it may have been written while it was, in this process.
    }
    return this.memory.get(key);
  }

  async set(key: string, value: T, ttlMs: number): Promise<void> {
    try {
      await this.redis.client.set(this.prefix + key, JSON.stringify(value), 'PX', Math.max(1, Math.round(ttlMs)));
      await this.memory.delete(key);
    } catch {
      await this.memory.set(key, value, ttlMs);
    }
  }

  async delete(key: string): Promise<void> {
    await this.memory.delete(key);
    try {
      await this.redis.client.del(this.prefix + key);
    } catch {
      // Down: the value lapses with its TTL.
    }
  }
}
