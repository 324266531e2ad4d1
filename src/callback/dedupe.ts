/**
 * De-duplication of callbacks: WeCom delivers one message up to 4 times (even concurrently) when it does not get
 * a 200 within 5 s. The store answers "first time?" atomically; Redis implements the same interface for several
 * instances.
 */
import type { Clock } from '../clock.js';

export interface DedupeStore {
  /** True the first time `key` is claimed within `ttlSeconds`; false for a repeat. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
}

/**
 * In-process store. Every key has the same TTL, so insertion order is expiry order: expired keys are dropped from
 * the front of a Map as new ones arrive, with no timers and no sweep (node-cache keeps a timer-checked entry per
 * key, which costs several times the memory at a million keys).
 */
export class MemoryDedupe implements DedupeStore {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    /** Above this many live keys the oldest are dropped first, so memory has a ceiling whatever the traffic. */
    private readonly maxKeys = 2_000_000,
  ) {}

  async claim(key: string, ttlSeconds: number): Promise<boolean> {
    const now = this.clock.now();
    this.prune(now);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.delete(key);
    this.expiries.set(key, now + ttlSeconds * 1000);
    if (this.expiries.size > this.maxKeys) this.expiries.delete(this.expiries.keys().next().value!);
    return true;
  }

  /** Keys currently remembered. */
  get size(): number {
    return this.expiries.size;
  }

  private prune(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(key);
    }
  }
}
