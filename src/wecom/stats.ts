/**
 * PerformanceManager: per-endpoint calls, errors and latency quantiles in constant memory.
 * Latencies go into a fixed log-scale histogram (5 % wide buckets from 0.05 ms to ~2 min), so p50/p95/p99 are
 * accurate to about 5 % however many calls are recorded, and memory does not grow with traffic.
 */

const MIN_MS = 0.05;
const GROWTH = 1.05;
const BUCKETS = 300;
const LOG_GROWTH = Math.log(GROWTH);
/** New endpoint names past this many are folded into "other", so a caller cannot grow the map without bound. */
const MAX_ENDPOINTS = 64;

/** A log-bucketed latency histogram with a fixed size. */
export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  count = 0;
  sumMs = 0;
  maxMs = 0;

  /** Adds one latency sample, in ms. */
  record(ms: number): void {
    const index = ms <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / MIN_MS) / LOG_GROWTH));
    this.counts[index]!++;
    this.count++;
    this.sumMs += ms;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** The latency at quantile q (0–1): the upper bound of the bucket holding it, capped at the maximum seen. */
  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.maxMs, MIN_MS * GROWTH ** i);
    }
    return this.maxMs;
  }
}

export interface EndpointStats {
  calls: number;
  errors: number;
  /** Retries made on top of the calls. */
  retries: number;
  /** 0–1; 1 when there were no calls. */
  successRate: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** errcode → how many times WeCom answered it ("http" for failures without an errcode). */
  errcodes: Record<string, number>;
}

interface EndpointRecord {
  errors: number;
  retries: number;
  latency: LatencyHistogram;
  errcodes: Map<string, number>;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Records every WeCom call's outcome and latency, per endpoint. */
export class PerformanceManager {
  private readonly endpoints = new Map<string, EndpointRecord>();

  /** Records one finished call (after its retries). `errcode` is WeCom's, or "http" for a transport failure. */
  record(endpoint: string, ms: number, error?: number | 'http'): void {
    const rec = this.entry(endpoint);
    rec.latency.record(ms);
    if (error !== undefined) {
      rec.errors++;
      const key = String(error);
      // errcodes are a small set in practice; cap anyway so one endpoint cannot grow without bound.
      if (rec.errcodes.has(key) || rec.errcodes.size < 32) rec.errcodes.set(key, (rec.errcodes.get(key) ?? 0) + 1);
    }
  }

  /** Counts a retry of a call to `endpoint`. */
  recordRetry(endpoint: string): void {
    this.entry(endpoint).retries++;
  }

  /** A snapshot of every endpoint's figures. */
  snapshot(): Record<string, EndpointStats> {
    const out: Record<string, EndpointStats> = {};
    for (const [name, rec] of this.endpoints) {
      const { latency } = rec;
      out[name] = {
        calls: latency.count,
        errors: rec.errors,
        retries: rec.retries,
        successRate: latency.count === 0 ? 1 : (latency.count - rec.errors) / latency.count,
        avgMs: round(latency.count === 0 ? 0 : latency.sumMs / latency.count),
        p50Ms: round(latency.quantile(0.5)),
        p95Ms: round(latency.quantile(0.95)),
        p99Ms: round(latency.quantile(0.99)),
        maxMs: round(latency.maxMs),
        errcodes: Object.fromEntries(rec.errcodes),
      };
    }
    return out;
  }

  private entry(endpoint: string): EndpointRecord {
    const name = this.endpoints.has(endpoint) || this.endpoints.size < MAX_ENDPOINTS ? endpoint : 'other';
    let rec = this.endpoints.get(name);
    if (!rec) {
      rec = { errors: 0, retries: 0, latency: new LatencyHistogram(), errcodes: new Map() };
      this.endpoints.set(name, rec);
    }
    return rec;
  }
}
