import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { WeComEmulator } from '../../src/emulator/server.js';
import { assertNoSecrets, sleep, waitForMessages } from '../support/bot.js';
import { startRedis, type RedisServer } from '../support/redis.js';

interface Instance {
  child: ChildProcess;
  port: number;
  output: () => string;
}

describe('scale-out: an instance killed mid-command loses nothing', () => {
  let redis: RedisServer;
  let emulator: WeComEmulator;
  const instances: Instance[] = [];

  /** `npm start`'s entry as a real process, on Redis, against the emulator. */
  const startInstance = async (): Promise<Instance> => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: '0',
        REDIS_URL: redis.url,
        WECOM_QUEUE_LOCK_MS: '1500',
        WECOM_CORP_ID: emulator.corpid,
        WECOM_CORP_SECRET: emulator.corpsecret,
        WECOM_AGENT_ID: String(emulator.agentid),
        WECOM_TOKEN: emulator.callbacks.token,
        WECOM_ENCODING_AES_KEY: emulator.callbacks.encodingAESKey,
        WECOM_API_BASE_URL: emulator.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const match = /listening on port (\d+)/.exec(out);
      if (match) {
        const instance = { child, port: Number(match[1]), output: () => out };
        instances.push(instance);
        return instance;
      }
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`instance did not start:\n${out}`);
      await sleep(50);
    }
  };

  before(async () => {
    redis = await startRedis();
    emulator = await WeComEmulator.start();
  });
  after(async () => {
    for (const { child } of instances) if (child.exitCode === null) child.kill('SIGKILL');
    await emulator.close();
    await redis.close();
  });

  it('SIGKILL right after acknowledging 创建直播, with the create already at WeCom: the other instance finishes it, one live, one reply', async () => {
    // Only A runs when the message comes, so A's worker takes the job; B starts after A died.
    const a = await startInstance();
    // WeCom takes a moment to create the live: the kill lands while A waits for the answer.
    emulator.faults.delay('living/create', 400, 1);
    emulator.callbacks.url = `http://127.0.0.1:${a.port}/wecom/callback`;
    const { answers } = await emulator.callbacks.sendText('zhangsan', '创建直播 不怕宕机 明天15:00');
    assert.equal(answers[0]?.status, 200, 'acknowledged');
    while (emulator.countCalls('living/create') === 0) await sleep(5);
    a.child.kill('SIGKILL');
    await once(a.child, 'exit');
    assert.equal(emulator.messages.forUser('zhangsan').length, 0, 'A died before replying');
    const b = await startInstance();

    const [card] = await waitForMessages(emulator, 'zhangsan', 1, 20_000);
    await sleep(2000); // any second reply or second create would have happened by now
    const lives = emulator.lives.all().filter((l) => l.theme === '不怕宕机');
    assert.equal(lives.length, 1, 'one live');
    assert.equal(emulator.countCalls('living/create'), 1, 'the create was not sent again');
    assert.equal(emulator.messages.forUser('zhangsan').length, 1, 'one reply');
    assert.equal(card?.card?.horizontal_content_list?.find((r) => r.keyname === '直播ID')?.value, lives[0]!.livingid);
    assert.match(b.output(), /"recovered":true/, 'instance B found the live the dead instance created');
    assertNoSecrets(emulator, a.output() + b.output());
  });
});
