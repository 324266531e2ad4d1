/**
 * An ExpiringStore in Redis (one JSON value per key, PX TTL) under `prefix`. A write Redis refuses is kept in this
 * process and read before Redis (it is newer than what Redis holds); the next write that Redis takes replaces it.
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
    // What this process wrote while Redis refused it is newer than what Redis still holds for the key.
    const local = await this.memory.get(key);
    if (local !== undefined) return local;
    try {
      const value = await this.redis.client.get(this.prefix + key);
      return value === null ? undefined : (JSON.parse(value) as T);
    } catch {
      return undefined;
    }
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
