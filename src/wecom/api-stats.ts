/** The figures WeComApi.getApiStats() returns, and how several instances' figures add up to a deployment's. */
import type { EndpointStats } from './stats.js';
import type { TokenStats } from './token.js';

/** The seed's fields, camelCased, plus per-endpoint figures. */
export interface ApiStats {
  totalCalls: number;
  successCalls: number;
  errorCalls: number;
  /** 0–1; 1 before any call. */
  successRate: number;
  lastError: { endpoint: string; errcode: number | null; errmsg: string } | null;
  lastErrorTime: string | null;
  apiCallTimes: Record<string, number>;
  tokenStats: TokenStats;
  endpoints: Record<string, EndpointStats>;
}

/** One instance's API figures, as published for the deployment. */
export interface InstanceStats {
  instance: string;
  stats: ApiStats;
  /** ISO 8601 time of the figures. */
  at: string;
}

/** The API figures of every running instance, and their sum (one instance without Redis). */
export interface DeploymentStats {
  total: ApiStats;
  instances: InstanceStats[];
}

/**
 * The figures of several instances as one: counts add up, the latest error wins, and per endpoint the slowest
 * instance's percentiles stand for the deployment (percentiles cannot be added; the worst is the honest bound).
 */
export function mergeApiStats(all: ApiStats[]): ApiStats {
  const merged: ApiStats = {
    totalCalls: 0,
    successCalls: 0,
    errorCalls: 0,
    successRate: 1,
    lastError: null,
    lastErrorTime: null,
    apiCallTimes: {},
    tokenStats: { fetches: 0, cacheHits: 0, refreshes: 0, failures: 0, expiry: null },
    endpoints: {},
  };
  for (const s of all) {
    merged.totalCalls += s.totalCalls;
    merged.successCalls += s.successCalls;
    merged.errorCalls += s.errorCalls;
    if (s.lastErrorTime && (!merged.lastErrorTime || s.lastErrorTime > merged.lastErrorTime)) {
      merged.lastError = s.lastError;
      merged.lastErrorTime = s.lastErrorTime;
    }
    for (const [name, n] of Object.entries(s.apiCallTimes)) merged.apiCallTimes[name] = (merged.apiCallTimes[name] ?? 0) + n;
    const t = merged.tokenStats;
    t.fetches += s.tokenStats.fetches;
    t.cacheHits += s.tokenStats.cacheHits;
    t.refreshes += s.tokenStats.refreshes;
    t.failures += s.tokenStats.failures;
    if (s.tokenStats.expiry && (!t.expiry || s.tokenStats.expiry > t.expiry)) t.expiry = s.tokenStats.expiry;
    for (const [name, e] of Object.entries(s.endpoints)) merged.endpoints[name] = mergeEndpoint(merged.endpoints[name], e);
  }
  merged.successRate = merged.totalCalls === 0 ? 1 : merged.successCalls / merged.totalCalls;
  return merged;
}

function mergeEndpoint(a: EndpointStats | undefined, b: EndpointStats): EndpointStats {
  if (!a) return { ...b, errcodes: { ...b.errcodes } };
  const calls = a.calls + b.calls;
  const errcodes = { ...a.errcodes };
  for (const [code, n] of Object.entries(b.errcodes)) errcodes[code] = (errcodes[code] ?? 0) + n;
  return {
    calls,
    errors: a.errors + b.errors,
    retries: a.retries + b.retries,
    successRate: calls === 0 ? 1 : (calls - a.errors - b.errors) / calls,
    avgMs: calls === 0 ? 0 : Math.round(((a.avgMs * a.calls + b.avgMs * b.calls) / calls) * 100) / 100,
    p50Ms: Math.max(a.p50Ms, b.p50Ms),
    p95Ms: Math.max(a.p95Ms, b.p95Ms),
    p99Ms: Math.max(a.p99Ms, b.p99Ms),
    maxMs: Math.max(a.maxMs, b.maxMs),
    errcodes,
  };
}
