// An invitation to thousands goes out 1,000 members a call; who was reached is stored after every call, so a run that
// dies mid-send (the message is then run again by another instance) sends again to one batch at most.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Audiences } from '../../src/audience/audiences.js';
import { DirectoryNames } from '../../src/audience/directory-names.js';
import { MemorySendQuota } from '../../src/audience/quota.js';
import { AudienceStore, MemoryOnceClaims, type AudienceRecord } from '../../src/audience/store.js';
import { MemoryExpiringStore } from '../../src/expiring.js';
import { createLogger } from '../../src/log.js';
import { startClient } from '../support/client.js';

/** A store whose writes fail from the `failAt`-th on: the instance died there. */
class DyingStore extends MemoryExpiringStore<AudienceRecord> {
  writes = 0;
  failAt = Number.POSITIVE_INFINITY;
  override async set(key: string, value: AudienceRecord, ttlMs: number): Promise<void> {
    if (++this.writes >= this.failAt) throw new Error('instance died');
    return super.set(key, value, ttlMs);
  }
}

describe('an invitation interrupted halfway', () => {
  let f: Awaited<ReturnType<typeof startClient>>;
  before(async () => {
    f = await startClient();
    f.emulator.messages.perMemberPerMinute = Number.MAX_SAFE_INTEGER;
    f.emulator.directory.addDepartment(2, '全员');
    for (let i = 0; i < 2500; i++) f.emulator.directory.add(`m${i}`, `成员${i}`, [2]);
  });
  after(() => f.close());

  it('is finished by the next run for the members it had not reached, each member invited once', async () => {
    const records = new DyingStore(f.emulator.clock);
    const audiences = new Audiences({
      api: f.api,
      store: new AudienceStore(records, new MemoryOnceClaims(f.emulator.clock)),
      directory: new DirectoryNames(f.api, f.emulator.clock),
      quota: new MemorySendQuota(1_000_000),
      clock: f.emulator.clock,
      settings: { timezone: 'Asia/Shanghai', completionPercent: 80 },
      log: createLogger('silent'),
    });
    const live = { livingid: 'lvProgress01', theme: '全员培训', living_start: Math.floor(f.emulator.clock.now() / 1000) + 3600 };
    const parts = [{ kind: 'department' as const, id: '2', label: '全员' }];
    const body = { msgtype: 'text' as const, text: { content: '邀请' } };
    // The second batch's record is never written: the instance died after the second call to message/send.
    records.failAt = 2;
    await assert.rejects(audiences.invite(live, parts, body), /instance died/);
    const sentBefore = f.emulator.messages.sends.reduce((n, s) => n + s.recipients, 0);
    assert.equal(sentBefore, 2000);
    records.failAt = Number.POSITIVE_INFINITY;
    const again = await audiences.invite(live, parts, body);
    const sent = f.emulator.messages.sends.reduce((n, s) => n + s.recipients, 0);
    // The first batch was recorded; the second was sent but its record lost: those 1,000 get it again (at most one
    // batch ever does), the 1,000 of the first do not, and the last 500 get it once.
    assert.equal(again.record.members.length, 2500);
    assert.equal(sent - sentBefore, 1500);
  });
});
