import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AudienceStore, type AudienceRecord } from '../../src/audience/store.js';
import { systemClock } from '../../src/clock.js';
import { RedisExpiringStore } from '../../src/redis/expiring.js';
import { RedisOnceClaims } from '../../src/redis/once-claims.js';
import { RedisSendQuota } from '../../src/redis/send-quota.js';
import { useSharedRedis } from '../support/redis.js';

/** Two instances sharing a real redis-server: one audience, one daily quota, one nudge a day. */
describe('audiences, the daily quota and once-a-day claims on a real redis-server', () => {
  const connections = useSharedRedis(2);
  const stores = () => connections.map((c) => new AudienceStore(new RedisExpiringStore<AudienceRecord>(c, 'wecom:audience:', systemClock), new RedisOnceClaims(c)));

  it('an audience one instance invited is the audience the other reads', async () => {
    const [a, b] = stores();
    const record: AudienceRecord = {
      livingid: 'lvShared01',
      theme: '新人培训',
      parts: [{ kind: 'department', id: '2', label: '销售部' }],
      members: [{ userid: 'zhangsan', name: '张三', departments: [2] }],
      outside: [],
      unknown: [],
      invited: { sent: 1, refused: 0, heldBack: 0, at: 1 },
      invitedKeys: ['zhangsan'],
      nudges: [],
    };
    await a!.put(record);
    assert.deepEqual(await b!.get('lvShared01'), record);
  });

  it('one nudge a day per live across instances; unverified while Redis is unreachable', async () => {
    const [a, b] = stores();
    assert.equal(await a!.claims.claim('nudge:lvShared01:2026-11-27', 60_000), 'first');
    assert.equal(await b!.claims.claim('nudge:lvShared01:2026-11-27', 60_000), 'taken');
    assert.equal(await b!.claims.claim('nudge:lvShared01:2026-11-28', 60_000), 'first', 'the next day is another claim');
    const down = { url: 'redis://127.0.0.1:1', client: connections[0]!.client, commandTimeoutMs: 50, isUp: () => false, close: async () => undefined };
    assert.equal(await new RedisOnceClaims(down).claim('nudge:x:2026-11-29', 60_000), 'unverified');
  });

  it('the daily quota is one counter for every instance: what one used, the other cannot', async () => {
    const [a, b] = connections.map((c) => new RedisSendQuota(c, 1500));
    assert.equal(await a!.take(1000, '2026-11-25'), 1000);
    assert.equal(await b!.take(1000, '2026-11-25'), 500, 'only what is left');
    assert.equal(await a!.take(10, '2026-11-25'), 0);
    assert.equal(await b!.left('2026-11-25'), 0);
    assert.equal(await a!.take(1000, '2026-11-26'), 1000, 'a new day');
  });
});
