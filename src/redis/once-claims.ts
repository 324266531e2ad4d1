/**
 * Claims that hold once across every instance (one 催看 a day per live): SET NX PX. While Redis is down a claim
 * cannot be checked and is `unverified` — the caller holds the action rather than doing it twice.
 */
import type { OnceClaim, OnceClaims } from '../audience/store.js';
import type { RedisConnection } from './connection.js';

export class RedisOnceClaims implements OnceClaims {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix = 'wecom:once:',
  ) {}

  async claim(key: string, ttlMs: number): Promise<OnceClaim> {
    if (!this.redis.isUp()) return 'unverified';
    try {
      const set = await this.redis.client.set(this.prefix + key, '1', 'PX', Math.max(1, Math.round(ttlMs)), 'NX');
      return set === 'OK' ? 'first' : 'taken';
    } catch {
      return 'unverified';
    }
  }
}
