/**
 * access_tokens in Redis: one token per corp+secret for every instance, and a lock so one gettoken runs across the
 * deployment. While Redis is down it serves from memory, so calls keep working (each instance then fetches its own
 * token, which WeCom allows: it hands out the same one while it is valid).
 */
import { randomBytes } from 'node:crypto';
import { MemoryTokenStore, type StoredToken, type TokenStore } from '../wecom/token.js';
import type { RedisConnection } from './connection.js';

/** Deletes KEYS[1] only while it holds ARGV[1]. */
const DELETE_IF = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export class RedisTokenStore implements TokenStore {
  private readonly memory = new MemoryTokenStore();

  constructor(private readonly redis: RedisConnection) {}

  async get(key: string): Promise<StoredToken | undefined> {
    try {
      const raw = await this.redis.client.get(key);
      return raw ? (JSON.parse(raw) as StoredToken) : undefined;
    } catch {
      return this.memory.get(key);
    }
  }

  async set(key: string, token: StoredToken, ttlSeconds: number): Promise<void> {
    await this.memory.set(key, token, ttlSeconds);
    try {
      await this.redis.client.set(key, JSON.stringify(token), 'EX', ttlSeconds);
    } catch {
      // Memory has it; Redis gets the next one.
    }
  }

  async deleteIf(key: string, value: string): Promise<void> {
    await this.memory.deleteIf(key, value);
    const raw = await this.redis.client.get(key).catch(() => null);
    if (raw && (JSON.parse(raw) as StoredToken).value === value) {
      await this.redis.client.eval(DELETE_IF, 1, key, raw).catch(() => undefined);
    }
  }

  async tryLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | null> {
    const owner = randomBytes(12).toString('hex');
    let acquired: string | null;
    try {
      acquired = await this.redis.client.set(key, owner, 'PX', ttlMs, 'NX');
    } catch {
      // Redis is down: the in-process lock is all there is.
      return async () => undefined;
    }
    if (acquired !== 'OK') return null;
    return async () => {
      await this.redis.client.eval(DELETE_IF, 1, key, owner).catch(() => undefined);
    };
  }
}
