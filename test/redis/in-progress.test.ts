import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RedisInProgress } from '../../src/redis/in-progress.js';
import { sleep } from '../support/bot.js';
import { useSharedRedis } from '../support/redis.js';

describe('the 智能机器人’s in-progress bound on a real redis-server', () => {
  const connections = useSharedRedis(2);

  it('counts a member across instances, comparing userids as WeCom does', async () => {
    const [a, b] = connections.map((c) => new RedisInProgress(c, 60_000));
    assert.equal(await a!.enter('ZhangSan', 3), true);
    assert.equal(await b!.enter('zhangsan', 3), true);
    assert.equal(await a!.enter('ZHANGSAN', 3), true);
    assert.equal(await b!.enter('zhangsan', 3), false, 'the fourth, on the other instance, waits');
    assert.equal(await b!.enter('\u212Aim', 3), true, 'the Kelvin sign is not a k');
    await a!.leave('zhangsan');
    assert.equal(await b!.enter('zhangsan', 3), true, 'one finished: one more may start');
  });

  it('a count nobody gave back (the instance died) lapses', async () => {
    const dying = new RedisInProgress(connections[0]!, 200);
    for (let i = 0; i < 3; i++) assert.equal(await dying.enter('lisi', 3), true);
    assert.equal(await dying.enter('lisi', 3), false);
    await sleep(300);
    assert.equal(await new RedisInProgress(connections[1]!, 200).enter('lisi', 3), true);
  });
});
