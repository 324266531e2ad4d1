import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WeComApiError, WeComHttpError } from '../../src/wecom/errors.js';
import { DEFAULT_RETRY_POLICY, retryDelay } from '../../src/wecom/retry.js';
import { hoursFromNow, startClient } from '../support/client.js';

describe('retries against the emulator', () => {
  it('retries a busy read (-1) and succeeds', async () => {
    const f = await startClient();
    try {
      const { livingid } = await f.api.createLive('a', '重试', hoursFromNow(f.emulator, 1), 60);
      f.emulator.faults.failNext('living/get_living_info', -1, 2, 'system busy');
      const info = await f.api.getLivingInfo(livingid);
      assert.equal(info.living_info.theme, '重试');
      assert.equal(f.emulator.countCalls('living/get_living_info'), 3);
      const stats = f.api.getApiStats().endpoints['living/get_living_info'];
      assert.equal(stats?.retries, 2);
      assert.equal(stats?.errors, 0);
    } finally {
      await f.close();
    }
  });

  it('retries a read after HTTP 502, a dropped connection and a timeout', async () => {
    const f = await startClient({ timeoutMs: 150 });
    try {
      await f.api.getApiDomainIp();
      f.emulator.faults.httpStatus('get_api_domain_ip', 502);
      f.emulator.faults.reset('get_api_domain_ip');
      f.emulator.faults.delay('get_api_domain_ip', 400, 1);
      await f.api.getApiDomainIp();
      assert.equal(f.emulator.countCalls('get_api_domain_ip'), 5);
      assert.equal(f.api.getApiStats().endpoints.get_api_domain_ip?.retries, 3);
    } finally {
      await f.close();
    }
  });

  it('gives up on a read after its retry budget, with the last error', async () => {
    const f = await startClient({ retry: { maxRetries: 2, baseDelayMs: 1 } });
    try {
      await f.api.getApiDomainIp();
      f.emulator.faults.failNext('get_api_domain_ip', 45009, 10, 'api freq out of limit');
      const error = await f.api.getApiDomainIp().catch((e: unknown) => e);
      assert.ok(error instanceof WeComApiError);
      assert.equal(error.errcode, 45009);
      assert.equal(f.emulator.countCalls('get_api_domain_ip'), 4, 'one success, then 1 attempt + 2 retries');
    } finally {
      await f.close();
    }
  });

  it('never retries living/create when the outcome is unknown: one live, and the error says so', async () => {
    const f = await startClient();
    try {
      await f.api.getApiDomainIp();
      f.emulator.faults.loseResponse('living/create');
      const error = await f.api.createLive('a', '不重发', hoursFromNow(f.emulator, 1), 60).catch((e: unknown) => e);
      assert.ok(error instanceof WeComHttpError);
      assert.equal(error.outcomeUnknown, true);
      assert.equal(error.endpoint, 'living/create');
      assert.equal(f.emulator.countCalls('living/create'), 1);
      assert.equal(f.emulator.lives.size, 1, 'WeCom did create it; the client did not create a second');

      f.emulator.faults.httpStatus('living/create', 504);
      await assert.rejects(f.api.createLive('a', '网关超时', hoursFromNow(f.emulator, 1), 60), WeComHttpError);
      f.emulator.faults.failNext('living/create', -1);
      await assert.rejects(f.api.createLive('a', '系统繁忙', hoursFromNow(f.emulator, 1), 60), WeComApiError);
      assert.equal(f.emulator.countCalls('living/create'), 3, 'no create was sent twice');
    } finally {
      await f.close();
    }
  });

  it('does retry living/create when WeCom refused it before doing anything (45009, connection refused)', async () => {
    const f = await startClient();
    try {
      await f.api.getApiDomainIp();
      f.emulator.faults.failNext('living/create', 45009);
      const { livingid } = await f.api.createLive('a', '限频后成功', hoursFromNow(f.emulator, 1), 60);
      assert.ok(livingid);
      assert.equal(f.emulator.countCalls('living/create'), 2);
      assert.equal(f.emulator.lives.size, 1);
    } finally {
      await f.close();
    }
  });

  it('reports an unreachable WeCom as a WeComHttpError whose request never left', async () => {
    const f = await startClient({ retry: { maxRetries: 1, baseDelayMs: 1 } });
    await f.close();
    const error = await f.api.getApiDomainIp().catch((e: unknown) => e);
    assert.ok(error instanceof WeComHttpError);
    assert.equal(error.outcomeUnknown, false);
    assert.equal(error.cause.code, 'ECONNREFUSED');
    assert.equal(await f.api.testConnection(), false);
  });

  it('turns an answer that is not WeCom JSON into a WeComHttpError', async () => {
    const f = await startClient({ retry: { maxRetries: 0 } });
    try {
      f.emulator.faults.httpStatus('gettoken', 200);
      const error = await f.api.getApiDomainIp().catch((e: unknown) => e);
      assert.ok(error instanceof WeComHttpError);
      assert.equal(error.message, 'gettoken failed: answer is not JSON');
    } finally {
      await f.close();
    }
  });
});

