// 我的直播 folds a series: one row for what is to come, one for what has ended, every session on air.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ListedLive } from '../../src/cards/list.js';
import { byWhatMatters, foldSeries } from '../../src/commands/list.js';

const session = (n: number, status: number, seriesId = 'srA'): ListedLive => ({
  livingid: `lv${seriesId}${n}`,
  theme: '周会',
  living_start: 1_800_000_000 + n * 7 * 86400,
  status,
  series: { seriesId, index: n, of: 8 },
});

describe('我的直播 folds each series', () => {
  it('keeps the next session to come (counting the rest), the latest ended one, and lives outside any series', () => {
    const lives = [session(1, 2), session(2, 2), session(3, 1), session(4, 0), session(5, 0), session(6, 0), session(1, 0, 'srB'), session(2, 0, 'srB')];
    lives.push({ livingid: 'lvAlone', theme: '发布会', living_start: 1_800_000_000, status: 0 });
    const rows = foldSeries(lives.sort(byWhatMatters));
    assert.deepEqual(rows.map((r) => `${r.livingid} ${r.series?.later ?? ''}`.trim()), ['lvsrA3', 'lvAlone', 'lvsrB1 1', 'lvsrA4 2', 'lvsrA2']);
  });

  it('keeps a row for each kind of ended session: 取消系列 hides no session that took place', () => {
    const lives = [session(1, 2), session(2, 2), session(3, 4), session(4, 4), session(5, 4)];
    const rows = foldSeries(lives.sort(byWhatMatters));
    assert.deepEqual(rows.map((r) => `${r.livingid} ${r.status}`).sort(), ['lvsrA2 2', 'lvsrA5 4']);
  });

  it('leaves the lives it was given untouched (the same list serves the search by description)', () => {
    const lives = [session(1, 0), session(2, 0)];
    foldSeries(lives);
    assert.equal(lives[0]!.series?.later, undefined);
  });
});
