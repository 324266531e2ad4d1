/** SANDBOX_SEED=demo: a few lives in every state, with watch stats, so every command has something to show. */
import type { WeComEmulator } from '../emulator/server.js';

export function seedDemo(emulator: WeComEmulator): void {
  const now = Math.floor(emulator.clock.now() / 1000);
  const create = (anchor: string, theme: string, startOffset: number, duration: number, description = '') => {
    // Created in the future (as WeCom requires), then moved to where the demo wants it.
    const live = emulator.lives.create({ anchor_userid: anchor, theme, living_start: now + 3600, living_duration: duration, type: 3, description });
    live.living_start = now + startOffset;
    live.reserve_start = live.living_start;
    return live;
  };
  const viewers = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => ({ userid: `emp${seed}${i}`, watch_time: 300 + ((i * 137) % 3000), is_comment: i % 4 === 0 ? 1 : 0, is_mic: i % 25 === 0 ? 1 : 0 }));

  // The directory user/get reads: the sandbox's members and every seeded viewer have names, but for one member
  // outside the app's visible range (60011), who appears in the attendance sheet by userid.
  const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
  const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';
  const nameOf = (seed: number, i: number) => `${SURNAMES[(i * 7 + seed) % SURNAMES.length]}${GIVEN[(i * 11 + seed) % GIVEN.length]}${i % 3 === 0 ? GIVEN[(i * 5) % GIVEN.length] : ''}`;
  // 销售部 (emp1…), 安全生产部 and 质量部 under 生产中心 (emp3…); emp2… in the root department.
  emulator.directory.addDepartment(19, '生产中心', 1);
  emulator.directory.addDepartment(20, '安全生产部', 19);
  emulator.directory.addDepartment(21, '质量部', 19);
  emulator.directory.addDepartment(22, '销售部', 1);
  const departmentOf = (seed: number, i: number) => (seed === 1 ? [22] : seed === 3 ? [i < 200 ? 20 : 21] : [1]);
  for (const seed of [1, 2, 3]) {
    for (let i = 0; i < 400; i++) emulator.directory.add(`emp${seed}${i}`, nameOf(seed, i), departmentOf(seed, i));
  }
  emulator.directory.hide('emp30');
  // A tag, so a training can be run from the chat: 邀请 <ID> 生产中心 标签:新员工, 完成情况, 催看.
  emulator.directory.addTag(30, '新员工', Array.from({ length: 50 }, (_, i) => `emp2${i}`));

  // An ended 企业培训 with a few hundred viewers over several pages of get_watch_stat: try 导出观看统计 on it.
  const training = create('zhangsan', '安全合规培训', -86400, 7200, '年度必修课');
  emulator.lives.addViewers(training.livingid, viewers(320, 3), [
    { external_userid: 'wmDemo3', type: 1, name: '外部讲师', watch_time: 7000, is_comment: 1, is_mic: 1 },
  ]);
  // A third of 安全生产部 watched (nearly) all of it: 完成情况 has some completed, some partly, some not at all.
  for (let i = 0; i < 120; i += 2) emulator.lives.watchMore(training.livingid, `emp3${i}`, 6000);
  const ended = create('zhangsan', '产品发布会', -2 * 86400, 5400, '季度新品发布');
  emulator.lives.addViewers(ended.livingid, viewers(126, 1), [
    { external_userid: 'wmDemo1', type: 1, name: '客户A', watch_time: 3200, is_comment: 1, is_mic: 0 },
    { external_userid: 'wmDemo2', type: 2, name: '合作伙伴B', watch_time: 1800, is_comment: 0, is_mic: 0 },
  ]);
  const live = create('lisi', '新人培训', -20 * 60, 7200, '入职第一周');
  emulator.lives.addViewers(live.livingid, viewers(18, 2));
  create('zhangsan', '周会', 86400, 3600, '本周进展同步');
  create('zhangsan', '技术分享', 3 * 86400, 5400);
}
