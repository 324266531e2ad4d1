import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { WeComEmulator } from '../src/emulator/server.js';
import { assertNoSecrets, waitForMessages } from './support/bot.js';
import { emulatorEnv, startBotProcess } from './support/process.js';

describe('process entry (npm start)', () => {
  it('stops with a clear message when WeCom settings are missing or invalid', async () => {
    const run = async (env: Record<string, string>) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: { PATH: process.env.PATH ?? '', ...env } });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const [code] = await once(child, 'exit');
      return { code, err };
    };
    const partial = await run({ WECOM_CORP_ID: 'ww1' });
    assert.equal(partial.code, 1);
    assert.match(partial.err, /WECOM_CORP_SECRET: missing/);
    const badKey = await run({ WECOM_CORP_ID: 'ww1', WECOM_CORP_SECRET: 's', WECOM_AGENT_ID: '1', WECOM_TOKEN: 't', WECOM_ENCODING_AES_KEY: 'short' });
    assert.equal(badKey.code, 1);
    assert.match(badKey.err, /WECOM_ENCODING_AES_KEY: must be exactly 43 letters or digits/);
  });

  it('on SIGTERM stops accepting, finishes the acknowledged command, then exits 0', async () => {
    const emulator = await WeComEmulator.start();
    const { child, port, output } = await startBotProcess(emulatorEnv(emulator));
    try {
      emulator.callbacks.url = `http://127.0.0.1:${port}/wecom/callback`;
      emulator.faults.delay('message/send', 1500, 1);
      const { answers } = await emulator.callbacks.sendText('zhangsan', '帮助');
      assert.equal(answers[0]?.status, 200);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      assert.equal(code, 0, output());
      assert.equal((await waitForMessages(emulator, 'zhangsan', 1, 100)).length, 1, 'the acknowledged reply was sent');
      assert.match(output(), /stopped cleanly/);
      await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'no longer accepting');
      assertNoSecrets(emulator, output());
    } finally {
      child.kill('SIGKILL');
      await emulator.close();
    }
  });
});
