import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionOf, requiredSeconds } from '../../src/audience/completion.js';
import { invitationNames } from '../../src/audience/invitation.js';

describe('what an invitation names, as members write it', () => {
  const table: Array<[string, ReturnType<typeof invitationNames>]> = [
    ['销售部、标签:新员工 zhangsan', [{ name: '销售部' }, { kind: 'tag', name: '新员工' }, { name: 'zhangsan' }]],
    ['研发部 和 测试部', [{ name: '研发部' }, { name: '测试部' }]],
    ['研发部和测试部', [{ name: '研发部' }, { name: '测试部' }]],
    ['部门：华东/销售部，#新员工；@李四', [{ kind: 'department', name: '华东/销售部' }, { kind: 'tag', name: '新员工' }, { kind: 'member', name: '李四' }]],
    ['全体销售部的同事', [{ name: '销售部' }]],
    ['「质量部」。', [{ name: '质量部' }]],
    ['ｚｈａｎｇｓａｎ，ＬｉＳｉ', [{ name: 'zhangsan' }, { name: 'LiSi' }]],
  ];
  for (const [text, names] of table) it(JSON.stringify(text), () => assert.deepEqual(invitationNames(text), names));
});

describe('completion: the rule, the states, by department', () => {
  it('80% of an hour is 48 minutes; a one-minute live still asks for a minute', () => {
    assert.equal(requiredSeconds(3600, 80), 2880);
    assert.equal(requiredSeconds(30, 80), 60);
  });

  it('completed at the rule, partly below it, none without watch time; viewers not invited are counted apart', () => {
    const members = [
      { userid: 'ZhangSan', name: '张三', departments: [2] },
      { userid: 'lisi', name: '李四', departments: [3] },
      { userid: 'wangwu', name: '王五', departments: [3] },
      { userid: 'zhangsan', name: '张三', departments: [2] },
    ];
    const watched = new Map([['zhangsan', 2880], ['lisi', 2879], ['outsider', 100]]);
    const c = completionOf(members, watched, 3600, 80, (id) => ({ 2: '销售部', 3: '研发部' })[id] ?? '?');
    assert.deepEqual(c.totals, { invited: 3, completed: 1, partly: 1, none: 1 }, 'ZhangSan and zhangsan are one member');
    assert.deepEqual(c.members.map((m) => m.state), ['completed', 'partly', 'none']);
    assert.deepEqual(c.byDepartment.map((d) => [d.name, d.invited, d.completed]), [['研发部', 2, 0], ['销售部', 1, 1]]);
    assert.equal(c.uninvitedViewers, 1);
  });
});