describe('retryDelay ladder', () => {
  const api = (errcode: number) => new WeComApiError('x', errcode, '');
  const http = (outcomeUnknown: boolean, status?: number) => new WeComHttpError('x', 'e', new Error('e'), status, outcomeUnknown);
  const ctx = { retries: 0, elapsedMs: 0, random: 0.5 };
  const table: Array<[string, unknown, boolean, boolean]> = [
    ['-1 on a read', api(-1), true, true],
    ['-1 on a create', api(-1), false, false],
    ['45009 on a create', api(45009), false, true],
    ['45033 on a read', api(45033), true, true],
    ['48002 (permission) on a read', api(48002), true, false],
    ['40001 (configuration) on a read', api(40001), true, false],
    ['connection refused on a create', http(false), false, true],
    ['timeout on a create', http(true), false, false],
    ['timeout on a read', http(true), true, true],
    ['502 on a read', http(true, 502), true, true],
    ['404 on a read', http(true, 404), true, false],
    ['a programming error', new TypeError('x'), true, false],
  ];
  for (const [name, error, idempotent, retried] of table) {
    it(`${retried ? 'retries' : 'does not retry'} ${name}`, () => {
      const delay = retryDelay(DEFAULT_RETRY_POLICY, error, { ...ctx, idempotent });
      assert.equal(delay !== null, retried);
    });
  }

  it('backs off exponentially with jitter, capped, within the budget', () => {
    const policy = { maxRetries: 10, baseDelayMs: 100, maxDelayMs: 1000, budgetMs: 5000 };
    const at = (retries: number, random: number, elapsedMs = 0) =>
      retryDelay(policy, api(-1), { retries, elapsedMs, idempotent: true, random });
    assert.equal(at(0, 0.999), 99);
    assert.equal(at(2, 0.999), 399);
    assert.equal(at(6, 0.999), 999, 'capped at maxDelayMs');
    assert.equal(at(1, 0), 0, 'full jitter reaches 0');
    assert.equal(at(1, 0.999, 4950), 50, 'never sleeps past the budget');
    assert.equal(at(1, 0.5, 5000), null, 'no retry once the budget is spent');
    assert.equal(at(10, 0.5), null, 'no retry past maxRetries');
  });
});

describe('retry policy: by the class of the failure', async () => {
  const { retryDelay, DEFAULT_RETRY_POLICY } = await import('../../src/wecom/retry.js');
  const errors = await import('../../src/wecom/errors.js');
  const c = (code: string) => Object.assign(new Error(code), { code });
  const ctx = (idempotent: boolean) => ({ retries: 0, elapsedMs: 0, idempotent, random: 0.5 });
  const cases: Array<[string, InstanceType<typeof errors.WeComHttpError>, boolean, boolean]> = [
    ['a proxy that cannot be reached (nothing sent)', new errors.WeComProxyError('x', 'proxy down', c('ECONNREFUSED'), false, '127.0.0.1:3128'), true, true],
    ['a network error before sending', new errors.WeComNetworkError('x', 'refused', c('ECONNREFUSED'), undefined, false), true, true],
    ['a timeout', new errors.WeComTimeoutError('x', 'timed out', c('ETIMEDOUT'), undefined, true), true, false],
    ['a 502', new errors.WeComStatusError('x', 'HTTP 502', c('HTTP 502'), 502, true), true, false],
    ['a 404', new errors.WeComStatusError('x', 'HTTP 404', c('HTTP 404'), 404, true), false, false],
    ['an unreadable answer', new errors.WeComBadResponseError('x', 'not JSON', c('invalid JSON'), 200, true), true, false],
  ];
  for (const [what, error, readRetried, writeRetried] of cases) {
    it(`${what}: a read is ${readRetried ? '' : 'not '}retried, a write ${writeRetried ? 'is' : 'is never'}`, () => {
      assert.equal(retryDelay(DEFAULT_RETRY_POLICY, error, ctx(true)) !== null, readRetried);
      assert.equal(retryDelay(DEFAULT_RETRY_POLICY, error, ctx(false)) !== null, writeRetried);
    });
  }
});
