import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { hoursFromNow, startClient } from '../support/client.js';

describe('secrets stay secret', () => {
  it('no corpsecret or access_token in errors, logs or stats, whatever fails', async () => {
    const f = await startClient({ timeoutMs: 100, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const wrong = await startClient({}, {}, 'wrong-secret-value');
    try {
      const { livingid } = await f.api.createLive('a', '秘密', hoursFromNow(f.emulator, 1), 60);
      f.emulator.faults.loseResponse('living/create');
      f.emulator.faults.delay('living/get_watch_stat', 300, 2);
      f.emulator.faults.httpStatus('living/cancel', 500, 2);
      f.emulator.faults.failNext('living/get_living_info', 60020, 1, 'not allow to access from your ip');
      f.emulator.tokens.expireAll();
      const errors = await Promise.all(
        [
          f.api.createLive('a', '丢失', hoursFromNow(f.emulator, 1), 60),
          f.api.getWatchStat(livingid),
          f.api.cancelLiving(livingid),
          f.api.getLivingInfo(livingid),
          wrong.api.getApiDomainIp(),
        ].map((p) => p.then(() => assert.fail('the call succeeded'), (e: unknown) => e)),
      );
      f.api.logApiStats();

      const secrets = [f.emulator.corpsecret, 'wrong-secret-value', ...f.emulator.tokens.handedOut()];
      assert.ok(secrets.length >= 4, 'at least two access_tokens were handed out');
      const seen = [
        ...errors.map((e) => inspect(e, { depth: 10, showHidden: true })),
        ...errors.map((e) => JSON.stringify(e)),
        ...f.logs,
        ...wrong.logs,
        JSON.stringify(f.api.getApiStats()),
      ].join('\n');
      for (const secret of secrets) assert.ok(!seen.includes(secret), `a secret leaked: ${secret.slice(0, 4)}…`);
      assert.match(seen, /60020/, 'the errors themselves were captured');
      assert.match(seen, /企业可信IP/, 'with the hint for an admin');
      assert.match(seen, /timed out/);
      assert.match(seen, /HTTP 500/);
    } finally {
      await f.close();
      await wrong.close();
    }
  });

  it('an errmsg that echoes the token, the corpsecret, a key or proxy credentials is logged without them', async () => {
    const f = await startClient({ retry: { maxRetries: 0, baseDelayMs: 1 } });
    try {
      const { livingid } = await f.api.createLive('a', '回显', hoursFromNow(f.emulator, 1), 60);
      const [token] = f.emulator.tokens.handedOut();
      assert.ok(token);
      const echoed = `invalid request: access_token=${token}&corpsecret=${f.emulator.corpsecret} EncodingAESKey: abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG via http://relayuser:relaypass@10.0.0.1:3128 "token":"${token}"`;
      f.emulator.faults.failNext('living/get_living_info', 60020, 1, echoed);
      const error = await f.api.getLivingInfo(livingid).then(() => assert.fail('succeeded'), (e: unknown) => e);
      f.api.logApiStats();
      const seen = [inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error), ...f.logs, JSON.stringify(f.api.getApiStats())].join('\n');
      for (const secret of [token, f.emulator.corpsecret, 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'relaypass', 'relayuser:']) {
        assert.ok(!seen.includes(secret), `leaked: ${secret.slice(0, 6)}…`);
      }
      assert.match(seen, /access_token=\[redacted\]/, 'what was there is still said');
      assert.match(seen, /60020/);
    } finally {
      await f.close();
    }
  });
});
