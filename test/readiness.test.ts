import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Readiness } from '../src/readiness.js';
import { WeComApiError } from '../src/wecom/errors.js';
import { startBot, until, waitForMessages } from './support/bot.js';

const ready = async (url: string) => {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; wecom: { ok: boolean; reason?: string }; redis?: { ok: boolean; reason?: string } } };
};

describe('/readyz: WeCom reachable through the configured path, Redis when configured', () => {
  it('is ready while WeCom answers, and not ready, with the reason, when it does not; /healthz still says the process serves', async () => {
    const f = await startBot({
      tweak: (c) => {
        c.health = { readyCacheMs: 1, readyTimeoutMs: 400 };
        // After a refused secret the client waits this long before asking again (60 s in production).
        c.token = { ...c.token, failureCooldownSeconds: 0 };
      },
    });
    try {
      assert.deepEqual((await ready(f.url)).status, 200);
      assert.equal((await ready(f.url)).body.status, 'ready');

      f.emulator.faults.httpStatus('get_api_domain_ip', 502, 100);
      const bad = await ready(f.url);
      assert.equal(bad.status, 503);
      assert.match(bad.body.wecom.reason ?? '', /^wecom: .*502/);
      f.emulator.faults.clear();

      f.emulator.faults.delay('get_api_domain_ip', 3000, 1);
      const slow = await ready(f.url);
      assert.equal(slow.status, 503);
      assert.equal(slow.body.wecom.reason, 'wecom: no answer within 400 ms');
      f.emulator.faults.clear();

      // A revoked secret: the token runs out and gettoken is refused.
      f.emulator.tokens.expireAll();
      f.emulator.faults.failNext('gettoken', 40001, 100, 'invalid credential');
      const revoked = await ready(f.url);
      assert.equal(revoked.status, 503);
      assert.match(revoked.body.wecom.reason ?? '', /40001/);
      f.emulator.faults.clear();
      assert.equal((await ready(f.url)).status, 200, 'ready again once WeCom answers');
      assert.equal((await fetch(`${f.url}/healthz`)).status, 200, 'the process serves throughout');
    } finally {
      await f.close();
    }
  });

  it('is not ready when nothing listens where WeCom should be (connection refused)', async () => {
    const f = await startBot({ env: { WECOM_API_BASE_URL: 'http://127.0.0.1:1' }, tweak: (c) => (c.health = { readyCacheMs: 1, readyTimeoutMs: 2000 }) });
    try {
      const refused = await ready(f.url);
      assert.equal(refused.status, 503);
      assert.match(refused.body.wecom.reason ?? '', /^wecom: /);
    } finally {
      await f.close();
    }
  });

  it('reuses one check for its cache time, however often it is polled, and says when Redis is down', async () => {
    let calls = 0;
    let redisUp = true;
    const api = { checkConnection: async () => (calls++, { ok: true as const, ms: 1 }) };
    const readiness = new Readiness(api, { isUp: () => redisUp }, { cacheMs: 10_000, timeoutMs: 100 });
    await Promise.all(Array.from({ length: 50 }, () => readiness.report()));
    assert.equal(calls, 1, 'fifty polls, one call to WeCom');
    redisUp = false;
    const report = await readiness.report();
    assert.deepEqual(report, { ready: false, checks: { wecom: { ok: true, ms: 1 }, redis: { ok: false, reason: 'redis: not answering' } } });
    const failing = new Readiness({ checkConnection: async () => ({ ok: false as const, ms: 3, error: new WeComApiError('get_api_domain_ip', 60020, 'not allow to access from your ip, from ip: 1.2.3.4') }) }, undefined, { cacheMs: 1, timeoutMs: 100 });
    assert.match((await failing.report()).checks.wecom.reason ?? '', /60020|企业可信IP|1\.2\.3\.4/);
  });
});

describe('replies WeCom will not take', () => {
  it('are counted in /metrics, and logged as one line at once and a count after, not a line each', async () => {
    const f = await startBot({ tweak: (c) => (c.replies = { ...c.replies, unsentLogIntervalMs: 300 }) });
    try {
      await f.emulator.callbacks.sendText('zhangsan', '帮助');
      await waitForMessages(f.emulator, 'zhangsan', 1);
      f.emulator.faults.httpStatus('message/send', 500, 1000);
      for (let i = 0; i < 5; i++) await f.emulator.callbacks.sendText(`member${i}`, '帮助');
      const unsent = async () => Number(/^wecom_bot_replies_unsent_total (\d+)/m.exec(await (await fetch(`${f.url}/metrics`)).text())?.[1] ?? 0);
      for (let i = 0; i < 200 && (await unsent()) < 5; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(await unsent(), 5);
      const lines = () => f.logs.filter((l) => l.includes('reply could not be sent'));
      assert.equal(lines().length, 1, 'one line at once');
      await until(() => lines().length === 2, 3000);
      assert.match(lines()[1]!, /"more":4/);
    } finally {
      f.emulator.faults.clear();
      await f.close();
    }
  });
});
