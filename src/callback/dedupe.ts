/**
 * De-duplication of callbacks: WeCom delivers one message up to 4 times (even concurrently) when it does not get
 * a 200 within 5 s. The store answers "first time?" atomically; Redis implements the same interface for several
 * instances.
 */
import type { Clock } from '../clock.js';

/**
 * What a claim found: the first delivery, a repeat, or `unverified` — first here, but the shared store could not be
 * asked, so another instance may have taken the same message (docs: "Redis down" in the README's scale-out table).
 */
export type Claim = 'first' | 'repeat' | 'unverified';

export interface DedupeStore {
  /** Whether `key` is claimed for the first time within `ttlSeconds`. */
  claim(key: string, ttlSeconds: number): Promise<Claim>;
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

  async claim(key: string, ttlSeconds: number): Promise<Claim> {
    const now = this.clock.now();
    this.prune(now);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return 'repeat';
    this.expiries.delete(key);
    this.expiries.set(key, now + ttlSeconds * 1000);
    if (this.expiries.size > this.maxKeys) this.expiries.delete(this.expiries.keys().next().value!);
    return 'first';
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
