import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemClock } from '../../src/clock.js';
import { createLogger } from '../../src/log.js';
import { connectRedis, type RedisConnection } from '../../src/redis/connection.js';
import { RedisExpiringStore } from '../../src/redis/expiring.js';
import { sleep } from '../support/bot.js';
import { startRedis, type RedisServer } from '../support/redis.js';

describe('RedisExpiringStore on a real redis-server', () => {
  let redis: RedisServer;
  let connection: RedisConnection;
  before(async () => {
    redis = await startRedis();
    connection = connectRedis(redis.url, createLogger('silent'));
    while (!connection.isUp()) await sleep(20);
  });
  after(async () => {
    await connection.close();
    await redis.close();
  });

  it('a write Redis does not take is read back from this process, never the older value Redis still holds', async () => {
    const store = new RedisExpiringStore<{ done: boolean; content: string }>(connection, 'test:stream:', systemClock);
    await store.set('s1', { done: false, content: '处理中…' }, 60_000);
    assert.deepEqual(await store.get('s1'), { done: false, content: '处理中…' });
    redis.pause();
    try {
      await store.set('s1', { done: true, content: '结果' }, 60_000);
      assert.deepEqual(await store.get('s1'), { done: true, content: '结果' }, 'while Redis hangs');
    } finally {
      redis.resume();
    }
    while (!connection.isUp()) await sleep(20);
    assert.deepEqual(await store.get('s1'), { done: true, content: '结果' }, 'after it answers again, before the next write');
    await store.set('s1', { done: true, content: '再写一次' }, 60_000);
    assert.deepEqual(await store.get('s1'), { done: true, content: '再写一次' });
    assert.equal(await connection.client.get('test:stream:s1'), JSON.stringify({ done: true, content: '再写一次' }), 'in Redis');
  });
});
