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
