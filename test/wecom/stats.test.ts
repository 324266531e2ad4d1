import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LatencyHistogram, PerformanceManager } from '../../src/wecom/stats.js';
import { hoursFromNow, startClient } from '../support/client.js';

describe('getApiStats', () => {
  it('adds up: calls, successes, errors, per endpoint, last error, token figures', async () => {
    const f = await startClient({ retry: { maxRetries: 0 } });
    try {
      const { livingid } = await f.api.createLive('a', '统计', hoursFromNow(f.emulator, 1), 60);
      await f.api.getLivingInfo(livingid);
      await f.api.getLivingInfo(livingid);
      await f.api.getLivingInfo('lvMissing').catch(() => undefined);
      f.emulator.faults.failNext('living/cancel', 48002, 1, 'api forbidden');
      await f.api.cancelLiving(livingid).catch(() => undefined);

      const stats = f.api.getApiStats();
      assert.equal(stats.totalCalls, 6, 'gettoken + create + 3 info + cancel');
      assert.equal(stats.errorCalls, 2);
      assert.equal(stats.successCalls, 4);
      assert.equal(stats.successRate, 4 / 6);
      assert.deepEqual(stats.apiCallTimes, { gettoken: 1, 'living/create': 1, 'living/get_living_info': 3, 'living/cancel': 1 });
      assert.deepEqual(stats.lastError, { endpoint: 'living/cancel', errcode: 48002, errmsg: 'api forbidden' });
      assert.ok(stats.lastErrorTime && !Number.isNaN(Date.parse(stats.lastErrorTime)));
      assert.equal(stats.tokenStats.fetches, 1);
      assert.equal(stats.tokenStats.cacheHits, 4, 'every call after the first');
      const info = stats.endpoints['living/get_living_info'];
      assert.equal(info?.calls, 3);
      assert.equal(info?.errors, 1);
      assert.deepEqual(info?.errcodes, { '40058': 1 });
      assert.ok(info && info.p50Ms > 0 && info.p95Ms >= info.p50Ms && info.p99Ms >= info.p95Ms && info.maxMs >= info.p99Ms);
    } finally {
      await f.close();
    }
  });

  it('starts at a success rate of 1 with no calls and no last error', async () => {
    const f = await startClient();
    try {
      const stats = f.api.getApiStats();
      assert.equal(stats.totalCalls, 0);
      assert.equal(stats.successRate, 1);
      assert.equal(stats.lastError, null);
      assert.equal(stats.lastErrorTime, null);
      assert.equal(stats.tokenStats.expiry, null);
    } finally {
      await f.close();
    }
  });

  it('logApiStats writes the stats as one structured line', async () => {
    const f = await startClient();
    try {
      await f.api.getApiDomainIp();
      f.logs.length = 0;
      f.api.logApiStats();
      assert.equal(f.logs.length, 1);
      const line = JSON.parse(f.logs[0]!) as { msg: string; apiStats: { totalCalls: number } };
      assert.equal(line.msg, 'WeCom API stats');
      assert.equal(line.apiStats.totalCalls, 2);
    } finally {
      await f.close();
    }
  });
});

describe('PerformanceManager', () => {
  it('gives quantiles within 5 % from a fixed-size histogram', () => {
    const h = new LatencyHistogram();
    for (let ms = 1; ms <= 10_000; ms++) h.record(ms);
    const within = (actual: number, expected: number) => Math.abs(actual - expected) / expected <= 0.05;
    assert.ok(within(h.quantile(0.5), 5000), String(h.quantile(0.5)));
    assert.ok(within(h.quantile(0.95), 9500), String(h.quantile(0.95)));
    assert.ok(within(h.quantile(0.99), 9900), String(h.quantile(0.99)));
    assert.equal(h.quantile(1), 10_000);
  });

  it('keeps the number of endpoints bounded, folding the rest into "other"', () => {
    const perf = new PerformanceManager();
    for (let i = 0; i < 200; i++) perf.record(`endpoint/${i}`, 1);
    const names = Object.keys(perf.snapshot());
    assert.equal(names.length, 65);
    assert.equal(perf.snapshot().other?.calls, 136);
  });
});

describe('mergeApiStats', () => {
  it('adds counts, keeps the latest error and the slowest percentiles', async () => {
    const { mergeApiStats } = await import('../../src/wecom/api-stats.js');
    const perf = (ms: number, errcode?: number) => {
      const p = new PerformanceManager();
      p.record('living/create', ms, errcode);
      return p.snapshot();
    };
    const base = { apiCallTimes: { 'living/create': 1 }, tokenStats: { fetches: 1, cacheHits: 3, refreshes: 0, failures: 0, expiry: null } };
    const merged = mergeApiStats([
      { ...base, totalCalls: 10, successCalls: 10, errorCalls: 0, successRate: 1, lastError: null, lastErrorTime: null, endpoints: perf(100) },
      {
        ...base,
        totalCalls: 10,
        successCalls: 9,
        errorCalls: 1,
        successRate: 0.9,
        lastError: { endpoint: 'living/create', errcode: 48002, errmsg: 'x' },
        lastErrorTime: '2026-11-25T01:00:00.000Z',
        endpoints: perf(300, 48002),
      },
    ]);
    assert.equal(merged.totalCalls, 20);
    assert.equal(merged.successRate, 0.95);
    assert.equal(merged.lastError?.errcode, 48002);
    assert.equal(merged.tokenStats.fetches, 2);
    assert.equal(merged.apiCallTimes['living/create'], 2);
    assert.equal(merged.endpoints['living/create']?.calls, 2);
    assert.equal(merged.endpoints['living/create']?.p95Ms, 300);
    assert.deepEqual(merged.endpoints['living/create']?.errcodes, { '48002': 1 });
  });
});
