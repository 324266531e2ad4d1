import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../../src/clock.js';
import { createLogger } from '../../src/log.js';
import { WeComApi } from '../../src/wecom/client.js';
import { WeComApiError } from '../../src/wecom/errors.js';
import { MemoryTokenStore, TokenManager } from '../../src/wecom/token.js';
import { hoursFromNow, startClient } from '../support/client.js';

const silent = createLogger('silent');

describe('access_token', () => {
  it('300 concurrent cold calls cause exactly one gettoken', async () => {
    const f = await startClient();
    try {
      const { livingid } = await f.api.createLive('a', '并发', hoursFromNow(f.emulator, 1), 60);
      // A second client on the same emulator starts cold: no token cached.
      const cold = new WeComApi(f.emulator.corpid, f.emulator.corpsecret, { baseURL: f.emulator.url, logger: silent });
      const before = f.emulator.countCalls('gettoken');
      const results = await Promise.all(Array.from({ length: 300 }, () => cold.getLivingInfo(livingid)));
      assert.equal(results.length, 300);
      assert.ok(results.every((r) => r.living_info.theme === '并发'));
      assert.equal(f.emulator.countCalls('gettoken') - before, 1);
      const stats = cold.getApiStats().tokenStats;
      assert.equal(stats.fetches, 1);
      assert.ok(stats.expiry && Date.parse(stats.expiry) > Date.now());
    } finally {
      await f.close();
    }
  });

  it('fetches a new token once WeCom says the old one expired (42001), and retries the call once', async () => {
    const f = await startClient();
    try {
      const { livingid } = await f.api.createLive('a', '过期', hoursFromNow(f.emulator, 1), 60);
      f.emulator.tokens.expireAll();
      const info = await f.api.getLivingInfo(livingid);
      assert.equal(info.living_info.theme, '过期');
      assert.equal(f.emulator.countCalls('gettoken'), 2);
      assert.equal(f.api.getApiStats().tokenStats.refreshes, 1);
    } finally {
      await f.close();
    }
  });

  it('refreshes ahead of expiry once per token, and after expiry fetches anew without a failed call', async () => {
    const f = await startClient();
    try {
      await f.api.getApiDomainIp();
      f.emulator.clock.advance(7000_000); // 200 s before the 7200 s lifetime ends: inside the 300 s refresh window
      for (let i = 0; i < 20; i++) await f.api.getApiDomainIp();
      await new Promise((resolve) => setTimeout(resolve, 50));
      // WeCom hands out the same token while it is valid: one ahead-refresh, not one per call in the window.
      assert.equal(f.emulator.countCalls('gettoken'), 2);
      f.emulator.clock.advance(300_000); // the token has now expired
      await f.api.getApiDomainIp();
      assert.equal(f.emulator.countCalls('gettoken'), 3);
      assert.equal(f.api.getApiStats().errorCalls, 0);
    } finally {
      await f.close();
    }
  });

  it('fails loudly when the fresh token is refused too: one refresh, not a loop', async () => {
    const f = await startClient();
    try {
      await f.api.getApiDomainIp();
      f.emulator.faults.failNext('get_api_domain_ip', 40014, 2, 'invalid access_token');
      const error = await f.api.getApiDomainIp().catch((e: unknown) => e);
      assert.ok(error instanceof WeComApiError);
      assert.equal(error.errcode, 40014);
      assert.equal(f.emulator.countCalls('gettoken'), 2);
      assert.equal(f.emulator.countCalls('get_api_domain_ip'), 3);
    } finally {
      await f.close();
    }
  });

  it('a wrong secret does not hammer gettoken: concurrent and repeated calls share one refusal', async () => {
    const f = await startClient({}, {}, 'wrong-secret');
    try {
      const errors = await Promise.all(Array.from({ length: 50 }, () => f.api.getApiDomainIp().catch((e: unknown) => e)));
      assert.ok(errors.every((e) => e instanceof WeComApiError && e.errcode === 40001 && e.endpoint === 'gettoken'));
      for (let i = 0; i < 20; i++) await f.api.getApiDomainIp().catch(() => undefined);
      assert.equal(f.emulator.countCalls('gettoken'), 1);
      assert.equal(await f.api.testConnection(), false);
      f.emulator.clock.advance(61_000); // after the 60 s cooldown, one new attempt
      assert.equal(await f.api.testConnection(), false);
      assert.equal(f.emulator.countCalls('gettoken'), 2);
    } finally {
      await f.close();
    }
  });

  it('a wrong corpid is reported as 40013', async () => {
    const f = await startClient();
    try {
      const api = new WeComApi('wwWrongCorp', f.emulator.corpsecret, { baseURL: f.emulator.url, logger: silent });
      const error = await api.getApiDomainIp().catch((e: unknown) => e);
      assert.ok(error instanceof WeComApiError);
      assert.equal(error.errcode, 40013);
      assert.match(error.hint, /企业ID/);
    } finally {
      await f.close();
    }
  });
});

describe('TokenManager', () => {
  const options = (fetchToken: () => Promise<{ access_token: string; expires_in: number }>) => ({
    corpid: 'ww1',
    corpsecret: 'secret',
    store: new MemoryTokenStore(),
    clock: new ManualClock(1_000_000),
    fetchToken,
    refreshAheadMs: 0,
    failureCooldownMs: 60_000,
  });

  it('invalidating an old token keeps the fresh one another call fetched meanwhile', async () => {
    let n = 0;
    const manager = new TokenManager(options(async () => ({ access_token: `t${++n}`, expires_in: 7200 })));
    const old = await manager.get();
    await manager.invalidate(old);
    const fresh = await manager.get();
    assert.equal(fresh, 't2');
    await manager.invalidate(old); // a late call that failed with t1 reports it
    assert.equal(await manager.get(), 't2');
    assert.equal(n, 2);
  });

  it('never puts the secret in its store key', () => {
    const manager = new TokenManager(options(async () => ({ access_token: 't', expires_in: 1 })));
    assert.doesNotMatch(manager.key, /secret/);
    assert.match(manager.key, /^wecom:token:ww1:[0-9a-f]{16}$/);
  });
});
