/**
 * Values that lapse: the 智能机器人's streams (until WeCom stops refreshing them) and the cards it sent (until a
 * click can no longer come). Redis implements the same interface (src/redis/expiring.ts), so whichever instance a
 * refresh or a click reaches reads what another instance wrote.
 */
import type { Clock } from './clock.js';

export interface ExpiringStore<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * In-process store, at most `maxEntries` (the oldest written go first). Lapsed entries are dropped when read, and
 * swept from the oldest written on each write (with one TTL for all, as for questions, that is all of them).
 */
export class MemoryExpiringStore<T> implements ExpiringStore<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.clock.now()) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  async set(key: string, value: T, ttlMs: number): Promise<void> {
    const now = this.clock.now();
    for (const [k, e] of this.entries) {
      if (e.expires > now) break;
      this.entries.delete(k);
    }
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
