/**
 * /readyz: whether this instance can do its work now — WeCom answers through the configured path (proxy, 企业可信IP,
 * a valid secret), and Redis answers when it is configured. /healthz only says the process serves. A load balancer
 * routes on /readyz; a check is reused for a few seconds so polling never becomes load on WeCom.
 */
import type { RedisConnection } from './redis/connection.js';
import type { WeComApi } from './wecom/client.js';
import { problemEn } from './wecom/problems.js';

export interface Check {
  ok: boolean;
  /** Why not, in one line (the same words as /healthz and doctor). */
  reason?: string;
  ms?: number;
}

export interface ReadyReport {
  ready: boolean;
  checks: { wecom: Check; redis?: Check };
}

export class Readiness {
  private last: { at: number; check: Check } | undefined;
  private running: Promise<Check> | undefined;

  constructor(
    private readonly api: Pick<WeComApi, 'checkConnection'>,
    private readonly redis: Pick<RedisConnection, 'isUp'> | undefined,
    private readonly options: { cacheMs: number; timeoutMs: number; now?: () => number },
  ) {}

  /** The instance's readiness, with a reason for each check that failed. */
  async report(): Promise<ReadyReport> {
    const wecom = await this.wecom();
    const redis = this.redis ? (this.redis.isUp() ? { ok: true } : { ok: false, reason: 'redis: not answering' }) : undefined;
    return { ready: wecom.ok && (redis?.ok ?? true), checks: { wecom, ...(redis ? { redis } : {}) } };
  }

  /** WeCom's check, reused for `cacheMs`; concurrent callers share one call. */
  private async wecom(): Promise<Check> {
    const now = (this.options.now ?? Date.now)();
    if (this.last && now - this.last.at < this.options.cacheMs) return this.last.check;
    this.running ??= this.checkWeCom().finally(() => (this.running = undefined));
    const check = await this.running;
    this.last = { at: (this.options.now ?? Date.now)(), check };
    return check;
  }

  private async checkWeCom(): Promise<Check> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Check>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: `wecom: no answer within ${this.options.timeoutMs} ms` }), this.options.timeoutMs);
    });
    const check = this.api.checkConnection().then((r): Check => (r.ok ? { ok: true, ms: r.ms } : { ok: false, ms: r.ms, reason: `wecom: ${problemEn(r.error)}` }));
    try {
      return await Promise.race([check, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
