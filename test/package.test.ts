import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, it } from 'node:test';

const run = promisify(execFile);

describe('the package', () => {
  it('builds to dist/ and the README example runs as written against the emulator', async () => {
    await run('npm', ['run', 'build'], { timeout: 120_000 });
    const { stdout } = await run('npx', ['tsx', 'examples/usage.ts'], { timeout: 60_000, env: { ...process.env, WECOM_CORP_ID: '', WECOM_CORP_SECRET: '' } });
    assert.match(stdout, /直播ID: lv\S+/);
    assert.match(stdout, /主题: 产品发布会 状态: 0/);
    assert.match(stdout, /观看人数: 0/);
    assert.match(stdout, /取消失败: 40058 invalid livingid/);
    assert.match(stdout, /API调用: 7 成功率: 85\.7%/);
    assert.match(stdout, /"msg":"WeCom API stats"/);
  });
});
