import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WeComApiError, WeComValidationError } from '../../src/wecom/errors.js';
import { startClient } from '../support/client.js';

/** The directory calls an invited audience is resolved with, over real HTTP against the emulator (docs/wecom-protocol.md §3a). */
describe('WeComApi: the directory (部门, 成员, 标签) within the app’s visible range', () => {
  let f: Awaited<ReturnType<typeof startClient>>;
  before(async () => {
    f = await startClient();
    const d = f.emulator.directory;
    d.addDepartment(2, '销售部', 1, 10);
    d.addDepartment(3, '华南销售', 2, 5);
    d.addDepartment(4, '研发部', 1, 20);
    d.add('zhangsan', '张三', [2]);
    d.add('lisi', '李四', [3]);
    d.add('wangwu', '王五', [4]);
    d.add('zhaoliu', '赵六', [3, 4]);
    d.add('sunqi', '孙七', [4]);
    d.addTag(7, '新员工', ['lisi', 'wangwu'], [4]);
  });
  after(() => f.close());

  it('lists a department and every department below it; members one department at a time', async () => {
    const { department_id: all } = await f.api.listDepartments();
    assert.deepEqual(all.map((d) => d.id).sort(), [1, 2, 3, 4]);
    const { department_id: sales } = await f.api.listDepartments(2);
    assert.deepEqual(sales.map((d) => [d.id, d.parentid]), [[2, 1], [3, 2]]);
    const { userlist } = await f.api.listDepartmentMembers(3);
    assert.deepEqual(userlist.map((u) => [u.userid, u.name, u.department]), [['lisi', '李四', [3]], ['zhaoliu', '赵六', [3, 4]]]);
    const tag = await f.api.getTag(7);
    assert.equal(tag.tagname, '新员工');
    assert.deepEqual(tag.userlist.map((u) => u.userid), ['lisi', 'wangwu']);
    assert.deepEqual(tag.partylist, [4]);
  });

  it('names a department (department/get) and lists every tag (tag/list)', async () => {
    const { department } = await f.api.getDepartment(3);
    assert.deepEqual([department.id, department.name, department.parentid], [3, '华南销售', 2]);
    assert.deepEqual((await f.api.listTags()).taglist, [{ tagid: 7, tagname: '新员工' }]);
    const unknown = await f.api.getDepartment(99).catch((e: unknown) => e);
    assert.ok(unknown instanceof WeComApiError && unknown.errcode === 60123, String(unknown));
    f.emulator.directory.setVisibleRange({ departments: [2] });
    try {
      const outside = await f.api.getDepartment(4).catch((e: unknown) => e);
      assert.ok(outside instanceof WeComApiError && outside.errcode === 60011, String(outside));
    } finally {
      f.emulator.directory.setVisibleRange({ departments: [1] });
    }
  });

  it('outside the visible range: 60011, named by the errcode, never silently empty; unknown ones by their own codes', async () => {
    f.emulator.directory.setVisibleRange({ departments: [2], userids: ['wangwu'] });
    try {
      assert.deepEqual((await f.api.listDepartments()).department_id.map((d) => d.id), [2, 3], 'only what the app may see');
      const refused = await f.api.listDepartmentMembers(4).catch((e: unknown) => e);
      assert.ok(refused instanceof WeComApiError && refused.errcode === 60011, String(refused));
      const tag = await f.api.getTag(7);
      assert.deepEqual(tag.userlist.map((u) => u.userid), ['lisi', 'wangwu'], 'lisi through 销售部, wangwu by name');
      assert.deepEqual(tag.partylist, [], '研发部 is outside the range');
      const unknownDept = await f.api.listDepartmentMembers(99).catch((e: unknown) => e);
      assert.ok(unknownDept instanceof WeComApiError && unknownDept.errcode === 60123);
      const unknownTag = await f.api.getTag(99).catch((e: unknown) => e);
      assert.ok(unknownTag instanceof WeComApiError && unknownTag.errcode === 40068);
      assert.equal((await f.api.getUser('zhaoliu')).name, '赵六', 'in 华南销售, below 销售部: visible');
      const outside = await f.api.getUser('sunqi').catch((e: unknown) => e);
      assert.ok(outside instanceof WeComApiError && outside.errcode === 60011, 'only in 研发部: outside the range');
    } finally {
      f.emulator.directory.setVisibleRange({ departments: [1] });
    }
  });

  it('refuses an id that cannot be one before calling WeCom', async () => {
    const calls = f.emulator.calls.length;
    for (const call of [() => f.api.listDepartments(0), () => f.api.listDepartmentMembers(1.5), () => f.api.getTag(-1)]) {
      await assert.rejects(call(), WeComValidationError);
    }
    assert.equal(f.emulator.calls.length, calls);
  });
});
