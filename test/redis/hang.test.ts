import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { createLogger } from '../../src/log.js';
import { connectRedis, type RedisConnection } from '../../src/redis/connection.js';
import { sleep, startBot, waitForMessages, type BotFixture } from '../support/bot.js';
import { startRedis, type RedisServer } from '../support/redis.js';

const waitUntil = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 8000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
};

/** A Redis that hangs or refuses writes is "down": the bot answers WeCom at once from its in-process stores. */
describe('a Redis that hangs or is out of memory', () => {
  let redis: RedisServer;
  let connection: RedisConnection;
  let f: BotFixture;
  before(async () => {
    redis = await startRedis();
    connection = connectRedis(redis.url, createLogger('silent'), undefined, { commandTimeoutMs: 300, probeIntervalMs: 200 });
    await waitUntil('Redis', connection.isUp);
    f = await startBot({ redis: connection });
  });
  after(async () => {
    redis.resume();
    await f.close();
    await connection.close();
    await redis.close();
  });

  const health = async () => (await (await fetch(`${f.url}/healthz`)).json()) as { status: string; redis?: string; problems?: string[] };
  const redisUp = async () => /^wecom_bot_redis_up (\d)/m.exec(await (await fetch(`${f.url}/metrics`)).text())?.[1];

  it('SIGSTOP: callbacks are still answered at once, /healthz says degraded and redis_up is 0; SIGCONT brings it back', async () => {
    assert.equal((await health()).status, 'ok');
    redis.pause();
    try {
      const times: number[] = [];
      for (let i = 0; i < 10; i++) {
        const t0 = performance.now();
        const { answers } = await f.emulator.callbacks.sendText(`hang${i}`, '帮助');
        times.push(performance.now() - t0);
        assert.equal(answers[0]?.status, 200);
      }
      // WeCom gives up after 5 s; with a command timeout the first callback waits for it once at most.
      console.log(`callbacks while Redis hangs: slowest ${Math.max(...times).toFixed(0)} ms, median ${[...times].sort((a, b) => a - b)[5]!.toFixed(0)} ms`);
      await waitForMessages(f.emulator, 'hang9', 1);
      await waitUntil('degraded', async () => (await health()).status === 'degraded');
      assert.deepEqual((await health()).problems, ['redis: not answering (in-process fallbacks in use)']);
      assert.equal(await redisUp(), '0');
    } finally {
      redis.resume();
    }
    await waitUntil('back to ok', async () => (await health()).status === 'ok');
    assert.equal(await redisUp(), '1');
    const { answers } = await f.emulator.callbacks.sendText('after-hang', '帮助');
    assert.equal(answers[0]?.status, 200);
    await waitForMessages(f.emulator, 'after-hang', 1);
  });

  it('maxmemory with noeviction (writes refused) counts as down, and back up when memory is freed', async () => {
    const admin = new Redis(redis.url);
    try {
      await admin.config('SET', 'maxmemory-policy', 'noeviction');
      // A limit below what Redis already holds: it answers reads and PING, and refuses every write with OOM.
      await admin.config('SET', 'maxmemory', '1mb');
      await assert.rejects(admin.set('probe-by-test', '1'), /OOM/);
      await waitUntil('degraded', async () => (await health()).status === 'degraded');
      assert.equal(await redisUp(), '0');
      const { answers } = await f.emulator.callbacks.sendText('oom', '帮助');
      assert.equal(answers[0]?.status, 200);
      await waitForMessages(f.emulator, 'oom', 1);
    } finally {
      await admin.config('SET', 'maxmemory', '0');
      await admin.flushall().catch(() => undefined);
      admin.disconnect();
    }
    await waitUntil('back to ok', async () => (await health()).status === 'ok');
  });
});
