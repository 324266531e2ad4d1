/**
 * access_token cache: one gettoken per token lifetime, however many calls wait for it.
 * WeCom blocks a corp for an hour after ~2,000 failed gettoken calls in an hour (docs/wecom-protocol.md §2), so a refused
 * secret is remembered for a cooldown instead of being sent again by every waiting call.
 */
import { createHash } from 'node:crypto';
import NodeCache from 'node-cache';
import type { Clock } from '../clock.js';
import { describeErrcode } from './error-handler.js';
import { WeComApiError } from './errors.js';
import type { TokenResponse } from './types.js';

/** How long a gettoken may hold the shared lock, how often the others look for its token, and how long they wait. */
const LOCK_TTL_MS = 10_000;
const LOCK_POLL_MS = 50;
const LOCK_WAIT_MS = 15_000;

export interface StoredToken {
  value: string;
  /** ms since the epoch, by the clock of whoever stored it. */
  expiresAt: number;
}

/** Where tokens live: memory by default, Redis when several instances share one corp. */
export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined>;
  set(key: string, token: StoredToken, ttlSeconds: number): Promise<void>;
  /** Deletes the token only while it still has `value`, so a newer token fetched meanwhile survives. */
  deleteIf(key: string, value: string): Promise<void>;
  /**
   * A lock shared by every instance using this store, so one gettoken runs across a deployment (Redis). Resolves
   * a release function, or null while another holder has it. Stores without it rely on the in-process lock.
   */
  tryLock?(key: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
}

/** In-process TokenStore on node-cache. */
export class MemoryTokenStore implements TokenStore {
  private readonly cache = new NodeCache({ useClones: false, checkperiod: 600 });

  async get(key: string): Promise<StoredToken | undefined> {
    return this.cache.get<StoredToken>(key);
  }
  async set(key: string, token: StoredToken, ttlSeconds: number): Promise<void> {
    this.cache.set(key, token, ttlSeconds);
  }
  async deleteIf(key: string, value: string): Promise<void> {
    if (this.cache.get<StoredToken>(key)?.value === value) this.cache.del(key);
  }
}

export interface TokenStats {
  /** gettoken calls made (successful or not). */
  fetches: number;
  /** Calls served from the cache. */
  cacheHits: number;
  /** Fetches caused by WeCom refusing a cached token (40014/41001/42001). */
  refreshes: number;
  /** gettoken calls that failed. */
  failures: number;
  /** When the cached token expires (ISO 8601), or null. */
  expiry: string | null;
}

export interface TokenManagerOptions {
  corpid: string;
  corpsecret: string;
  store: TokenStore;
  clock: Clock;
  /** Calls gettoken; the client passes its own request function (with its retry policy). */
  fetchToken: () => Promise<TokenResponse>;
  /** Fetch a new token this long before the old one expires. */
  refreshAheadMs: number;
  /** After a configuration error (bad corpid/secret), refuse for this long without calling gettoken. */
  failureCooldownMs: number;
}

/** Hands out a valid access_token, fetching at most one at a time. */
export class TokenManager {
  readonly key: string;
  private inflight: Promise<string> | undefined;
  private refusal: { error: WeComApiError; until: number } | undefined;
  private readonly counters = { fetches: 0, cacheHits: 0, refreshes: 0, failures: 0 };
  private expiresAt: number | undefined;
  private pendingRefresh = false;
  /** The token an ahead-of-expiry refresh was already tried for: WeCom answers gettoken with the same token while
   * it is valid, so trying again for it would only repeat that call on every request until it expires. */
  private refreshedAheadFor: string | undefined;

  constructor(private readonly options: TokenManagerOptions) {
    // The key names the corp and a digest of the secret, never the secret itself (it may end up in Redis).
    const digest = createHash('sha256').update(options.corpsecret).digest('hex').slice(0, 16);
    this.key = `wecom:token:${options.corpid}:${digest}`;
  }

  /** A token that is valid now. */
  async get(): Promise<string> {
    const now = this.options.clock.now();
    const cached = await this.options.store.get(this.key);
    if (cached && cached.expiresAt > now) {
      this.counters.cacheHits++;
      this.expiresAt = cached.expiresAt;
      // Refresh ahead in the background, once per token, so no call waits on an expiring token.
      if (cached.expiresAt - this.options.refreshAheadMs <= now && !this.inflight && this.refreshedAheadFor !== cached.value) {
        this.refreshedAheadFor = cached.value;
        this.fetch().catch(() => undefined);
      }
      return cached.value;
    }
    return this.fetch();
  }

  /** Drops `failedToken` (if it is still the cached one) after WeCom refused it; the next get() fetches anew. */
  async invalidate(failedToken: string): Promise<void> {
    const cached = await this.options.store.get(this.key);
    if (cached?.value !== failedToken) return;
    this.pendingRefresh = true;
    await this.options.store.deleteIf(this.key, failedToken);
  }

  /** Counters for getApiStats(). */
  stats(): TokenStats {
    return {
      ...this.counters,
      expiry: this.expiresAt === undefined ? null : new Date(this.expiresAt).toISOString(),
    };
  }

  private fetch(): Promise<string> {
    const refusal = this.refusal;
    if (refusal && refusal.until > this.options.clock.now()) return Promise.reject(refusal.error);
    // Every caller that arrives while a gettoken is in flight shares its promise.
    const { tryLock } = this.options.store;
    this.inflight ??= (tryLock ? this.fetchShared(tryLock.bind(this.options.store)) : this.fetchOnce()).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** With a shared lock: one instance fetches, the others wait for the token it stores. */
  private async fetchShared(tryLock: NonNullable<TokenStore['tryLock']>): Promise<string> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      const release = await tryLock(`${this.key}:lock`, LOCK_TTL_MS);
      if (release) {
        try {
          // Another instance may have stored a fresh token while we waited for the lock.
          const cached = await this.usable();
          return cached ?? (await this.fetchOnce());
        } finally {
          await release();
        }
      }
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      // Any unexpired token will do here: during an ahead-of-expiry refresh WeCom hands back the same one.
      const cached = await this.usable(0);
      if (cached) {
        this.counters.cacheHits++;
        return cached;
      }
      if (Date.now() > deadline) return this.fetchOnce(); // the holder died: do not wait forever
    }
  }

  /** The cached token, if it is valid for more than `marginMs` (default: the ahead-of-expiry refresh window). */
  private async usable(marginMs = this.options.refreshAheadMs): Promise<string | undefined> {
    const cached = await this.options.store.get(this.key);
    return cached && cached.expiresAt - marginMs > this.options.clock.now() ? cached.value : undefined;
  }

  private async fetchOnce(): Promise<string> {
    this.counters.fetches++;
    if (this.pendingRefresh) {
      this.counters.refreshes++;
      this.pendingRefresh = false;
    }
    try {
      const res = await this.options.fetchToken();
      const now = this.options.clock.now();
      const token = { value: res.access_token, expiresAt: now + res.expires_in * 1000 };
      await this.options.store.set(this.key, token, res.expires_in);
      this.expiresAt = token.expiresAt;
      this.refusal = undefined;
      return token.value;
    } catch (error) {
      this.counters.failures++;
      if (error instanceof WeComApiError && describeErrcode(error.errcode).kind === 'configuration') {
        this.refusal = { error, until: this.options.clock.now() + this.options.failureCooldownMs };
      }
      throw error;
    }
  }
}
