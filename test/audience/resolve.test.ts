import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveAudience } from '../../src/audience/resolve.js';
import { startClient } from '../support/client.js';

describe('resolving an invited audience through the directory (over real HTTP, against the emulator)', () => {
  let f: Awaited<ReturnType<typeof startClient>>;
  before(async () => {
    f = await startClient();
    const d = f.emulator.directory;
    d.addDepartment(2, '销售部');
    d.addDepartment(3, '华南销售', 2);
    d.addDepartment(4, '研发部');
    d.addDepartment(5, '保密项目组', 4);
    d.add('zhangsan', '张三', [2]);
    d.add('lisi', '李四', [3]);
    d.add('wangwu', '王五', [4]);
    d.add('zhaoliu', '赵六', [3, 4]);
    d.add('sunqi', '孙七', [5]);
    d.addTag(7, '新员工', ['wangwu'], [3]);
    d.setVisibleRange({ departments: [2, 4] });
    d.forget('ghost');
  });
  after(() => f.close());

  it('a department brings every department below it; a tag its members and departments; members once each', async () => {
    const audience = await resolveAudience(f.api, { departments: [2], tags: [7], userids: ['ZhangSan'] });
    assert.deepEqual([...audience.members.keys()].sort(), ['lisi', 'wangwu', 'zhangsan', 'zhaoliu']);
    assert.deepEqual(audience.members.get('zhaoliu')?.departments, [3, 4]);
    assert.deepEqual([audience.outside, audience.unknown], [[], []]);
  });

  it('names what the app may not see and what does not exist, and keeps the rest', async () => {
    f.emulator.directory.setVisibleRange({ departments: [2] });
    try {
      const audience = await resolveAudience(f.api, { departments: [2, 4, 99], tags: [98], userids: ['sunqi', 'ghost'] });
      assert.deepEqual([...audience.members.keys()].sort(), ['lisi', 'zhangsan', 'zhaoliu']);
      assert.deepEqual(audience.outside.sort(), ['sunqi', '部门 4']);
      assert.deepEqual(audience.unknown.sort(), ['ghost', '标签 98', '部门 99']);
    } finally {
      f.emulator.directory.setVisibleRange({ departments: [2, 4] });
    }
  });

  it('10,000 members over 200 departments: every one, once', async () => {
    const big = await startClient();
    try {
      const d = big.emulator.directory;
      d.addDepartment(100, '全员培训');
      for (let i = 0; i < 200; i++) d.addDepartment(1000 + i, `小组${i}`, 100);
      for (let i = 0; i < 10_000; i++) d.add(`member${i}`, `成员${i}`, [1000 + (i % 200)]);
      const started = performance.now();
      const audience = await resolveAudience(big.api, { departments: [100], tags: [], userids: [] });
      assert.equal(audience.members.size, 10_000);
      console.log(`10,000 members over 200 departments resolved in ${Math.round(performance.now() - started)} ms (${big.emulator.calls.filter((c) => c.path === 'user/simplelist').length} user/simplelist calls)`);
    } finally {
      await big.close();
    }
  });
});
